using System.Collections.Concurrent;
using System.Diagnostics;
using IpsApi.Bench.Ingest;
using NetVips;

namespace IpsApi.Bench.Delivery;

/// <summary>
/// The delivery benchmark: images of 24 megapixels are uploaded and published like a user does it
/// (uploadUrlsJob, imageServingPublishJob); then many clients at once ask /is/image for 512-pixel JPEGs of them,
/// against libvips thumbnail making the same 512-pixel JPEGs from the same published pyramid files, with as many
/// at a time, in the same process and run. Everything it makes is removed at the end.
/// </summary>
public static class DeliveryBenchmark
{
    public const int Side = 512;
    public const int Quality = 80;
    public const int Width = 6000;
    public const int Height = 4000;

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(30);

    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("ipsapi-bench-").FullName;
        try
        {
            var imagesFolder = Directory.CreateDirectory(Path.Combine(scratch, "images")).FullName;
            Console.WriteLine($"Generating {options.Images} images of {Width} x {Height} pixels...");
            var images = Enumerable.Range(1, options.Images).Select(i => Generate(imagesFolder, i)).ToList();

            await using var files = await ImageFileServer.StartAsync(images, cancellationToken);
            var storage = Directory.CreateDirectory(Path.Combine(scratch, "storage")).FullName;
            await using var server = await BenchJobServer.StartAsync(options.AdminConnectionString, BenchOptions.DefaultParallel, storage, cancellationToken);
            Console.WriteLine("Uploading and publishing them...");
            var upload = await server.UploadAsync("bench upload", images.Select(i => (files.UrlOf(i), $"photos/{i.Name}")).ToList(), RunTimeout,
                cancellationToken);
            var publish = await server.RunJobAsync("bench publish",
                "<imageServingPublishJob><publishType>Full</publishType><emailSetting>None</emailSetting></imageServingPublishJob>", RunTimeout,
                cancellationToken);
            if (upload.FileSuccess != images.Count || publish.State != "Done" || publish.FileSuccess != images.Count)
            {
                throw new BenchmarkFailedException($"upload ingested {upload.FileSuccess} and publish published {publish.FileSuccess} of {images.Count} images");
            }

            var pyramids = Directory.GetFiles(Path.Combine(storage, BenchJobServer.Company, "publish", "image"), "*.tif");
            var names = images.Select(i => Path.GetFileNameWithoutExtension(i.Name)).ToList();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients }) { BaseAddress = server.BaseAddress };

            // Each image once through both paths, not measured: code compiled, files in the page cache, libvips warm.
            await MeasureDeliveryAsync(http, names, names.Count, 1, cancellationToken);
            MeasureThumbnails(pyramids, pyramids.Length, 1);

            var loadBefore = MachineInfo.LoadAverage();
            Console.WriteLine($"/is/image: {options.Clients} clients x {options.Requests} renders...");
            var delivery = await MeasureDeliveryAsync(http, names, options.Clients, options.Requests, cancellationToken);
            Console.WriteLine($"libvips thumbnail: {options.Clients} at a time x {options.Requests}...");
            var thumbnails = MeasureThumbnails(pyramids, options.Clients, options.Requests);
            var loadAfter = MachineInfo.LoadAverage();

            var result = new DeliveryResult(options, images.Count, delivery, thumbnails, DateTimeOffset.UtcNow, $"{loadBefore} before, {loadAfter} after");
            Console.WriteLine();
            Console.WriteLine(result.Table());
            await ResultsFile.RecordAsync(options.ResultsPath, "delivery", result.Markdown(), cancellationToken);
            Console.WriteLine($"Recorded in {options.ResultsPath}");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>A photo-like 24-megapixel JPEG: smoothed colour noise over a gradient, different for each index.</summary>
    private static BenchImage Generate(string folder, int index)
    {
        var path = Path.Combine(folder, $"photo-{index:000}.jpg");
        using var red = Image.Gaussnoise(Width, Height, mean: 90 + (index * 13 % 80), sigma: 40);
        using var green = Image.Gaussnoise(Width, Height, mean: 110, sigma: 35);
        using var blue = Image.Gaussnoise(Width, Height, mean: 150 - (index * 7 % 60), sigma: 30);
        using var joined = red.Bandjoin(green, blue);
        using var smooth = joined.Gaussblur(2.0);
        using var pixels = smooth.Cast(Enums.BandFormat.Uchar);
        using var srgb = pixels.Copy(interpretation: Enums.Interpretation.Srgb);
        srgb.Jpegsave(path, q: 90);
        return new BenchImage(Path.GetFileName(path), path, new FileInfo(path).Length, Width, Height);
    }

    private static async Task<Measure> MeasureDeliveryAsync(
        HttpClient http, List<string> names, int clients, int requests, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; i < requests; i++)
            {
                var name = names[(client + i) % names.Count];
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync($"/is/image/{BenchJobServer.Company}/{name}?wid={Side}&hei={Side}&fmt=jpg&qlt={Quality}",
                    cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode || body.Length < 100)
                {
                    throw new BenchmarkFailedException($"/is/image answered {(int)response.StatusCode} for {name}");
                }

                if (i == 0 && client == 0)
                {
                    Check(body, "/is/image");
                }
            }
        }, cancellationToken)));
        return new Measure(clients * requests, clock.Elapsed, latencies.ToList());
    }

    private static Measure MeasureThumbnails(string[] pyramids, int clients, int requests)
    {
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        Parallel.For(0, clients, new ParallelOptions { MaxDegreeOfParallelism = clients }, client =>
        {
            for (var i = 0; i < requests; i++)
            {
                var started = Stopwatch.GetTimestamp();
                // What `vips thumbnail file.tif 512` does, in-process: no process start in the baseline's time.
                using var thumbnail = Image.Thumbnail(pyramids[(client + i) % pyramids.Length], Side, height: Side);
                var body = thumbnail.JpegsaveBuffer(q: Quality, optimizeCoding: true);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (i == 0 && client == 0)
                {
                    Check(body, "thumbnail");
                }
            }
        });
        return new Measure(clients * requests, clock.Elapsed, latencies.ToList());
    }

    /// <summary>Both sides must make the same thing: a 512-pixel-wide JPEG of the 3:2 image.</summary>
    private static void Check(byte[] jpeg, string who)
    {
        using var image = Image.NewFromBuffer(jpeg);
        if (image.Width != Side || image.Height != Side * Height / Width || (string)image.Get("vips-loader") != "jpegload_buffer")
        {
            throw new BenchmarkFailedException($"{who} made a {image.Width} x {image.Height} {image.Get("vips-loader")} image");
        }
    }
}

/// <summary>How many renders, in how long, and how long each took.</summary>
public sealed record Measure(int Count, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
