using System.Diagnostics;
using IpsApi.Assets.Files;
using IpsApi.Assets.Processing;
using IpsApi.Assets.Store;
using IpsApi.Bench.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IpsApi.Bench.Optimize;

/// <summary>
/// The optimize benchmark: one optimizeImagesJob, submitted over SOAP, over a catalog of camera-sized
/// JPEGs that have no optimized pyramid yet, timed from the submitJob request to the run's end, against the vips
/// command line writing the same kind of pyramid from the same files in the same run. Everything it makes
/// (images, database, storage) is removed at the end.
/// </summary>
public static class OptimizeBenchmark
{
    private const string JobName = "bench optimize";
    private const string JobElement = "<optimizeImagesJob><emailSetting>None</emailSetting></optimizeImagesJob>";
    private const double MinMegapixels = 12;
    private const double MaxMegapixels = 24;

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(60);

    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("ipsapi-bench-").FullName;
        try
        {
            var imagesFolder = Directory.CreateDirectory(Path.Combine(scratch, "images")).FullName;
            Console.WriteLine($"Generating {options.Images} JPEGs of {MinMegapixels:0}-{MaxMegapixels:0} megapixels...");
            var clock = Stopwatch.StartNew();
            var images = BenchImages.GenerateByPixels(imagesFolder, options.Images, MinMegapixels, MaxMegapixels, cancellationToken);
            Console.WriteLine($"  {images.Sum(i => i.Bytes) / 1e6:0} MB in {clock.Elapsed.TotalSeconds:0} s");

            var storage = Directory.CreateDirectory(Path.Combine(scratch, "storage")).FullName;
            await using var server = await BenchJobServer.StartAsync(options.AdminConnectionString, BenchOptions.DefaultParallel, storage, cancellationToken);
            var processing = server.Services.GetRequiredService<IOptions<ProcessingOptions>>().Value;
            var seeder = new CatalogSeeder(server, await server.CompanyAsync(cancellationToken));

            // An unmeasured optimize of one image first: the server users submit to has its code compiled and
            // libvips loaded. Then the catalog the measured job works through.
            await seeder.AddAsync("warm-up", images.Take(1), cancellationToken);
            await EnsureDoneAsync(server, "bench warm-up", 1, await server.RunJobAsync("bench warm-up", JobElement, RunTimeout, cancellationToken), cancellationToken);
            await seeder.AddAsync("bench", images, cancellationToken);

            // Other work on the machine skews every figure: the record says how busy it was around the measurements,
            // and the baseline runs before and after the job, so a load that drifts weighs on both sides alike.
            var loadBefore = LoadAverage();
            var vipsBefore = await MeasureVipsAsync(images, processing, scratch, cancellationToken);
            var loadBetween = LoadAverage();
            var job = await MeasureJobAsync(server, images.Count, cancellationToken);
            var loadBetweenAgain = LoadAverage();
            var vipsAfter = await MeasureVipsAsync(images, processing, scratch, cancellationToken);
            var loadAfter = LoadAverage();

            var result = new OptimizeResult(options, images, job, (vipsBefore, vipsAfter), processing.TileSize, processing.JpegQuality,
                await VipsBaseline.VersionAsync(cancellationToken), DateTimeOffset.UtcNow,
                $"{loadBefore} before the first baseline, {loadBetween} before the job, {loadBetweenAgain} after it, {loadAfter} after the second baseline");
            Console.WriteLine();
            Console.WriteLine(result.Table());
            await ResultsFile.RecordAsync(options.ResultsPath, "optimize", result.Markdown(), cancellationToken);
            Console.WriteLine($"Recorded in {options.ResultsPath}");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static async Task<TimeSpan> MeasureVipsAsync(
        IReadOnlyList<BenchImage> images, ProcessingOptions processing, string scratch, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Baseline: {VipsBaseline.CommandOf(processing.TileSize, processing.JpegQuality)}, one image at a time...");
        var target = Directory.CreateDirectory(Path.Combine(scratch, "vips")).FullName;
        var elapsed = await VipsBaseline.ConvertAsync(
            images.Select(i => (i.Path, Path.Combine(target, Path.ChangeExtension(i.Name, ".tif")))).ToList(),
            processing.TileSize, processing.JpegQuality, cancellationToken);
        Directory.Delete(target, recursive: true);
        Console.WriteLine($"  {elapsed.TotalSeconds:0.0} s");
        return elapsed;
    }

    private static async Task<JobMeasure> MeasureJobAsync(BenchJobServer server, int count, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Job server: optimizeImagesJob over {count} images without a pyramid...");
        var submitted = DateTimeOffset.UtcNow;
        var run = await server.RunJobAsync(JobName, JobElement, RunTimeout, cancellationToken);
        await EnsureDoneAsync(server, JobName, count, run, cancellationToken);
        var measure = new JobMeasure(run.EndedAt - submitted, run.StartedAt - submitted);
        Console.WriteLine($"  {measure.Elapsed.TotalSeconds:0.0} s");
        return measure;
    }

    /// <summary>A run that optimized fewer images than it was given measured something else: that fails the benchmark.</summary>
    private static async Task EnsureDoneAsync(BenchJobServer server, string jobName, int count, BenchRun run, CancellationToken cancellationToken)
    {
        if (run.State != "Done" || run.FileSuccess != count || run.FileError != 0)
        {
            throw new BenchmarkFailedException(
                $"the run of {jobName} ended {run.State} with {run.FileSuccess} of {count} images optimized: "
                + string.Join("; ", await server.ErrorsAsync(jobName, cancellationToken)));
        }
    }

    /// <summary>
    /// Puts the images in the company's catalog as image assets with only their original, through the server's own
    /// file and asset stores: the state optimizeImagesJob exists for (pyramids lost, or a catalog moved in from
    /// elsewhere), without spending the benchmark's time on an upload that would make the pyramids itself.
    /// </summary>
    private sealed class CatalogSeeder(BenchJobServer server, IpsApi.Jobs.Accounts.Company company)
    {
        private readonly IFileStore _files = server.Services.GetRequiredService<IFileStore>();
        private readonly AssetStore _assets = server.Services.GetRequiredService<AssetStore>();

        public async Task AddAsync(string folder, IEnumerable<BenchImage> images, CancellationToken cancellationToken)
        {
            foreach (var image in images)
            {
                // The store moves the file in; the benchmark keeps its copy for the baseline.
                var copy = Path.Combine(Path.GetDirectoryName(image.Path)!, $"seed-{image.Name}");
                File.Copy(image.Path, copy, overwrite: true);
                var stored = await _files.PutAsync($"{company.Handle}/assets/{folder}/{image.Name}", copy, cancellationToken);
                await _assets.SaveAsync(new AssetWrite(
                    company.Id, company.Handle, folder, image.Name, AssetType.Image, stored.Size, stored.Sha256, stored.Key,
                    new AssetFacts(image.Width, image.Height, "jpeg", "srgb"), ReadyForPublish: false, PreservePublishState: false,
                    Renditions: [], Metadata: new Dictionary<string, string>()), cancellationToken);
            }
        }
    }
}
