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

    // One-shot jobs due without a run (what getActiveJobs shows as New), and scheduled jobs whose Quartz trigger is
    // due but not yet fired (all nodes busy). Quartz keeps times as UTC ticks.
    private const string QueueSql =
        """
        select count(*) from jobs j
        where j.deleted_at is null and j.released_at is null and not j.paused
          and ((j.exec_schedule is null and coalesce(j.exec_time, j.submitted_at) <= now()
                and not exists (select 1 from job_runs r where r.job_id = j.id))
               or exists (select 1 from qrtz_triggers t
                          where t.trigger_name = 'job-' || j.id and t.trigger_group = 'ips'
                            and t.trigger_state in ('WAITING', 'ACQUIRED') and t.next_fire_time <= @now))
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
