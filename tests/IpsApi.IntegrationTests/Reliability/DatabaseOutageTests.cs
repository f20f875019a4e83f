using System.Globalization;
using IpsApi.IntegrationTests.Infrastructure;
using Npgsql;

namespace IpsApi.IntegrationTests.Reliability;

/// <summary>
/// PostgreSQL stopped for 10 seconds under SOAP load, on a cluster of the test's own: every call made meanwhile is
/// answered with a SOAP fault within 5 seconds (never a hang), calls succeed again within 5 seconds of the
/// database coming back without restarting the node, and every job acknowledged with a handle runs.
/// </summary>
[Collection(ReliabilityRun.Collection)]
public sealed class DatabaseOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Clients_get_faults_quickly_while_the_database_is_down_and_the_node_recovers_when_it_returns()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await using var database = await TestDatabase.CreateAsync("dbdown", postgres.AdminConnectionString);
        var storage = Directory.CreateTempSubdirectory("ipsapi-dbdown-").FullName;
        await using var node = await ServerProcess.StartAsync(database.ConnectionString, "node-dbdown", storage);
        var rounds = ReliabilityRun.Size(1, 3);
        var outages = new List<(TimeSpan Down, TimeSpan Up)>();

        var load = new SoapLoad(_ => node.ServiceAddress, database.Tenant, clients: 4, prefix: "dbdown");
        await using (load)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            for (var round = 0; round < rounds; round++)
            {
                var down = load.Clock.Elapsed;
                await postgres.StopAsync();
                await Task.Delay(Outage);
                await postgres.StartAgainAsync();
                var up = load.Clock.Elapsed;
                outages.Add((down, up));
                await Task.Delay(TimeSpan.FromSeconds(12));
            }

            await load.StopAsync();
        }

        Assert.False(node.HasExited, node.Output);
        var samples = load.Samples.ToList();
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        var recoveries = new List<TimeSpan>();
        for (var round = 0; round < outages.Count; round++)
        {
            var (down, up) = outages[round];
            var nextOutage = round + 1 < outages.Count ? outages[round + 1].Down : TimeSpan.MaxValue;
            // Calls started while the database was down: a fault (or, for one already past the database, an answer) within 5 s.
            var during = samples.Where(s => s.StartedAt >= down && s.StartedAt < up).ToList();
            slowest = during.Select(s => s.Took).Append(slowest).Max();
            failures.AddRange(during.Where(s => s.TransportError is not null || s.Took > TimeSpan.FromSeconds(5))
                .Select(s => $"during the outage: {s.Operation} took {s.Took.TotalSeconds:0.0} s, {s.TransportError ?? $"fault {s.FaultCode}"}"));
            failures.AddRange(during.Where(s => s.FaultCode is not (null or 30000))
                .Select(s => $"during the outage: {s.Operation} answered fault {s.FaultCode}, not 30000"));
            if (during.Count == 0)
            {
                failures.Add("no call was made during the outage");
            }

            // Recovery: from the first call after the return that succeeded, every later one (until the next outage) succeeds.
            var after = samples.Where(s => s.StartedAt >= up && s.StartedAt + s.Took < nextOutage).OrderBy(s => s.StartedAt).ToList();
            var lastFailure = after.LastOrDefault(s => !s.Ok);
            var recovered = lastFailure is null ? TimeSpan.Zero : lastFailure.StartedAt + lastFailure.Took - up;
            recoveries.Add(recovered);
            if (recovered > TimeSpan.FromSeconds(5))
            {
                failures.Add($"calls still failed {recovered.TotalSeconds:0.0} s after the database returned: {lastFailure}");
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
                    return -1; // the test's own pooled connection died with the outage
                }
            },
            count => count >= acknowledged.Count, $"the {acknowledged.Count} acknowledged jobs to run", timeoutSeconds: 180,
            describe: () => NotDoneAsync(database, acknowledged));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));

        var outageCalls = samples.Count(s => outages.Any(o => s.StartedAt >= o.Down && s.StartedAt < o.Up));
        ReliabilityRun.Record("db-outage", "Database outage",
        [
            new Outcome($"PostgreSQL (a cluster of the suite's own) stopped for {Outage.TotalSeconds:0} s under 4 SOAP clients (submitJob, getActiveJobs, getJobLogs)",
                $"{rounds} outage(s), {outageCalls} calls during them, {samples.Count} calls in all",
                "every call during an outage a fault 30000 within 5 s; calls succeed again without a restart; every acknowledged job ran",
                $"slowest answer during an outage {slowest.TotalMilliseconds:0} ms; calls succeeding again {string.Join(", ", recoveries.Select(r => $"{r.TotalSeconds:0.0} s"))} after the database returned; {done} of {acknowledged.Count} acknowledged jobs done"),
        ]);
    }

    /// <summary>What became of acknowledged jobs that have no Done run: their rows, runs and last log records.</summary>
    internal static async Task<string> NotDoneAsync(TestDatabase database, IReadOnlyCollection<string> acknowledged)
    {
        await using var command = database.Db.CreateCommand(
            """
            select n.name, j.id is not null,
                   (select string_agg(r.state || coalesce(' ' || r.server_name, ''), ', ' order by r.id) from job_runs r where r.job_id = j.id),
                   (select string_agg(d.log_type || ': ' || coalesce(d.message, ''), ' | ' order by d.id) from job_log_details d join job_runs r on r.id = d.run_id where r.job_id = j.id),
                   (select count(*) from job_queue q where q.job_id = j.id)
            from unnest(@names) n(name) left join jobs j on j.name = n.name
            where not exists (select 1 from job_runs r where r.job_id = j.id and r.state = 'Done')
            limit 5
            """);
        command.Parameters.AddWithValue("names", acknowledged.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add($"{reader.GetString(0)}: row {reader.GetBoolean(1)}, runs [{(reader.IsDBNull(2) ? "" : reader.GetString(2))}], "
                + $"log [{(reader.IsDBNull(3) ? "" : reader.GetString(3))}], queued {reader.GetInt64(4)}");
        }

        return string.Join("; ", lines);
    }
}
