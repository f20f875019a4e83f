using System.Diagnostics;
using IpsApi.Assets.Processing;

namespace IpsApi.Bench.Ingest;

/// <summary>
/// The ingest benchmark: one uploadUrlsJob of many 1-5 MB images from a loopback HTTP server, timed
/// from the submitJob request to the run's end, against curl downloading the same URLs with the same
/// parallelism in the same run. Everything it makes (images, database, storage) is removed at the end.
/// </summary>
public static class IngestBenchmark
{
    private const string JobName = "bench ingest";

    // Generous: on a slow machine the run may take long, but a run that never ends must not hang the benchmark.
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(30);

    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("ipsapi-bench-").FullName;
        try
        {
            var imagesFolder = Directory.CreateDirectory(Path.Combine(scratch, "images")).FullName;
            Console.WriteLine($"Generating {options.Images} images of {options.MinBytes / 1e6:0}-{options.MaxBytes / 1e6:0} MB...");
            var clock = Stopwatch.StartNew();
            var images = BenchImages.Generate(imagesFolder, options.Images, options.MinBytes, options.MaxBytes, cancellationToken);
            Console.WriteLine($"  {images.Sum(i => i.Bytes) / 1e6:0} MB in {clock.Elapsed.TotalSeconds:0} s");

            await using var files = await ImageFileServer.StartAsync(images, cancellationToken);
            // Other work on the machine skews every figure: the record says how busy it was around the measurements.
            var loadBefore = LoadAverage();
            var curl = await MeasureCurlAsync(options, images, files, scratch, cancellationToken);
            var hand = await MeasureHandPipelineAsync(options, images, files, scratch, cancellationToken);
            var job = await MeasureJobAsync(options, images, files, scratch, cancellationToken);
            var loadAfter = LoadAverage();

            var result = new IngestResult(
                options, images, job, curl, hand, await HandPipeline.ToolsAsync(cancellationToken), DateTimeOffset.UtcNow, $"{loadBefore} before, {loadAfter} after");
            Console.WriteLine();
            Console.WriteLine(result.Table());
            await ResultsFile.RecordAsync(options.ResultsPath, "ingest", result.Markdown(), cancellationToken);
            Console.WriteLine($"Recorded in {options.ResultsPath}");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static async Task<TimeSpan> MeasureCurlAsync(
        BenchOptions options, IReadOnlyList<BenchImage> images, ImageFileServer files, string scratch, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Baseline: curl --parallel --parallel-max {options.Parallel}...");
        var target = Directory.CreateDirectory(Path.Combine(scratch, "curl")).FullName;
        var elapsed = await CurlBaseline.DownloadAsync(
            images.Select(i => (files.UrlOf(i), Path.Combine(target, i.Name))).ToList(), options.Parallel, scratch, cancellationToken);
        // A baseline that fetched less than the job would flatter curl: every file must have arrived whole.
        var incomplete = images.Where(i => !File.Exists(Path.Combine(target, i.Name)) || new FileInfo(Path.Combine(target, i.Name)).Length != i.Bytes).ToList();
        if (incomplete.Count > 0)
        {
            throw new BenchmarkFailedException($"curl did not download {incomplete.Count} of the files whole (first: {incomplete[0].Name})");
        }

        Directory.Delete(target, recursive: true);
        Console.WriteLine($"  {elapsed.TotalSeconds:0.0} s");
        return elapsed;
    }

    /// <summary>The same work by hand: curl and the vips command line on each file, as many at a time as the job.</summary>
    public static async Task<TimeSpan> MeasureHandPipelineAsync(
        BenchOptions options, IReadOnlyList<BenchImage> images, ImageFileServer files, string scratch, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Baseline: curl and vips tiffsave by hand, {options.Parallel} at a time...");
        var folder = Path.Combine(scratch, "hand");
        var processing = new ProcessingOptions();
        var elapsed = await HandPipeline.RunAsync([.. images.Select(files.UrlOf)], folder, options.Parallel, processing.TileSize, processing.JpegQuality, cancellationToken);
        Directory.Delete(folder, recursive: true);
        Console.WriteLine($"  {elapsed.TotalSeconds:0.0} s");
        return elapsed;
    }

    private static async Task<JobMeasure> MeasureJobAsync(
        BenchOptions options, IReadOnlyList<BenchImage> images, ImageFileServer files, string scratch, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Job server: uploadUrlsJob with {images.Count} URLs, {options.Parallel} downloads at a time...");
        var storage = Directory.CreateDirectory(Path.Combine(scratch, "storage")).FullName;
        await using var server = await BenchJobServer.StartAsync(options.AdminConnectionString, options.Parallel, storage, cancellationToken);

        // A short job first, not measured: a server that has been up for a while has its code compiled and
        // libvips loaded, and that is the server users submit to.
        var warmUp = images.Take(options.Parallel).Select(i => (files.UrlOf(i), $"warm-up/{i.Name}")).ToList();
        await server.UploadAsync("bench warm-up", warmUp, RunTimeout, cancellationToken);

        var urls = images.Select(i => (files.UrlOf(i), $"bench/{i.Name}")).ToList();
        var submitted = DateTimeOffset.UtcNow;
        var run = await server.UploadAsync(JobName, urls, RunTimeout, cancellationToken);
        if (run.State != "Done" || run.FileSuccess != images.Count || run.TransferSuccess != images.Count)
        {
            var errors = await server.ErrorsAsync(JobName, cancellationToken);
            throw new BenchmarkFailedException(
                $"the run ended {run.State} with {run.FileSuccess} of {images.Count} files ingested and {run.TransferSuccess} transfers: "
                + string.Join("; ", errors));
        }

        var measure = new JobMeasure(run.EndedAt - submitted, run.StartedAt - submitted);
        Console.WriteLine($"  {measure.Elapsed.TotalSeconds:0.0} s");
        return measure;
    }
}

/// <summary>The job's time from submitJob to the run's end, and how much of it passed before the run started.</summary>
public sealed record JobMeasure(TimeSpan Elapsed, TimeSpan UntilStart);
