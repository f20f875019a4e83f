using System.Diagnostics.Metrics;
using Npgsql;

namespace IpsApi.Server.Ops.Metrics;

/// <summary>
/// Queue and outbox depth, read from the database when Prometheus scrapes. These are the cluster's figures, the
/// same on every node: aggregate them with max(), not sum().
/// </summary>
public sealed class DatabaseGauges : IDisposable
{
    public const string MeterName = "IpsApi.Database";

    private readonly NpgsqlDataSource _dataSource;
    private readonly Meter _meter;

    public DatabaseGauges(NpgsqlDataSource dataSource, IMeterFactory meters)
    {
        _dataSource = dataSource;
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("ipsapi.jobs.queue.depth", QueueDepth, "{job}",
            "Jobs whose time has come that no node has started yet");
        _meter.CreateObservableGauge("ipsapi.outbox.depth", OutboxDepth, "{message}",
            "Notification emails and callbacks not delivered: pending (still retried) or failed (given up)");
    }

    public void Dispose() => _meter.Dispose();

    // Jobs waiting in the dispatch queue (not paused), and scheduled jobs whose Quartz trigger is due but has not yet
    // moved them into the queue. Quartz keeps times as UTC ticks.
    private const string QueueSql =
        """
        select (select count(*) from job_queue q join jobs j on j.id = q.job_id
                where q.node is null and q.queued_at <= now() and not j.paused and j.deleted_at is null)
             + (select count(*) from qrtz_triggers t
                where t.trigger_group = 'ips' and t.trigger_state in ('WAITING', 'ACQUIRED') and t.next_fire_time <= @now)
        """;

    private IEnumerable<Measurement<long>> QueueDepth()
    {
        using var command = _dataSource.CreateCommand(QueueSql);
        command.Parameters.AddWithValue("now", DateTime.UtcNow.Ticks);
        return Read(command, reader => [new Measurement<long>(reader.GetInt64(0))]);
    }

    private IEnumerable<Measurement<long>> OutboxDepth()
    {
        using var command = _dataSource.CreateCommand(
            """
            select count(*) filter (where failed_at is null), count(*) filter (where failed_at is not null)
            from outbox where delivered_at is null
            """);
        return Read(command, reader =>
        [
            new Measurement<long>(reader.GetInt64(0), new KeyValuePair<string, object?>("state", "pending")),
            new Measurement<long>(reader.GetInt64(1), new KeyValuePair<string, object?>("state", "failed")),
        ]);
    }

    /// <summary>A database that does not answer leaves the gauge out of this scrape rather than failing it.</summary>
    private static Measurement<long>[] Read(NpgsqlCommand command, Func<NpgsqlDataReader, Measurement<long>[]> read)
    {
        try
        {
            command.CommandTimeout = 5;
            using var reader = command.ExecuteReader();
            return reader.Read() ? read(reader) : [];
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return [];
        }
    }
}
