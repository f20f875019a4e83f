using System.Diagnostics;
using IpsApi.Bench.Ingest;
using IpsApi.Bench.Jobs;

namespace IpsApi.Bench.Upload;

/// <summary>
/// The upload benchmark: the images of the ingest benchmark POSTed to the UploadFile endpoint as one upload job over
/// N connections, against the same POSTs to a bare Kestrel endpoint that only writes the bodies to disk (with and
/// without flushing each to the disk), each receiver a child process whose RSS is read while the POSTs go in; then
/// the job's time until every file is an asset, against doing the same work by hand (curl and vips, N at a time).
/// Optionally one big file POSTed alone, to show memory stays flat whatever the size.
/// </summary>
public static class UploadBenchmark
{
    private const string JobName = "bench upload";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(30);

    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("ipsapi-bench-").FullName;
        try
        {
            var imagesFolder = Directory.CreateDirectory(Path.Combine(scratch, "images")).FullName;
            Console.WriteLine($"Generating {options.Images} images of {options.MinBytes / 1e6:0}-{options.MaxBytes / 1e6:0} MB...");
            var images = BenchImages.Generate(imagesFolder, options.Images, options.MinBytes, options.MaxBytes, cancellationToken);
            Console.WriteLine($"  {images.Sum(i => i.Bytes) / 1e6:0} MB");
            await using var files = await ImageFileServer.StartAsync(images, cancellationToken);
            IReadOnlyList<BenchImage> warmUp = [.. images.Take(options.Parallel)];

            var loadBefore = MachineInfo.LoadAverage();
            var bare = await MeasureBareAsync(options, images, warmUp, scratch, sync: false, cancellationToken);
            var bareSync = await MeasureBareAsync(options, images, warmUp, scratch, sync: true, cancellationToken);
            var (server, job, big) = await MeasureServerAsync(options, images, warmUp, scratch, cancellationToken);
            var hand = await IngestBenchmark.MeasureHandPipelineAsync(options, images, files, scratch, cancellationToken);
            var loadAfter = MachineInfo.LoadAverage();

            var result = new UploadResult(options, images, server, bare, bareSync, job, hand, big, await HandPipeline.ToolsAsync(cancellationToken),
                DateTimeOffset.UtcNow, $"{loadBefore} before, {loadAfter} after");
            Console.WriteLine();
            Console.WriteLine(result.Table());
            await ResultsFile.RecordAsync(options.ResultsPath, "upload", result.Markdown(), cancellationToken);
            Console.WriteLine($"Recorded in {options.ResultsPath}");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<UploadMeasure> MeasureBareAsync(
        BenchOptions options, IReadOnlyList<BenchImage> images, IReadOnlyList<BenchImage> warmUp, string scratch, bool sync, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Baseline: bare Kestrel writing the bodies to disk{(sync ? " and flushing each" : "")}, {options.Parallel} connections...");
        var folder = Directory.CreateDirectory(Path.Combine(scratch, sync ? "bare-sync" : "bare")).FullName;
        await using var bare = await ChildProcess.StartAsync("bare-upload", [folder, sync ? "sync" : "nosync"], cancellationToken);
        var endpoint = new Uri(bare.Address, "/upload");
        await UploadLoad.RunAsync(endpoint, "bare", "bench", "bench", "warm-up", warmUp, options.Parallel, bare.RssMiB, cancellationToken);
        var measure = await UploadLoad.RunAsync(endpoint, "bare", "bench", "bench", JobName, images, options.Parallel, bare.RssMiB, cancellationToken);
        Directory.Delete(folder, recursive: true);
        Console.WriteLine($"  {measure.MegabytesPerSecond:0.0} MB/s, RSS {measure.Rss} MiB");
        return measure;
    }

    private static async Task<(UploadMeasure Posts, JobMeasure Job, (long Bytes, UploadMeasure Posts)? Big)> MeasureServerAsync(
        BenchOptions options, IReadOnlyList<BenchImage> images, IReadOnlyList<BenchImage> warmUp, string scratch, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Job server: one upload job of {images.Count} POSTs, {options.Parallel} connections...");
        await using var database = await BenchDatabase.CreateAsync(options.AdminConnectionString, cancellationToken);
        var storage = Directory.CreateDirectory(Path.Combine(scratch, "storage")).FullName;
        await using var node = await ChildProcess.StartAsync("node", [database.ConnectionString, "bench", storage, "seed"], cancellationToken);
        var endpoint = new Uri(node.Address, "/scene7/UploadFile");

        // An unmeasured job first: a server that has been up a while has its code compiled and libvips loaded.
        await UploadLoad.RunAsync(endpoint, BenchNode.Company, BenchNode.Email, BenchNode.Password, "bench warm-up", warmUp, options.Parallel, node.RssMiB, cancellationToken);
        await WaitForRunAsync(database, "bench warm-up", warmUp.Count, cancellationToken);

        var started = DateTimeOffset.UtcNow;
        var posts = await UploadLoad.RunAsync(endpoint, BenchNode.Company, BenchNode.Email, BenchNode.Password, JobName, images, options.Parallel, node.RssMiB, cancellationToken);
        Console.WriteLine($"  POSTs: {posts.MegabytesPerSecond:0.0} MB/s, RSS {posts.Rss} MiB");
        var (runStarted, ended) = await WaitForRunAsync(database, JobName, images.Count, cancellationToken);
        var job = new JobMeasure(ended - started, runStarted - started);
        Console.WriteLine($"  job: {job.Elapsed.TotalSeconds:0.0} s until every file was an asset");

        if (options.BigFileGib == 0)
        {
            return (posts, job, null);
        }

        Console.WriteLine($"Job server: one file of {options.BigFileGib} GiB in one POST...");
        var big = BigFile(scratch, options.BigFileGib);
        var bigPosts = await UploadLoad.RunAsync(endpoint, BenchNode.Company, BenchNode.Email, BenchNode.Password, "bench big file", [big], 1, node.RssMiB, cancellationToken);
        await WaitForRunAsync(database, "bench big file", 1, cancellationToken);
        File.Delete(big.Path);
        Console.WriteLine($"  {bigPosts.MegabytesPerSecond:0.0} MB/s, RSS {bigPosts.Rss} MiB");
        return (posts, job, (big.Bytes, bigPosts));
    }

    /// <summary>A file of <paramref name="gib"/> GiB: one random MiB over and over (its content does not matter, only its size).</summary>
    private static BenchImage BigFile(string scratch, int gib)
    {
        var path = Path.Combine(scratch, "big.bin");
        var block = new byte[1024 * 1024];
        new Random(7).NextBytes(block);
        using (var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1024 * 1024))
        {
            for (var i = 0; i < gib * 1024; i++)
            {
                output.Write(block);
            }
        }

        return new BenchImage("big.bin", path, gib * 1024L * 1024 * 1024, 0, 0);
    }

    /// <summary>Waits for the job's run to end with every file ingested; answers when it started and ended.</summary>
    private static async Task<(DateTimeOffset Started, DateTimeOffset Ended)> WaitForRunAsync(
        BenchDatabase database, string jobName, int files, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < RunTimeout)
        {
            await using var command = database.DataSource.CreateCommand(
                """
                select r.state, r.started_at, r.ended_at, r.file_success_count from job_runs r join jobs j on j.id = r.job_id
                where j.name = @name and r.ended_at is not null
                """);
            command.Parameters.AddWithValue("name", jobName);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var (state, started, ended, success) = (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt32(3));
                return state == "Done" && success == files
                    ? (started, ended)
                    : throw new BenchmarkFailedException($"the run of {jobName} ended {state} with {success} of {files} files ingested");
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new BenchmarkFailedException($"the run of {jobName} did not end within {RunTimeout.TotalMinutes:0} minutes");
    }
}
