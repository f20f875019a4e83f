using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using IpsApi.Bench.Jobs;
using IpsApi.Jobs.Database;

namespace IpsApi.Bench.Growth;

/// <summary>
/// 'bench growth': the reads people and integrations make all day, on a database with a long history against one with
/// only the present, measured in turns in the same run; then one cleaner pass over a day's expired history while
/// clients submit jobs. Each database has a server node of its own (a child process).
/// </summary>
public static partial class GrowthBenchmark
{
    private const string Ips = "http://www.scene7.com/IpsApi/xsd";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    /// <summary>A database with its node and the clients that call it.</summary>
    private sealed class Side(string name, BenchDatabase database, ChildProcess node, IReadOnlyList<GrowthCompany> companies, IReadOnlyList<HttpClient> clients)
    {
        public string Name { get; } = name;

        public BenchDatabase Database { get; } = database;

        public ChildProcess Node { get; } = node;

        public IReadOnlyList<GrowthCompany> Companies { get; } = companies;

        public IReadOnlyList<HttpClient> Clients { get; } = clients;

        public Uri Service => new(Node.Address, "/scene7/services/IpsApiService");

        public Uri Ops => Node.OpsAddress!;

        public GrowthCompany CompanyOf(int client, int call) => Companies[((client * 7) + call) % Companies.Count];
    }

    /// <summary>A call the clients make: how to build the next request, and what its answer must hold.</summary>
    private sealed record Call(string Name, Func<Side, int, int, HttpRequestMessage> Request, string Expect);

    private static readonly Call[] Calls =
    [
        new("getJobLogs (company, newest 100)", (side, client, i) =>
        {
            var company = side.CompanyOf(client, i);
            return Soap(side, company.Email, $"<getJobLogsParam xmlns=\"{Ips}\"><companyHandle>{company.Handle}</companyHandle></getJobLogsParam>");
        }, "getJobLogsReturn"),
        new("getJobLogDetails (a run of 2,000, pages of 100)", (side, client, i) =>
        {
            var company = side.CompanyOf(client, i);
            var page = 1 + (((client * 3) + i) % (GrowthData.ProbeDetails / 100));
            return Soap(side, company.Email,
                $"<getJobLogDetailsParam xmlns=\"{Ips}\"><companyHandle>{company.Handle}</companyHandle><jobHandle>{SecurityElement.Escape(company.ProbeRunHandle)}</jobHandle>"
                + $"<recordsPerPage>100</recordsPerPage><resultsPage>{page.ToString(CultureInfo.InvariantCulture)}</resultsPage></getJobLogDetailsParam>");
        }, "getJobLogDetailsReturn"),
        new("getActiveJobs (company, with waiting)", (side, client, i) =>
        {
            var company = side.CompanyOf(client, i);
            return Soap(side, company.Email,
                $"<getActiveJobsParam xmlns=\"{Ips}\"><companyHandle>{company.Handle}</companyHandle><includeWaitingJobs>true</includeWaitingJobs></getActiveJobsParam>");
        }, "getActiveJobsReturn"),
        new("getScheduledJobs (company)", (side, client, i) =>
        {
            var company = side.CompanyOf(client, i);
            return Soap(side, company.Email, $"<getScheduledJobsParam xmlns=\"{Ips}\"><companyHandle>{company.Handle}</companyHandle></getScheduledJobsParam>");
        }, "getScheduledJobsReturn"),
        new("dashboard page /ops (IpsAdmin)", (side, _, _) => new HttpRequestMessage(HttpMethod.Get, new Uri(side.Ops, "/ops")), "</html>"),
        new("dashboard poll /ops/api/jobs (IpsAdmin)", (side, _, _) => new HttpRequestMessage(HttpMethod.Get, new Uri(side.Ops, "/ops/api/jobs")), "\"recent\""),
        new("dashboard run page /ops/runs/<id> (IpsAdmin)", (side, client, i) =>
            new HttpRequestMessage(HttpMethod.Get, new Uri(side.Ops, $"/ops/runs/{side.CompanyOf(client, i).ProbeRunId.ToString(CultureInfo.InvariantCulture)}")),
            "</html>"),
    ];

    public static IReadOnlyList<string> CallNames => Calls.Select(c => c.Name).ToList();

    public static async Task RunAsync(GrowthOptions options, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("ipsapi-bench-growth-").FullName;
        var result = new GrowthResult(options) { LoadBefore = MachineInfo.LoadAverage(), Machine = MachineInfo.Describe() };
        var sides = new List<Side>();
        try
        {
            Console.WriteLine("Empty database: the present only (100 companies, their cron jobs, runs in progress, waiting jobs)...");
            sides.Add(await PrepareAsync("empty", await BenchDatabase.CreateAsync(options.AdminConnectionString, cancellationToken), history: null, options, scratch, cancellationToken));

            BenchDatabase grownDatabase;
            double? history = options.Scale;
            if (options.Reuse is { } name)
            {
                Console.WriteLine($"Grown database: {name}, kept by an earlier run");
                grownDatabase = BenchDatabase.Existing(options.AdminConnectionString, name);
                history = null;
            }
            else
            {
                grownDatabase = await BenchDatabase.CreateAsync(options.AdminConnectionString, cancellationToken);
                if (options.Keep)
                {
                    grownDatabase.Keep();
                }

                Console.WriteLine($"Grown database {grownDatabase.Name}: the same present and {options.Scale:0.###} x the full history...");
            }

            var load = Stopwatch.StartNew();
            sides.Add(await PrepareAsync("grown", grownDatabase, history, options, scratch, cancellationToken));
            result.LoadSeconds = history is null ? null : load.Elapsed.TotalSeconds;
            var grown = sides[1];
            result.Counts = await GrowthData.CountAsync(grown.Database.DataSource, cancellationToken);
            result.EmptyCounts = await GrowthData.CountAsync(sides[0].Database.DataSource, cancellationToken);
            result.Postgres = await grown.Database.ScalarAsync<string>(
                "select 'PostgreSQL ' || current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers')", cancellationToken);
            Console.WriteLine($"  {result.Counts.Jobs:N0} jobs, {result.Counts.Runs:N0} runs, {result.Counts.Details:N0} log details, {result.Counts.Outbox:N0} outbox rows"
                + (result.LoadSeconds is { } s ? $", loaded in {s:0} s" : ""));

            foreach (var call in Calls)
            {
                Console.WriteLine($"{call.Name}: {options.Clients} clients, {options.Seconds} s on each database...");
                // In turns, half the time each, so that whatever else the machine does weighs on both alike.
                var empty = await MeasureAsync(sides[0], call, options, cancellationToken);
                var onGrown = await MeasureAsync(grown, call, options, cancellationToken);
                empty = Merge(empty, await MeasureAsync(sides[0], call, options, cancellationToken));
                onGrown = Merge(onGrown, await MeasureAsync(grown, call, options, cancellationToken));
                result.Calls.Add((call.Name, onGrown, empty));
                Console.WriteLine($"  grown p95 {onGrown.Percentile(95):0.0} ms ({onGrown.PerSecond:0}/s), empty p95 {empty.Percentile(95):0.0} ms ({empty.PerSecond:0}/s)");
            }

            result.SizesBefore = await TableSizes.ReadAsync(grown.Database.DataSource, cancellationToken);
            result.RowsBefore = await GrowthData.RowsAsync(grown.Database.DataSource, GrowthResult.SizeTables, cancellationToken);
            await MeasureCleanerAsync(grown, result, options, cancellationToken);
            result.SizesAfter = await TableSizes.ReadAsync(grown.Database.DataSource, cancellationToken);
            result.RowsAfter = await GrowthData.RowsAsync(grown.Database.DataSource, GrowthResult.SizeTables, cancellationToken);
            result.LoadAfter = MachineInfo.LoadAverage();

            Console.WriteLine();
            Console.WriteLine(result.Markdown());
            await ResultsFile.RecordAsync(options.ResultsPath, "growth", result.Markdown(), cancellationToken);
            Console.WriteLine($"Recorded in {options.ResultsPath}");
            if (options.Keep || options.Reuse is not null)
            {
                Console.WriteLine($"The grown database is kept: --reuse {grown.Database.Name}");
            }
        }
        finally
        {
            foreach (var side in sides)
            {
                foreach (var client in side.Clients)
                {
                    client.Dispose();
                }

                await side.Node.DisposeAsync();
                await side.Database.DisposeAsync();
            }

            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Starts a node on the database, fills it (unless it was kept), and signs the dashboard clients in.</summary>
    private static async Task<Side> PrepareAsync(
        string name, BenchDatabase database, double? history, GrowthOptions options, string scratch, CancellationToken cancellationToken)
    {
        ChildProcess node;
        try
        {
            var storage = Directory.CreateDirectory(Path.Combine(scratch, name)).FullName;
            node = await ChildProcess.StartAsync("growth-node", [database.ConnectionString, storage], cancellationToken);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }

        var clients = new List<HttpClient>();
        try
        {
            var service = new Uri(node.Address, "/scene7/services/IpsApiService");
            var fresh = options.Reuse is null || name == "empty";
            if (fresh)
            {
                await GrowthData.SeedPresentAsync(database.DataSource, service, cancellationToken);
                if (history is { } scale)
                {
                    await GrowthData.LoadHistoryAsync(database.DataSource, scale, cancellationToken);
                }
                else
                {
                    await GrowthData.VacuumAsync(database.DataSource, cancellationToken);
                }
            }

            var companies = await GrowthData.ReadWorldAsync(database.DataSource, cancellationToken);
            // Every user signs in once before anything is measured: the node then knows their passwords.
            using (var warm = new HttpClient { Timeout = TimeSpan.FromSeconds(120) })
            {
                foreach (var company in companies)
                {
                    var answer = await GrowthData.SoapAsync(warm, service, company.Email,
                        $"<getScheduledJobsParam xmlns=\"{Ips}\"><companyHandle>{company.Handle}</companyHandle></getScheduledJobsParam>", cancellationToken);
                    if (!answer.Contains("getScheduledJobsReturn", StringComparison.Ordinal))
                    {
                        throw new BenchmarkFailedException($"{company.Email} could not sign in: {answer}");
                    }
                }
            }

            for (var i = 0; i < options.Clients; i++)
            {
                var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
                {
                    Timeout = TimeSpan.FromSeconds(120),
                };
                clients.Add(client);
                await SignInAsync(client, node.OpsAddress!, cancellationToken);
            }

            return new Side(name, database, node, companies, clients);
        }
        catch
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            await node.DisposeAsync();
            await database.DisposeAsync();
            throw;
        }
    }

    private static CallMeasure Merge(CallMeasure a, CallMeasure b) =>
        new(a.Calls + b.Calls, a.Failed + b.Failed, a.Elapsed + b.Elapsed, [.. a.LatenciesMs, .. b.LatenciesMs], a.FirstFailure ?? b.FirstFailure);

    /// <summary>Half the measuring time of the call on one side, after a warm-up.</summary>
    private static async Task<CallMeasure> MeasureAsync(Side side, Call call, GrowthOptions options, CancellationToken cancellationToken)
    {
        var measure = await ReadLoad.RunAsync(side.Clients, (client, i) => call.Request(side, client, i),
            body => body.Contains(call.Expect, StringComparison.Ordinal), WarmUp, TimeSpan.FromSeconds(options.Seconds / 2.0), cancellationToken);
        return measure.Failed > 0
            ? throw new BenchmarkFailedException($"{call.Name} on the {side.Name} database: {measure.Failed} calls failed; first: {measure.FirstFailure}")
            : measure;
    }

    /// <summary>
    /// Submit latency with 16 clients while nothing else happens, then while one cleaner pass runs (the submits carry on
    /// until it ends); what the pass removed and how long it took.
    /// </summary>
    private static async Task MeasureCleanerAsync(Side side, GrowthResult result, GrowthOptions options, CancellationToken cancellationToken)
    {
        var company = side.Companies[0];
        string Envelope(string name) =>
            "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Header>"
            + $"<authHeader xmlns=\"{Ips}\"><user>{company.Email}</user><password>{GrowthData.Password}</password></authHeader></soapenv:Header><soapenv:Body>"
            + $"<submitJobParam xmlns=\"{Ips}\"><companyHandle>{company.Handle}</companyHandle><jobName>{SecurityElement.Escape(name)}</jobName>"
            + $"<execTime>{DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-ddTHH:mm:ss.fffZ}</execTime><createVideoSitemapJob/></submitJobParam></soapenv:Body></soapenv:Envelope>";

        Console.WriteLine($"Cleaner: submitJob with {options.Clients} clients, {options.Seconds} s without a pass...");
        await SubmitLoad.RunAsync(side.Service, Envelope, "warm-up", options.Clients, WarmUp, null, cancellationToken);
        result.QuietSubmits = Require(await SubmitLoad.RunAsync(side.Service, Envelope, "quiet", options.Clients, TimeSpan.FromSeconds(options.Seconds), null, cancellationToken));

        Console.WriteLine("  ...and while one cleaner pass runs");
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
        var pass = http.PostAsync(new Uri(side.Node.Address, "/bench/clean"), null, cancellationToken);
        var latencies = new List<double>();
        var accepted = 0;
        var clock = Stopwatch.StartNew();
        for (var slice = 0; !pass.IsCompleted; slice++)
        {
            var during = Require(await SubmitLoad.RunAsync(side.Service, Envelope, $"during {slice}", options.Clients, TimeSpan.FromSeconds(2), null, cancellationToken));
            latencies.AddRange(during.LatenciesMs);
            accepted += during.Accepted;
        }

        using var answer = await pass;
        var body = await answer.Content.ReadAsStringAsync(cancellationToken);
        result.Pass = answer.IsSuccessStatusCode
            ? await answer.Content.ReadFromJsonAsync<CleanerPass>(cancellationToken)
            : throw new BenchmarkFailedException($"the cleaner pass failed: {body}");
        result.PassSubmits = new SubmitMeasure(accepted, 0, clock.Elapsed, [.. latencies], [], null);
        Console.WriteLine($"  pass {result.Pass!.Seconds:0.0} s, removed {result.Pass.Kinds.Sum(k => k.Removed):N0}; submit p95 {result.QuietSubmits.Percentile(95):0.0} ms quiet, {result.PassSubmits.Percentile(95):0.0} ms during the pass");
    }

    private static SubmitMeasure Require(SubmitMeasure measure) => measure.Failed > 0
        ? throw new BenchmarkFailedException($"{measure.Failed} submits were refused; first: {measure.FirstFailure}")
        : measure;

    private static HttpRequestMessage Soap(Side side, string email, string body)
    {
        var envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Header>"
            + $"<authHeader xmlns=\"{Ips}\"><user>{email}</user><password>{GrowthData.Password}</password></authHeader></soapenv:Header>"
            + $"<soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>";
        var request = new HttpRequestMessage(HttpMethod.Post, side.Service) { Content = new StringContent(envelope, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        return request;
    }

    /// <summary>Signs the client in to /ops as the IpsAdmin, through the login form as a browser does.</summary>
    private static async Task SignInAsync(HttpClient client, Uri node, CancellationToken cancellationToken)
    {
        var form = await client.GetStringAsync(new Uri(node, "/ops/login"), cancellationToken);
        var token = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value);
        using var login = await client.PostAsync(new Uri(node, "/ops/login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = GrowthData.OpsEmail,
            ["password"] = GrowthData.Password,
            ["__csrf"] = token,
        }), cancellationToken);
        if (login.StatusCode != HttpStatusCode.Redirect || login.Headers.Location?.ToString().Contains("error", StringComparison.Ordinal) == true)
        {
            throw new BenchmarkFailedException($"signing in to /ops failed: {(int)login.StatusCode} {login.Headers.Location}");
        }
    }

    [GeneratedRegex("""name="__csrf" value="([^"]+)""")]
    private static partial Regex TokenField();
}
