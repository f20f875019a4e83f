using System.Diagnostics;
using System.Net;
using IpsApi.Bench.Jobs;

namespace IpsApi.Bench.Growth;

/// <summary>One call measured under load: its latencies and how many calls did not give the expected answer.</summary>
public sealed record CallMeasure(int Calls, int Failed, TimeSpan Elapsed, double[] LatenciesMs, string? FirstFailure)
{
    public double PerSecond => Calls / Elapsed.TotalSeconds;

    public double Percentile(double p) => Stats.Percentile(LatenciesMs, p);
}

/// <summary>
/// Closed-loop clients: each sends its next request as soon as the last one is answered, on a connection (and, for the
/// dashboard, a session) of its own. Calls answered during the warm-up are not counted.
/// </summary>
public static class ReadLoad
{
    public static async Task<CallMeasure> RunAsync(
        IReadOnlyList<HttpClient> clients, Func<int, int, HttpRequestMessage> requestOf, Func<string, bool> answered, TimeSpan warmUp,
        TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new List<double>[clients.Count];
        var failed = 0;
        string? firstFailure = null;
        var clock = Stopwatch.StartNew();
        var end = warmUp + duration;
        var workers = Enumerable.Range(0, clients.Count).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(4096);
            for (var i = 0; clock.Elapsed < end; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var request = requestOf(client, i);
                var started = Stopwatch.GetTimestamp();
                var counted = clock.Elapsed >= warmUp;
                using var response = await clients[client].SendAsync(request, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                var took = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK || !answered(body))
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, $"{(int)response.StatusCode}: {body[..Math.Min(400, body.Length)]}", null);
                }
                else if (counted)
                {
                    mine.Add(took);
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).ToArray();
        return new CallMeasure(all.Length, failed, clock.Elapsed - warmUp, all, firstFailure);
    }
}
