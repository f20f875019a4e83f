using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security;
using System.Text;

namespace IpsApi.Bench.Jobs;

/// <summary>
/// The jobs benchmark: the door (submitJob) and the engine (dispatch, drain), each beside a baseline measured
/// in the same run. Every server under test is a child process on a database of its own, dropped afterwards.
/// </summary>
public static class JobsBenchmark
{
    private const string Ips = "http://www.scene7.com/IpsApi/xsd";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(JobsOptions options, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("ipsapi-bench-jobs-").FullName;
        var result = new JobsResult(options) { LoadBefore = LoadAverage(), PostgresVersion = await PostgresVersionAsync(options, cancellationToken) };
        try
        {
            if (options.Parts.Contains("submit"))
            {
                result.BareSubmit = await MeasureBareSubmitAsync(options, cancellationToken);
                result.ServerSubmit = await MeasureServerSubmitAsync(options, scratch, cancellationToken);
            }

            if (options.Parts.Contains("dispatch"))
            {
                result.ServerDispatch = await MeasureServerDispatchAsync(options, scratch, cancellationToken);
                result.QuartzDispatch = await MeasureQuartzDispatchAsync(options, cancellationToken);
            }

            if (options.Parts.Contains("drain"))
            {
                result.OneNodeDrain = await MeasureServerDrainAsync(options, scratch, nodes: 1, cancellationToken);
                result.TwoNodeDrain = await MeasureServerDrainAsync(options, scratch, nodes: 2, cancellationToken);
                result.QuartzDrain = await MeasureQuartzDrainAsync(options, cancellationToken);
            }

            result.LoadAfter = LoadAverage();
            Console.WriteLine();
            Console.WriteLine(result.Table());
            if (options.Parts.Count == JobsOptions.AllParts.Length)
            {
                await ResultsFile.RecordAsync(options.ResultsPath, "jobs", result.Markdown(), cancellationToken);
                Console.WriteLine($"Recorded in {options.ResultsPath}");
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<string> PostgresVersionAsync(JobsOptions options, CancellationToken cancellationToken)
    {
        await using var source = Npgsql.NpgsqlDataSource.Create(options.AdminConnectionString);
        await using var command = source.CreateCommand("select 'PostgreSQL ' || current_setting('server_version') || ', fsync ' || current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit')");
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    // ------------------------------------------------------------------ submit

    private static async Task<SubmitMeasure> MeasureBareSubmitAsync(JobsOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Submit baseline: bare Kestrel + Npgsql INSERT, {options.Clients} clients, {options.Seconds} s...");
        await using var database = await BenchDatabase.CreateAsync(options.AdminConnectionString, cancellationToken);
        await using var bare = await ChildProcess.StartAsync("bare", [database.ConnectionString], cancellationToken);
        var endpoint = new Uri(bare.Address, "/submit");
        await SubmitLoad.RunAsync(endpoint, LaterEnvelope, "warm-up", options.Clients, WarmUp, null, cancellationToken);
        var measure = await SubmitLoad.RunAsync(endpoint, LaterEnvelope, "bench", options.Clients, TimeSpan.FromSeconds(options.Seconds), bare.RssMiB, cancellationToken);
        var rows = await database.ScalarAsync<long>("select count(*) from bare_jobs where name like 'bench %'", cancellationToken);
        Require(measure, rows, "bare_jobs");
        Console.WriteLine($"  {measure.PerSecond:0}/s, p99 {measure.Percentile(99):0.0} ms");
        return measure;
    }

    private static async Task<SubmitMeasure> MeasureServerSubmitAsync(JobsOptions options, string scratch, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Submit: job server submitJob, {options.Clients} clients, {options.Seconds} s...");
        await using var database = await BenchDatabase.CreateAsync(options.AdminConnectionString, cancellationToken);
        await using var node = await StartNodeAsync(database, scratch, "node1", seed: true, cancellationToken);
        var endpoint = ServiceAddress(node);
        await SubmitLoad.RunAsync(endpoint, LaterEnvelope, "warm-up", options.Clients, WarmUp, null, cancellationToken);
        var commitsBefore = await CommitsAsync(database, cancellationToken);
        var measure = await SubmitLoad.RunAsync(endpoint, LaterEnvelope, "bench", options.Clients, TimeSpan.FromSeconds(options.Seconds), node.RssMiB, cancellationToken);
        // Every answered job is durable: its row and its dispatch queue row (due at its execTime) are there.
        var rows = await database.ScalarAsync<long>(
            "select count(*) from jobs j join job_queue q on q.job_id = j.id where j.name like 'bench %'", cancellationToken);
        Require(measure, rows, "jobs with their queue row");
        var commits = await CommitsAsync(database, cancellationToken) - commitsBefore;
        Console.WriteLine($"  {measure.PerSecond:0}/s, p99 {measure.Percentile(99):0.0} ms, RSS {measure.RssMiB.Min():0}-{measure.RssMiB.Max():0} MiB, {commits / (double)measure.Accepted:0.00} transactions per job");
        return measure with { CommitsPerJob = commits / (double)measure.Accepted };
    }

    private static void Require(SubmitMeasure measure, long stored, string what)
    {
        if (measure.Failed > 0)
        {
            throw new BenchmarkFailedException($"{measure.Failed} submits were refused; first: {measure.FirstFailure}");
        }

        if (stored < measure.Accepted)
        {
            throw new BenchmarkFailedException($"{measure.Accepted} submits were answered but only {stored} {what} are stored");
        }
    }

    // ------------------------------------------------------------------ dispatch

    private static async Task<double[]> MeasureServerDispatchAsync(JobsOptions options, string scratch, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Dispatch: {options.DispatchJobs} jobs one at a time, submitJob answer to executor start...");
        await using var database = await BenchDatabase.CreateAsync(options.AdminConnectionString, cancellationToken);
        await using var node = await StartNodeAsync(database, scratch, "node1", seed: true, cancellationToken);
        using var http = new HttpClient();
        var endpoint = ServiceAddress(node);
        var latencies = new List<double>();
        for (var i = -20; i < options.DispatchJobs; i++)
        {
            var name = i < 0 ? $"warm-up {i}" : $"dispatch {i}";
            await SubmitOneAsync(http, endpoint, NowEnvelope(name), cancellationToken);
            var answered = DateTimeOffset.UtcNow.UtcTicks;
            var started = long.Parse(await http.GetStringAsync(new Uri(node.Address, $"/bench/started?name={Uri.EscapeDataString(name)}"), cancellationToken),
                CultureInfo.InvariantCulture);
            if (i >= 0)
            {
                latencies.Add(TimeSpan.FromTicks(started - answered).TotalMilliseconds);
            }

            // Idle means idle: the next job is submitted once this one's run is closed.
            await WaitUntilAsync(async () => await database.ScalarAsync<bool>(
                $"select exists (select 1 from job_runs r join jobs j on j.id = r.job_id where j.name = '{name}' and r.ended_at is not null)",
                cancellationToken), cancellationToken);
        }

        Console.WriteLine($"  p50 {Stats.Percentile(latencies, 50):0.0} ms, p99 {Stats.Percentile(latencies, 99):0.0} ms");
        return [.. latencies];
    }

    private static async Task<double[]> MeasureQuartzDispatchAsync(JobsOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Dispatch baseline: plain Quartz, {options.DispatchJobs} one-shot triggers one at a time, ScheduleJob return to Execute...");
        await using var database = await BenchDatabase.CreateAsync(options.AdminConnectionString, cancellationToken);
        await using var quartz = await PlainQuartz.StartAsync(database.ConnectionString, options.Threads, standby: false, cancellationToken);
        var latencies = new List<double>();
        for (var i = -20; i < options.DispatchJobs; i++)
        {
            var name = i < 0 ? $"warm-up {i}" : $"dispatch {i}";
            await quartz.ScheduleNowAsync(name, cancellationToken);
            var scheduled = DateTimeOffset.UtcNow.UtcTicks;
            var started = await PlainProbeJob.WaitAsync(name, cancellationToken);
            if (i >= 0)
            {
                latencies.Add(TimeSpan.FromTicks(started - scheduled).TotalMilliseconds);
            }

            await WaitUntilAsync(async () => await quartz.Scheduler.GetJobDetail(new Quartz.JobKey(name), cancellationToken) is null, cancellationToken);
        }

        Console.WriteLine($"  p50 {Stats.Percentile(latencies, 50):0.0} ms, p99 {Stats.Percentile(latencies, 99):0.0} ms");
        return [.. latencies];
    }

    // ------------------------------------------------------------------ drain

    private static async Task<DrainMeasure> MeasureServerDrainAsync(JobsOptions options, string scratch, int nodes, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Drain: {options.DrainJobs} no-op jobs submitted with the scheduler{(nodes > 1 ? "s" : "")} in standby, then run by {nodes} node{(nodes > 1 ? "s" : "")}...");
        await using var database = await BenchDatabase.CreateAsync(options.AdminConnectionString, cancellationToken);
        var children = new List<ChildProcess>();
        try
        {
            for (var n = 1; n <= nodes; n++)
            {
                children.Add(await StartNodeAsync(database, scratch, $"node{n}", seed: n == 1, cancellationToken));
            }

            using var http = new HttpClient();
            foreach (var child in children)
            {
                (await http.PostAsync(new Uri(child.Address, "/bench/standby"), null, cancellationToken)).EnsureSuccessStatusCode();
            }

            var submitClock = Stopwatch.StartNew();
            await SubmitCountAsync(children.Select(ServiceAddress).ToList(), NowEnvelope, options.DrainJobs, options.Clients, cancellationToken);
            var submitted = submitClock.Elapsed;
            var commitsBefore = await CommitsAsync(database, cancellationToken);
            var (nodeCpuBefore, postgresCpuBefore) = (children.Sum(c => CpuTime.OfProcess(c.Id).TotalSeconds), CpuTime.OfPostgres());
            var cpuWindow = Stopwatch.StartNew();

            var started = DateTimeOffset.UtcNow;
            await Task.WhenAll(children.Select(child => http.PostAsync(new Uri(child.Address, "/bench/start"), null, cancellationToken)));
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(DrainTimeout);
            await WaitUntilAsync(async () => await database.ScalarAsync<long>("select count(*) from job_runs where ended_at is not null", limit.Token) >= options.DrainJobs,
                limit.Token, TimeSpan.FromMilliseconds(100));
            var ended = await database.ScalarAsync<DateTime>("select max(ended_at) from job_runs", cancellationToken);
            var elapsed = new DateTimeOffset(ended, TimeSpan.Zero) - started;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);

            // Each job exactly once: as many runs as jobs, each job with one, each Done.
            var runs = await database.ScalarAsync<long>("select count(*) from job_runs", cancellationToken);
            var jobsRun = await database.ScalarAsync<long>("select count(distinct job_id) from job_runs where state = 'Done'", cancellationToken);
            if (runs != options.DrainJobs || jobsRun != options.DrainJobs)
            {
                throw new BenchmarkFailedException($"{options.DrainJobs} jobs gave {runs} runs, {jobsRun} jobs Done: not each exactly once");
            }

            var perNode = new List<long>();
            foreach (var child in children)
            {
                perNode.Add(long.Parse(await http.GetStringAsync(new Uri(child.Address, "/bench/count"), cancellationToken), CultureInfo.InvariantCulture));
            }

            var commits = await CommitsAsync(database, cancellationToken) - commitsBefore;
            // Includes the second's pause after the drain; both are idle then.
            var nodeCpu = children.Sum(c => CpuTime.OfProcess(c.Id).TotalSeconds) - nodeCpuBefore;
            var postgresCpu = (CpuTime.OfPostgres() - postgresCpuBefore).TotalSeconds;
            var window = cpuWindow.Elapsed.TotalSeconds;
            var measure = new DrainMeasure(options.DrainJobs, elapsed, submitted, perNode, commits / (double)options.DrainJobs)
            {
                NodeCpuMsPerJob = nodeCpu * 1000 / options.DrainJobs,
                PostgresCpuMsPerJob = postgresCpu * 1000 / options.DrainJobs,
                CoresBusy = (nodeCpu + postgresCpu) / window,
            };
            Console.WriteLine($"  {measure.PerSecond:0} jobs/s ({elapsed.TotalSeconds:0.0} s; submitted in {submitted.TotalSeconds:0.0} s; runs per node {string.Join('/', perNode)}; {measure.CommitsPerJob:0.0} transactions per job; CPU per job {measure.NodeCpuMsPerJob:0.00} ms in the node(s), {measure.PostgresCpuMsPerJob:0.00} ms in PostgreSQL)");
            return measure;
        }
        finally
        {
            foreach (var child in children)
            {
                await child.DisposeAsync();
            }
        }
    }

    private static async Task<DrainMeasure> MeasureQuartzDrainAsync(JobsOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Drain baseline: plain Quartz, {options.DrainJobs} jobs, one ScheduleJob each, then started...");
        await using var database = await BenchDatabase.CreateAsync(options.AdminConnectionString, cancellationToken);
        await using var quartz = await PlainQuartz.StartAsync(database.ConnectionString, options.Threads, standby: true, cancellationToken);
        var submitClock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < options.DrainJobs; i = Interlocked.Increment(ref next))
            {
                await quartz.ScheduleNowAsync($"drain {i}", cancellationToken);
            }
        }, cancellationToken)));
        var submitted = submitClock.Elapsed;
        var commitsBefore = await CommitsAsync(database, cancellationToken);

        var clock = Stopwatch.StartNew();
        await quartz.Scheduler.Start(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(DrainTimeout);
        await WaitUntilAsync(() => Task.FromResult(PlainProbeJob.Count >= options.DrainJobs), limit.Token, TimeSpan.FromMilliseconds(5));
        var elapsed = clock.Elapsed;
        var commits = await CommitsAsync(database, cancellationToken) - commitsBefore;
        var measure = new DrainMeasure(options.DrainJobs, elapsed, submitted, [PlainProbeJob.Count], commits / (double)options.DrainJobs);
        Console.WriteLine($"  {measure.PerSecond:0} jobs/s ({elapsed.TotalSeconds:0.0} s; scheduled in {submitted.TotalSeconds:0.0} s)");
        return measure;
    }

    // ------------------------------------------------------------------ helpers

    private static Task<ChildProcess> StartNodeAsync(BenchDatabase database, string scratch, string name, bool seed, CancellationToken cancellationToken)
    {
        var storage = Directory.CreateDirectory(Path.Combine(scratch, Guid.NewGuid().ToString("N"))).FullName;
        return ChildProcess.StartAsync("node", seed ? [database.ConnectionString, name, storage, "seed"] : [database.ConnectionString, name, storage], cancellationToken);
    }

    private static Uri ServiceAddress(ChildProcess node) => new(node.Address, "/scene7/services/IpsApiService");

    /// <summary>A job for tomorrow: the submit load measures the door, and the engine stays out of it.</summary>
    private static string LaterEnvelope(string name) =>
        Envelope(name, $"<execTime>{DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-ddTHH:mm:ss.fffZ}</execTime><createVideoSitemapJob/>");

    private static string NowEnvelope(string name) => Envelope(name, "<createVideoSitemapJob/>");

    private static string Envelope(string name, string job) =>
        "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Header>"
        + $"<authHeader xmlns=\"{Ips}\"><user>{BenchNode.Email}</user><password>{BenchNode.Password}</password></authHeader></soapenv:Header><soapenv:Body>"
        + $"<submitJobParam xmlns=\"{Ips}\"><companyHandle>{BenchNode.Company}</companyHandle><jobName>{SecurityElement.Escape(name)}</jobName>"
        + job + "</submitJobParam></soapenv:Body></soapenv:Envelope>";

    private static async Task SubmitOneAsync(HttpClient http, Uri endpoint, string envelope, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(envelope, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        request.Headers.TryAddWithoutValidation("SOAPAction", "submitJob");
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || !answer.Contains("jobHandle>", StringComparison.Ordinal))
        {
            throw new BenchmarkFailedException($"submitJob was refused: {answer}");
        }
    }

    /// <summary>Exactly <paramref name="count"/> submits from concurrent clients, spread over the nodes.</summary>
    private static async Task SubmitCountAsync(
        List<Uri> endpoints, Func<string, string> envelopeOf, int count, int clients, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await SubmitOneAsync(http, endpoints[client % endpoints.Count], envelopeOf($"drain {i}"), cancellationToken);
            }
        }, cancellationToken)));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken, TimeSpan? every = null)
    {
        var delay = every ?? TimeSpan.FromMilliseconds(2);
        while (!await condition())
        {
            await Task.Delay(delay, cancellationToken);
        }
    }

    /// <summary>Transactions committed in the database so far (PostgreSQL's statistics, flushed about every second).</summary>
    private static async Task<long> CommitsAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.2), cancellationToken);
        await using var clear = database.DataSource.CreateCommand("select pg_stat_clear_snapshot()");
        await clear.ExecuteNonQueryAsync(cancellationToken);
        return await database.ScalarAsync<long>("select xact_commit from pg_stat_database where datname = current_database()", cancellationToken);
    }
}

/// <summary>A backlog run to its end: how long, how it was spread over the nodes, and the commits it took.</summary>
public sealed record DrainMeasure(int Jobs, TimeSpan Elapsed, TimeSpan Submitted, IReadOnlyList<long> RunsPerNode, double CommitsPerJob)
{
    public double PerSecond => Jobs / Elapsed.TotalSeconds;

    /// <summary>CPU the server node(s) spent per job during the drain; null where not measured (plain Quartz runs in the benchmark's process).</summary>
    public double? NodeCpuMsPerJob { get; init; }

    /// <summary>CPU all PostgreSQL processes on the machine spent per job during the drain.</summary>
    public double? PostgresCpuMsPerJob { get; init; }

    /// <summary>Node(s) and PostgreSQL CPU over the wall time it was measured in (the drain and the checks after it).</summary>
    public double? CoresBusy { get; init; }
}
