using IpsApi.IntegrationTests.Infrastructure;
using Npgsql;

namespace IpsApi.IntegrationTests.Reliability;

/// <summary>
/// PostgreSQL frozen (SIGSTOP, not stopped) for 10 seconds under SOAP load, on a cluster of the test's own: its
/// port stays open and its sessions connected, but nothing answers, as when the database host hangs or the network
/// path to it goes dead. Every call in progress meanwhile is answered within 5 seconds (a fault 30000, or the
/// answer), never held until Npgsql's own timeouts; calls succeed again within 5 seconds of the database thawing
/// without restarting the node; every job acknowledged with a handle runs.
/// </summary>
[Collection(ReliabilityRun.Collection)]
public sealed class DatabaseHangTests
{
    private static readonly TimeSpan Freeze = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Clients_get_faults_quickly_while_the_database_hangs_and_the_node_recovers_when_it_thaws()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await using var database = await TestDatabase.CreateAsync("dbhang", postgres.AdminConnectionString);
        var storage = Directory.CreateTempSubdirectory("ipsapi-dbhang-").FullName;
        await using var node = await ServerProcess.StartAsync(database.ConnectionString, "node-dbhang", storage);
        var rounds = ReliabilityRun.Size(1, 3);
        var freezes = new List<(TimeSpan Frozen, TimeSpan Thawed)>();
        var readiness = new List<string>();

        var load = new SoapLoad(_ => node.ServiceAddress, database.Tenant, clients: 4, prefix: "dbhang");
        await using (load)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            for (var round = 0; round < rounds; round++)
            {
                var frozen = load.Clock.Elapsed;
                await postgres.FreezeAsync();
                try
                {
                    var probe = ProbeReadinessAsync(node.BaseAddress);
                    await Task.Delay(Freeze);
                    readiness.Add(await probe);
                }
                finally
                {
                    await postgres.ThawAsync();
                }

                freezes.Add((frozen, load.Clock.Elapsed));
                await Task.Delay(TimeSpan.FromSeconds(12));
            }

            await load.StopAsync();
        }

        Assert.False(node.HasExited, node.Output);
        var samples = load.Samples.ToList();
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        var recoveries = new List<TimeSpan>();
        var faulted = 0;
        var answered = 0;
        for (var round = 0; round < freezes.Count; round++)
        {
            var (frozen, thawed) = freezes[round];
            var nextFreeze = round + 1 < freezes.Count ? freezes[round + 1].Frozen : TimeSpan.MaxValue;
            // Every call in progress while the database was frozen (those already waiting on it when it froze too):
            // a fault 30000, or the answer, within 5 s of the freeze reaching it. A call that began before the freeze
            // is timed from the freeze: how long it took before (a loaded machine's first calls are slow) is not the
            // freeze's doing.
            var during = samples.Where(s => s.StartedAt + s.Took > frozen && s.StartedAt < thawed).ToList();
            TimeSpan Held(CallSample s) => s.StartedAt + s.Took - (s.StartedAt > frozen ? s.StartedAt : frozen);
            slowest = during.Select(Held).Append(slowest).Max();
            faulted += during.Count(s => s.FaultCode is not null);
            answered += during.Count(s => s.Ok);
            failures.AddRange(during.Where(s => s.TransportError is not null || Held(s) > Bound)
                .Select(s => $"while frozen: {s.Operation} started at {s.StartedAt.TotalSeconds:0.0} s (frozen at {frozen.TotalSeconds:0.0} s) took {s.Took.TotalSeconds:0.0} s ({Held(s).TotalSeconds:0.0} s of it frozen), {s.TransportError ?? (s.FaultCode is null ? "answered" : $"fault {s.FaultCode}")}"));
            failures.AddRange(during.Where(s => s.FaultCode is not (null or 30000))
                .Select(s => $"while frozen: {s.Operation} answered fault {s.FaultCode}, not 30000"));
            if (!during.Any(s => s.StartedAt >= frozen + Bound))
            {
                failures.Add("no call was made in the second half of the freeze: calls were held");
            }

            // Recovery: from the first call after the thaw that succeeded, every later one (until the next freeze) succeeds.
            var after = samples.Where(s => s.StartedAt >= thawed && s.StartedAt + s.Took < nextFreeze).OrderBy(s => s.StartedAt).ToList();
            var lastFailure = after.LastOrDefault(s => !s.Ok);
            var recovered = lastFailure is null ? TimeSpan.Zero : lastFailure.StartedAt + lastFailure.Took - thawed;
            recoveries.Add(recovered);
            if (recovered > Bound)
            {
                failures.Add($"calls still failed {recovered.TotalSeconds:0.0} s after the database thawed: {lastFailure}");
            }

            if (!after.Any(s => s.Ok))
            {
                failures.Add("no call succeeded after the database thawed");
            }
        }

        // Every acknowledged job runs to its end.
        var acknowledged = load.Acknowledged;
        var done = await Eventually.WaitAsync(
            async () =>
            {
                try
                {
                    return await database.ScalarAsync<long>(
                        "select count(distinct j.name) from jobs j join job_runs r on r.job_id = j.id where r.state = 'Done' and j.name = any(@names)",
                        ("names", acknowledged.ToArray()));
                }
                catch (NpgsqlException)
                {
                    return -1;
                }
            },
            count => count >= acknowledged.Count, $"the {acknowledged.Count} acknowledged jobs to run", timeoutSeconds: 180,
            describe: () => DatabaseOutageTests.NotDoneAsync(database, acknowledged));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));

        var frozenCalls = samples.Count(s => freezes.Any(f => s.StartedAt + s.Took > f.Frozen && s.StartedAt < f.Thawed));
        ReliabilityRun.Record("db-hang", "Database hang",
        [
            new Outcome($"PostgreSQL (a cluster of the suite's own) frozen with SIGSTOP for {Freeze.TotalSeconds:0} s, port open and sessions connected, under 4 SOAP clients (submitJob, getActiveJobs, getJobLogs)",
                $"{rounds} freeze(s), {frozenCalls} calls in progress during them, {samples.Count} calls in all",
                "every call in progress during a freeze answered within 5 s (fault 30000, or the answer), none held; calls succeed again without a restart; every acknowledged job ran",
                $"during freezes {faulted} faults and {answered} answers, longest held by a freeze {slowest.TotalMilliseconds:0} ms; /health/ready during a freeze: {string.Join(", ", readiness)}; calls succeeding again {string.Join(", ", recoveries.Select(r => $"{r.TotalSeconds:0.0} s"))} after the thaw; {done} of {acknowledged.Count} acknowledged jobs done"),
        ]);
    }

    /// <summary>What /health/ready says a second into a freeze, and after how long (a figure, not asserted).</summary>
    private static async Task<string> ProbeReadinessAsync(Uri node)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        using var http = new HttpClient { Timeout = Freeze - TimeSpan.FromSeconds(2) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync(new Uri(node, "/health/ready"));
            return $"{(int)response.StatusCode} after {clock.ElapsedMilliseconds} ms";
        }
        catch (TaskCanceledException)
        {
            return $"no answer within {http.Timeout.TotalSeconds:0} s";
        }
    }
}
