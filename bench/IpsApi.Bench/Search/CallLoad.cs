using System.Diagnostics;
using IpsApi.Bench.Jobs;

namespace IpsApi.Bench.Search;

/// <summary>What a load achieved: calls that answered as expected, failures, and the latency of each good call.</summary>
public sealed record LoadMeasure(int Done, int Failed, TimeSpan Elapsed, double[] LatenciesMs, string? FirstFailure)
{
    public double PerSecond => Done / Elapsed.TotalSeconds;

    public double Percentile(double p) => Stats.Percentile(LatenciesMs, p);
}

/// <summary>
/// Concurrent clients, each making one call after the other for a fixed time. A call is a function of the client's
/// number and its call count that says whether the answer was what it should be (a failure message if not).
/// </summary>
public static class CallLoad
{
    public static async Task<LoadMeasure> RunAsync(
        int clients, TimeSpan duration, Func<int, int, Task<string?>> call, CancellationToken cancellationToken)
    {
        var done = 0;
        var failed = 0;
        string? firstFailure = null;
        var latencies = new List<double>[clients];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(8192);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var started = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    failure = await call(client, i);
                }
                catch (Exception e) when (e is HttpRequestException or Npgsql.NpgsqlException or TaskCanceledException)
                {
                    failure = e.Message;
                }

                if (failure is null)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref done);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                }
            }
        }, CancellationToken.None)).ToArray();

        await Task.Delay(duration, cancellationToken);
        stop.Cancel();
        // Calls in flight at the end are waited for and counted: each was answered.
        await Task.WhenAll(workers);
        return new LoadMeasure(done, failed, clock.Elapsed, latencies.SelectMany(l => l).ToArray(), firstFailure);
    }
}
