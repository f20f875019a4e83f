using System.Diagnostics.Metrics;
using IpsApi.Jobs.Engine.Cron;
using IpsApi.Jobs.Engine.Queue;
using IpsApi.Jobs.Notifications;
using Npgsql;

namespace IpsApi.Server.Ops.Metrics;

/// <summary>
/// Queue and outbox depth, read from the database when Prometheus scrapes. These are the cluster's figures, the
/// same on every node: aggregate them with max(), not sum().
/// </summary>
public sealed class DatabaseGauges : IDisposable
{
    public const string MeterName = "IpsApi.Database";

    /// <summary>A scrape waits this long for the database; a gauge it does not get is left out of that scrape.</summary>
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private readonly DispatchQueue _queue;
    private readonly CronTriggers _triggers;
    private readonly OutboxQueries _outbox;
    private readonly Meter _meter;

    public DatabaseGauges(DispatchQueue queue, CronTriggers triggers, OutboxQueries outbox, IMeterFactory meters)
    {
        _queue = queue;
        _triggers = triggers;
        _outbox = outbox;
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("ipsapi.jobs.queue.depth", QueueDepth, "{job}",
            "Jobs whose time has come that no node has started yet");
        _meter.CreateObservableGauge("ipsapi.outbox.depth", OutboxDepth, "{message}",
            "Notification emails and callbacks not delivered: pending (still retried) or failed (given up)");
    }

    public void Dispose() => _meter.Dispose();

    // Jobs waiting in the dispatch queue (not paused), and cron jobs whose Quartz trigger is due but has not yet
    // moved them into the queue.
    private IEnumerable<Measurement<long>> QueueDepth() => Read(async cancellationToken =>
    {
        var waiting = await _queue.DueCountAsync(cancellationToken);
        var firing = await _triggers.DueCountAsync(DateTimeOffset.UtcNow, cancellationToken);
        return [new Measurement<long>(waiting + firing)];
    });

    private IEnumerable<Measurement<long>> OutboxDepth() => Read(async cancellationToken =>
    {
        var depth = await _outbox.DepthAsync(cancellationToken);
        return
        [
            new Measurement<long>(depth.Pending, new KeyValuePair<string, object?>("state", "pending")),
            new Measurement<long>(depth.Failed, new KeyValuePair<string, object?>("state", "failed")),
        ];
    });

    /// <summary>
    /// A database that does not answer leaves the gauge out of this scrape rather than failing it. The meter asks
    /// synchronously, so the scrape's thread waits for the reads.
    /// </summary>
    private static Measurement<long>[] Read(Func<CancellationToken, Task<Measurement<long>[]>> read)
    {
        try
        {
            using var timeout = new CancellationTokenSource(ReadTimeout);
            return read(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            return [];
        }
    }
}
