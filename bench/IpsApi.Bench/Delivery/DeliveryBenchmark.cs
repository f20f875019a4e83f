using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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
            await using var server = await BenchJobServer.StartAsync(options.AdminConnectionString, BenchOptions.DefaultParallel, storage, cancellationToken,
                new Dictionary<string, string?>
                {
                    // The per-client request rate would cut the repeated-request pass short; the benchmark measures renders.
                    // Every other delivery setting is the server's default.
                    ["IpsApi:Delivery:RatePerSecond"] = "0",
                });
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

            // The image serving catalog's files, wherever the company's storage folder is: <folder>/publish/image/*.tif.
            var pyramids = Directory.GetFiles(storage, "*.tif", SearchOption.AllDirectories)
                .Where(f => Path.GetDirectoryName(f)!.EndsWith(Path.Combine("publish", "image"), StringComparison.Ordinal)).ToArray();
            var names = images.Select(i => Path.GetFileNameWithoutExtension(i.Name)).ToList();
            // Each client from a loopback address of its own, as different machines: the per-client limits see them apart.
            var clients = Enumerable.Range(0, options.Clients).Select(c => ClientFrom(server.BaseAddress, $"127.0.0.{10 + c}")).ToList();

            // Each image once through both paths, not measured: code compiled, files in the page cache, libvips warm.
            await MeasureDeliveryAsync(clients.Take(names.Count).ToList(), names, 1, Cold, cancellationToken);
            MeasureThumbnails(pyramids, pyramids.Length, 1);

            var loadBefore = MachineInfo.LoadAverage();
            Console.WriteLine($"/is/image: {options.Clients} clients x {options.Requests} renders, each a rendition not made before...");
            var delivery = await MeasureDeliveryAsync(clients, names, options.Requests, Cold, cancellationToken);
            Console.WriteLine($"libvips thumbnail: {options.Clients} at a time x {options.Requests}...");
            var thumbnails = MeasureThumbnails(pyramids, options.Clients, options.Requests);
            Console.WriteLine($"/is/image: {options.Clients} clients x {options.Requests} repeated requests (rendition cache)...");
            await MeasureDeliveryAsync(clients.Take(names.Count).ToList(), names, 1, Repeated, cancellationToken);
            var repeated = await MeasureDeliveryAsync(clients, names, options.Requests, Repeated, cancellationToken);
            Console.WriteLine("/is/image: small renders alone, then while one client keeps 12 expensive renders going...");
            var attack = await MeasureAttackAsync(server.BaseAddress, names, cancellationToken);
            var loadAfter = MachineInfo.LoadAverage();
            foreach (var client in clients)
            {
                client.Dispose();
            }

            var result = new DeliveryResult(options, images.Count, delivery, thumbnails, repeated, attack, DateTimeOffset.UtcNow, $"{loadBefore} before, {loadAfter} after");
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

    /// <summary>Every request a rendition not asked for before (a background colour of its own, which a JPEG without
    /// transparency does not show): each one is rendered.</summary>
    private static string Cold(string name, int client, int i) =>
        $"/is/image/{BenchJobServer.Company}/{name}?wid={Side}&hei={Side}&fmt=jpg&qlt={Quality}&bgc={client * 4096 + i:x6}";

    /// <summary>The same few renditions again and again: after the first, each one comes from the rendition cache.</summary>
    private static string Repeated(string name, int client, int i) =>
        $"/is/image/{BenchJobServer.Company}/{name}?wid={Side}&hei={Side}&fmt=jpg&qlt={Quality}";

    private static async Task<Measure> MeasureDeliveryAsync(
        List<HttpClient> clients, List<string> names, int requests, Func<string, int, int, string> url, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((http, client) => Task.Run(async () =>
        {
            for (var i = 0; i < requests; i++)
            {
                var name = names[(client + i) % names.Count];
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(url(name, client, i), cancellationToken);
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
        return new Measure(clients.Count * requests, clock.Elapsed, latencies.ToList());
    }

    /// <summary>
    /// The review's attack: one address keeps 12 expensive renders (3000 px wide, rotated, WebP, each a new rendition)
    /// going while another asks for small 100-pixel renders one after the other; against the same small renders alone.
    /// </summary>
    private static async Task<Attack> MeasureAttackAsync(Uri server, List<string> names, CancellationToken cancellationToken)
    {
        const int probes = 30;
        using var probe = ClientFrom(server, "127.0.0.201");
        async Task<Measure> ProbeAsync(int round)
        {
            var latencies = new List<double>();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < probes; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await probe.GetAsync(
                    $"/is/image/{BenchJobServer.Company}/{names[i % names.Count]}?wid=100&fmt=jpg&qlt={60 + (i % 30)}&bgc={round:x2}{i:x4}", cancellationToken);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    throw new BenchmarkFailedException($"a small render answered {(int)response.StatusCode} during the attack");
                }
            }

            return new Measure(probes, clock.Elapsed, latencies);
        }

        var alone = await ProbeAsync(1);
        using var attacker = ClientFrom(server, "127.0.0.200");
        using var stop = new CancellationTokenSource();
        var outcomes = new ConcurrentDictionary<int, int>();
        var heavy = new ConcurrentBag<double>();
        var sequence = 0;
        var flood = Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            // No new request once the small renders are done; those under way are answered and counted.
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref sequence);
                var started = Stopwatch.GetTimestamp();
                using var response = await attacker.GetAsync(
                    $"/is/image/{BenchJobServer.Company}/{names[n % names.Count]}?wid=3000&rotate=30&fmt=webp&qlt={50 + (n % 50)}&bgc={n:x6}", cancellationToken);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                outcomes.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
                if (response.IsSuccessStatusCode)
                {
                    heavy.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }, CancellationToken.None)).ToList();
        // Let the flood fill the render slots before the small renders start.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var underAttack = await ProbeAsync(2);
        await stop.CancelAsync();
        await Task.WhenAll(flood);
        return new Attack(alone, underAttack, outcomes.OrderBy(o => o.Key).ToList(), heavy.ToList());
    }

    private static HttpClient ClientFrom(Uri server, string source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = server, Timeout = TimeSpan.FromMinutes(5) };

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

/// <summary>The small renders alone and under the attack, what the attacker was answered, and how long its renders took.</summary>
public sealed record Attack(Measure Alone, Measure UnderAttack, IReadOnlyList<KeyValuePair<int, int>> AttackerStatuses, IReadOnlyList<double> HeavyMs);

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
