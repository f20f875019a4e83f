using System.Diagnostics;
using System.Net;
using System.Text;

namespace IpsApi.Bench.Jobs;

/// <summary>What a submit load achieved: answers with a job handle, refusals, per-call latencies and memory samples.</summary>
public sealed record SubmitMeasure(int Accepted, int Failed, TimeSpan Elapsed, double[] LatenciesMs, IReadOnlyList<double> RssMiB, string? FirstFailure)
{
    public double PerSecond => Accepted / Elapsed.TotalSeconds;

    public double Percentile(double p) => Stats.Percentile(LatenciesMs, p);

    /// <summary>Database transactions committed per accepted submit, when counted.</summary>
    public double CommitsPerJob { get; init; } = double.NaN;
}

/// <summary>
/// Concurrent clients, each sending submitJob envelopes one after the other on its own keep-alive connection for
/// a fixed time; a call counts only when its answer carries a jobHandle.
/// </summary>
public static class SubmitLoad
{
    public static async Task<SubmitMeasure> RunAsync(
        Uri endpoint, Func<string, string> envelopeOf, string namePrefix, int clients, TimeSpan duration, Func<double>? rss,
        CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var accepted = 0;
        var failed = 0;
        string? firstFailure = null;
        var latencies = new List<double>[clients];
        var samples = new List<double>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var sampler = rss is null ? Task.CompletedTask : Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                samples.Add(rss());
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }, CancellationToken.None);

        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(16384);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var envelope = envelopeOf($"{namePrefix} {client}-{i}");
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
                request.Headers.TryAddWithoutValidation("SOAPAction", "submitJob");
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, CancellationToken.None);
                    var answer = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.OK && answer.Contains("jobHandle>", StringComparison.Ordinal))
                    {
                        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        Interlocked.Increment(ref accepted);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                        Interlocked.CompareExchange(ref firstFailure, $"{(int)response.StatusCode}: {answer[..Math.Min(400, answer.Length)]}", null);
                    }
                }
                catch (HttpRequestException e)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, e.Message, null);
                }
            }
        }, CancellationToken.None)).ToArray();

        await Task.Delay(duration, cancellationToken);
        stop.Cancel();
        // Calls in flight at the end are waited for and counted: each was answered, so each is a submit done.
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        await sampler;
        return new SubmitMeasure(accepted, failed, elapsed, latencies.SelectMany(l => l).ToArray(), samples, firstFailure);
    }
}

public static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
