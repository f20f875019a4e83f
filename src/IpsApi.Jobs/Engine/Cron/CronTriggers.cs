using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Store;
using Npgsql;

namespace IpsApi.Jobs.Engine.Cron;

/// <summary>
/// The Quartz triggers of cron jobs as the rest of the server reads them: a job's next fire and trigger state for
/// getScheduledJobs, and how many fires are due for the queue depth gauge.
/// </summary>
public sealed class CronTriggers(NpgsqlDataSource dataSource, ServerTimeZone serverZone, string schedulerName) : ICronTriggerReader
{
    /// <summary>
    /// Quartz's rows of the jobs' triggers, read in one statement rather than two scheduler calls per job: the
    /// dashboard and getScheduledJobs of an IpsAdmin ask for every cron job of every company at once.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, CronTriggerState>> ReadAsync(IReadOnlyCollection<long> jobIds, CancellationToken cancellationToken)
    {
        var states = jobIds.Distinct().ToDictionary(id => id, _ => new CronTriggerState(null, serverZone.Zone, "None"));
        if (states.Count == 0)
        {
            return states;
        }

        var byName = states.Keys.ToDictionary(id => JobTriggers.TriggerKeyOf(id).Name);
        await using var command = dataSource.CreateCommand(
            """
            select t.trigger_name, t.next_fire_time, t.trigger_state, c.time_zone_id
            from qrtz_triggers t
            left join qrtz_cron_triggers c on c.sched_name = t.sched_name and c.trigger_name = t.trigger_name and c.trigger_group = t.trigger_group
            where t.sched_name = @scheduler and t.trigger_group = @group and t.trigger_name = any(@names)
            """);
        command.Parameters.AddWithValue("scheduler", schedulerName);
        command.Parameters.AddWithValue("group", JobTriggers.Group);
        command.Parameters.AddWithValue("names", byName.Keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // Quartz keeps instants as UTC ticks, and the zone by its id.
            DateTimeOffset? next = reader.IsDBNull(1) || reader.GetInt64(1) <= 0 ? null : new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero);
            var zone = !reader.IsDBNull(3) && TimeZoneInfo.TryFindSystemTimeZoneById(reader.GetString(3), out var found) ? found : serverZone.Zone;
            states[byName[reader.GetString(0)]] = new CronTriggerState(next, zone, StateName(reader.GetString(2)));
        }

        return states;
    }

    /// <summary>Fires of cron jobs that are due but have not yet moved their job into the dispatch queue.</summary>
    public async Task<long> DueCountAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Quartz keeps times as UTC ticks.
        await using var command = dataSource.CreateCommand(
            """
            select count(*) from qrtz_triggers
            where trigger_group = @group and trigger_state in ('WAITING', 'ACQUIRED') and next_fire_time <= @now
            """);
        command.Parameters.AddWithValue("group", JobTriggers.Group);
        command.Parameters.AddWithValue("now", now.UtcTicks);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Quartz's stored trigger states as the IPS API names them (the mapping of Quartz's own GetTriggerState); running
    /// and waiting-on-a-predecessor count as Normal.
    /// </summary>
    private static string StateName(string stored) => stored switch
    {
        "PAUSED" or "PAUSED_BLOCKED" => "Paused",
        "BLOCKED" => "Blocked",
        "COMPLETE" => "Complete",
        "ERROR" => "Error",
        "DELETED" => "None",
        _ => "Normal",
    };
}
