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
            // Enough POSTs that each receiver's code is compiled to its final tier before it is measured.
            IReadOnlyList<BenchImage> warmUp = [.. images.Take(options.Parallel), .. SmallFiles(scratch, 200)];

            var loadBefore = MachineInfo.LoadAverage();
            var bare = await MeasureBareAsync(options, images, warmUp, scratch, sync: false, cancellationToken);
            var bareSync = await MeasureBareAsync(options, images, warmUp, scratch, sync: true, cancellationToken);
            var server = await MeasureServerAsync(options, images, warmUp, scratch, cancellationToken);
            var hand = await IngestBenchmark.MeasureHandPipelineAsync(options, images, files, scratch, cancellationToken);
            var loadAfter = MachineInfo.LoadAverage();

            var result = new UploadResult(options, images, server.AcceptOnly, server.AcceptOnlyUnflushed, server.WhileIngesting, bare, bareSync, server.Job, hand, server.Big,
                await HandPipeline.ToolsAsync(cancellationToken),
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
        var measure = await UploadLoad.RunAsync(endpoint, "bare", "bench", "bench", "bench", images, options.Parallel, bare.RssMiB, cancellationToken);
        Directory.Delete(folder, recursive: true);
        Console.WriteLine($"  {measure.MegabytesPerSecond:0.0} MB/s, RSS {measure.Rss} MiB");
        return measure;
    }

    /// <summary>
    /// What the server did: POSTs with its runs held (files flushed to the disk, its default, and not), POSTs while the
    /// job ingests, the job's time, the big file.
    /// </summary>
    private sealed record ServerMeasures(
        UploadMeasure AcceptOnly, UploadMeasure AcceptOnlyUnflushed, UploadMeasure WhileIngesting, JobMeasure Job, (long Bytes, UploadMeasure Posts)? Big);

    private static async Task<ServerMeasures> MeasureServerAsync(
        BenchOptions options, IReadOnlyList<BenchImage> images, IReadOnlyList<BenchImage> warmUp, string scratch, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(options.AdminConnectionString, cancellationToken);
        var storage = Directory.CreateDirectory(Path.Combine(scratch, "storage")).FullName;
        var acceptOnlyUnflushed = await MeasureAcceptOnlyAsync(options, images, warmUp, database, storage, flushed: false, cancellationToken);
        await using var node = await StartNodeAsync(database, storage, "bench", flushed: true, cancellationToken);
        var endpoint = new Uri(node.Address, "/scene7/UploadFile");
        Task<UploadMeasure> PostAllAsync(string jobName, IReadOnlyList<BenchImage> files, int parallel) =>
            UploadLoad.RunAsync(endpoint, BenchNode.Company, BenchNode.Email, BenchNode.Password, jobName, files, parallel, node.RssMiB, cancellationToken);
        var acceptOnly = await AcceptOnlyAsync(node, "accept", options, images, warmUp, database, cancellationToken);

        Console.WriteLine($"Job server: the same as a job that ingests while its POSTs come in...");
        var started = DateTimeOffset.UtcNow;
        var whileIngesting = await PostAllAsync("bench", images, options.Parallel);
        Console.WriteLine($"  POSTs: {whileIngesting.MegabytesPerSecond:0.0} MB/s, RSS {whileIngesting.Rss} MiB");
        var (runStarted, ended) = await WaitForRunAsync(database, "bench", images.Count, cancellationToken);
        var job = new JobMeasure(ended - started, runStarted - started);
        Console.WriteLine($"  job: {job.Elapsed.TotalSeconds:0.0} s until every file was an asset");

        if (options.BigFileGib == 0)
        {
            return new ServerMeasures(acceptOnly, acceptOnlyUnflushed, whileIngesting, job, null);
        }

        Console.WriteLine($"Job server: one file of {options.BigFileGib} GiB in one POST...");
        var big = BigFile(scratch, options.BigFileGib);
        var bigPosts = await PostAllAsync("big", [big], 1);
        await WaitForRunAsync(database, "big", 1, cancellationToken);
        File.Delete(big.Path);
        Console.WriteLine($"  {bigPosts.MegabytesPerSecond:0.0} MB/s, RSS {bigPosts.Rss} MiB");
        return new ServerMeasures(acceptOnly, acceptOnlyUnflushed, whileIngesting, job, (big.Bytes, bigPosts));
    }

    /// <summary>The endpoint alone on a node of its own that does not flush POSTed files to the disk.</summary>
    private static async Task<UploadMeasure> MeasureAcceptOnlyAsync(
        BenchOptions options, IReadOnlyList<BenchImage> images, IReadOnlyList<BenchImage> warmUp, BenchDatabase database, string storage, bool flushed,
        CancellationToken cancellationToken)
    {
        await using var node = await StartNodeAsync(database, storage, "bench-unflushed", flushed, cancellationToken);
        return await AcceptOnlyAsync(node, "accept-unflushed", options, images, warmUp, database, cancellationToken);
    }

    /// <summary>
    /// After an unmeasured job (a server that has been up a while has its code compiled and libvips loaded), the POSTs
    /// of one job with the node claiming no run meanwhile, so the job's ingest does not share the processors; then
    /// the runs go on and the job is ingested.
    /// </summary>
    private static async Task<UploadMeasure> AcceptOnlyAsync(
        ChildProcess node, string jobName, BenchOptions options, IReadOnlyList<BenchImage> images, IReadOnlyList<BenchImage> warmUp,
        BenchDatabase database, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(node.Address, "/scene7/UploadFile");
        using var control = new HttpClient { BaseAddress = node.Address };
        await UploadLoad.RunAsync(endpoint, BenchNode.Company, BenchNode.Email, BenchNode.Password, $"{jobName} warm-up", warmUp, options.Parallel, node.RssMiB, cancellationToken);
        await WaitForRunAsync(database, $"{jobName} warm-up", warmUp.Count, cancellationToken);

        Console.WriteLine($"Job server: {images.Count} POSTs of one upload job, {options.Parallel} connections, runs held ({jobName})...");
        (await control.PostAsync("/bench/standby", null, cancellationToken)).EnsureSuccessStatusCode();
        var measure = await UploadLoad.RunAsync(endpoint, BenchNode.Company, BenchNode.Email, BenchNode.Password, jobName, images, options.Parallel, node.RssMiB, cancellationToken);
        (await control.PostAsync("/bench/start", null, cancellationToken)).EnsureSuccessStatusCode();
        Console.WriteLine($"  {measure.MegabytesPerSecond:0.0} MB/s, RSS {measure.Rss} MiB");
        await WaitForRunAsync(database, jobName, images.Count, cancellationToken);
        return measure;
    }

    /// <summary>A node of the job server (seeding the database if it is the first), flushing POSTed files or not.</summary>
    private static async Task<ChildProcess> StartNodeAsync(BenchDatabase database, string storage, string name, bool flushed, CancellationToken cancellationToken)
    {
        // The child takes the setting from its environment, as a user would set it.
        Environment.SetEnvironmentVariable("IPSAPI_UPLOADS__SYNCTODISK", flushed ? null : "false");
        try
        {
            var seeded = await database.ScalarAsync<bool>("select to_regclass('companies') is not null", cancellationToken);
            return await ChildProcess.StartAsync("node", seeded ? [database.ConnectionString, name, storage] : [database.ConnectionString, name, storage, "seed"], cancellationToken);
        }
        finally
        {
            Environment.SetEnvironmentVariable("IPSAPI_UPLOADS__SYNCTODISK", null);
        }
    }

    /// <summary>Small files of random bytes, for warming up.</summary>
    private static IEnumerable<BenchImage> SmallFiles(string scratch, int count)
    {
        var folder = Directory.CreateDirectory(Path.Combine(scratch, "small")).FullName;
        var random = new Random(11);
        for (var i = 0; i < count; i++)
        {
            var bytes = new byte[4096];
            random.NextBytes(bytes);
            var path = Path.Combine(folder, $"small-{i:D3}.bin");
            File.WriteAllBytes(path, bytes);
            yield return new BenchImage(Path.GetFileName(path), path, bytes.Length, 0, 0);
        }
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
