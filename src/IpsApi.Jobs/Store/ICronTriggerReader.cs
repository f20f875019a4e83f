namespace IpsApi.Jobs.Store;

/// <summary>A cron job's trigger as getScheduledJobs shows it: next fire (none when it will not fire), zone and state.</summary>
public sealed record CronTriggerState(DateTimeOffset? NextFire, TimeZoneInfo Zone, string State);

/// <summary>
/// Reads the triggers of cron jobs. The engine's cron side keeps the triggers (in Quartz) and implements this, so
/// that the job queries need not know how.
/// </summary>
public interface ICronTriggerReader
{
    /// <summary>The trigger of each job, in one round trip however many jobs; a job without one reads as state "None".</summary>
    Task<IReadOnlyDictionary<long, CronTriggerState>> ReadAsync(IReadOnlyCollection<long> jobIds, CancellationToken cancellationToken);
}
