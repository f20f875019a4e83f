using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Store;
using Npgsql;
using Quartz;

namespace IpsApi.Jobs.Engine.Cron;

/// <summary>
/// The Quartz triggers of cron jobs as the rest of the server reads them: a job's next fire and trigger state for
/// getScheduledJobs, and how many fires are due for the queue depth gauge.
/// </summary>
public sealed class CronTriggers(ISchedulerFactory schedulers, NpgsqlDataSource dataSource, ServerTimeZone serverZone) : ICronTriggerReader
{
    public async Task<CronTriggerState> ReadAsync(long jobId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = await scheduler.GetTrigger(JobTriggers.TriggerKeyOf(jobId), cancellationToken);
        if (trigger is null)
        {
            return new CronTriggerState(null, serverZone.Zone, "None");
        }

        var zone = (trigger as ICronTrigger)?.TimeZone ?? serverZone.Zone;
        return new CronTriggerState(trigger.NextFireTimeUtc, zone, StateName(await scheduler.GetTriggerState(trigger.Key, cancellationToken)));
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

    /// <summary>Quartz's trigger states as the IPS API names them; running and waiting-on-a-predecessor count as Normal.</summary>
    private static string StateName(TriggerState state) => state switch
    {
        TriggerState.Paused => "Paused",
        TriggerState.Blocked => "Blocked",
        TriggerState.Complete => "Complete",
        TriggerState.Error => "Error",
        TriggerState.None => "None",
        _ => "Normal",
    };
}
