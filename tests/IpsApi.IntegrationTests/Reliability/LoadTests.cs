using System.Globalization;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Reliability;

/// <summary>
/// Mixed SOAP traffic against two nodes while their jobs run: no call fails, and neither the nodes' memory nor their
/// open connections keep growing. Latency percentiles go to the report.
/// </summary>
[Collection(ReliabilityRun.Collection)]
public sealed class LoadTests
{
    [Fact]
    public async Task Mixed_traffic_with_jobs_running_has_no_errors_and_no_growth()
    {
        var duration = TimeSpan.FromSeconds(ReliabilityRun.Size(25, 30 * 60));
        await using var database = await TestDatabase.CreateAsync("load");
        var storage = Directory.CreateTempSubdirectory("ipsapi-load-").FullName;
        await using var first = await ServerProcess.StartAsync(database.ConnectionString, "node-a", storage);
        await using var second = await ServerProcess.StartAsync(database.ConnectionString, "node-b", storage);
        var nodes = new[] { first, second };

        // Warm up (JIT, pools), then take the baseline.
        await using (var warmup = new SoapLoad(c => nodes[c % 2].ServiceAddress, database.Tenant, clients: 4, prefix: "warmup"))
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
        }

        await Task.Delay(2000);
        var rssBefore = nodes.Select(n => n.ResidentBytes()).ToArray();
        var fdBefore = nodes.Select(n => n.OpenFileDescriptors()).ToArray();
        var load = new SoapLoad(c => nodes[c % 2].ServiceAddress, database.Tenant, clients: 6, prefix: "load");
        var rssPeak = new long[2];
        await using (load)
        {
            var until = DateTime.UtcNow + duration;
            while (DateTime.UtcNow < until)
            {
                await Task.Delay(1000);
                for (var i = 0; i < 2; i++)
                {
                    rssPeak[i] = Math.Max(rssPeak[i], nodes[i].ResidentBytes());
                }
            }

            await load.StopAsync();
        }

        await Eventually.WaitAsync(
            () => database.ScalarAsync<long>("select count(*) from job_runs where ended_at is null"), open => open == 0, "the runs to end", timeoutSeconds: 300);
        await Task.Delay(2000);
        var rssAfter = nodes.Select(n => n.ResidentBytes()).ToArray();
        var fdAfter = nodes.Select(n => n.OpenFileDescriptors()).ToArray();
        var samples = load.Samples.ToList();
        var errors = samples.Where(s => !s.Ok).ToList();
        var latencies = samples.Select(s => s.Took.TotalMilliseconds).ToList();
        var runs = await database.ScalarAsync<long>("select count(*) from job_runs where state = 'Done'");

        Assert.True(errors.Count == 0, $"{errors.Count} failed calls, e.g. {string.Join("; ", errors.Take(5))}");
        for (var i = 0; i < 2; i++)
        {
            Assert.True(rssAfter[i] - rssBefore[i] < 200L * 1024 * 1024, $"node {i}: memory grew from {ReliabilityRun.Mib(rssBefore[i])} to {ReliabilityRun.Mib(rssAfter[i])}");
            Assert.True(fdAfter[i] - fdBefore[i] < 50, $"node {i}: open descriptors grew from {fdBefore[i]} to {fdAfter[i]}");
        }

        string Per(string operation)
        {
            var of = samples.Where(s => s.Operation == operation).Select(s => s.Took.TotalMilliseconds).ToList();
            return $"{operation} {of.Count}: p50 {ReliabilityRun.Ms(ReliabilityRun.Percentile(of, 50))}, p99 {ReliabilityRun.Ms(ReliabilityRun.Percentile(of, 99))}";
        }

        ReliabilityRun.Record("load", "Load (mixed SOAP traffic with jobs running)",
        [
            new Outcome($"6 clients for {duration.TotalMinutes:0.#} min against two nodes: submitJob (quick jobs that run at once), getActiveJobs, getJobLogs",
                $"{samples.Count} calls, {runs} runs",
                "no failed call; resident memory and open descriptors not growing",
                $"all calls p50 {ReliabilityRun.Ms(ReliabilityRun.Percentile(latencies, 50))}, p99 {ReliabilityRun.Ms(ReliabilityRun.Percentile(latencies, 99))}, max {ReliabilityRun.Ms(latencies.Max())}; "
                + $"{Per("submitJob")}; {Per("getActiveJobs")}; {Per("getJobLogs")}; "
                + $"memory {string.Join(" / ", Enumerable.Range(0, 2).Select(i => $"{ReliabilityRun.Mib(rssBefore[i])} → {ReliabilityRun.Mib(rssAfter[i])} (peak {ReliabilityRun.Mib(rssPeak[i])})"))}; "
                + $"descriptors {string.Join(" / ", Enumerable.Range(0, 2).Select(i => $"{fdBefore[i]} → {fdAfter[i]}"))}"),
        ]);
    }
}
