namespace IpsApi.Jobs.Store;

/// <summary>A cron job's trigger as getScheduledJobs shows it: next fire (none when it will not fire), zone and state.</summary>
public sealed record CronTriggerState(DateTimeOffset? NextFire, TimeZoneInfo Zone, string State);

/// <summary>
/// Reads the trigger of a cron job. The engine's cron side keeps the triggers (in Quartz) and implements this, so
/// that the job queries need not know how.
/// </summary>
public interface ICronTriggerReader
{
    Task<CronTriggerState> ReadAsync(long jobId, CancellationToken cancellationToken);
}
