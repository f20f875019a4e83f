using IpsApi.Jobs.Definitions;
using Quartz;

namespace IpsApi.Jobs.Engine.Cron;

/// <summary>
/// What Quartz stores for an IPS job with an execSchedule: a job detail naming <see cref="ScheduledFiring"/> with
/// the job's id, and its cron trigger. A one-shot job (now or at its execTime) needs none of this: it goes straight
/// into the dispatch queue. A cron job whose fires were missed (the cluster was down) fires once for all of them,
/// then keeps its schedule.
/// </summary>
public static class JobTriggers
{
    public const string Group = "ips";
    public const string JobIdKey = "jobId";

    public static JobKey KeyOf(long jobId) => new($"job-{jobId}", Group);

    public static TriggerKey TriggerKeyOf(long jobId) => new($"job-{jobId}", Group);

    public static IJobDetail Detail(long jobId) => JobBuilder.Create<ScheduledFiring>()
        .WithIdentity(KeyOf(jobId))
        .UsingJobData(JobIdKey, jobId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        // A node that dies while queuing the job: another node (or this one on restart) fires it again.
        .RequestRecovery()
        .Build();

    /// <summary>A cron trigger in the server's zone; other schedules need no trigger, they are queued with their time.</summary>
    public static ITrigger Trigger(long jobId, JobSchedule.Cron cron, TimeZoneInfo zone) => TriggerBuilder.Create()
        .WithIdentity(TriggerKeyOf(jobId))
        .ForJob(KeyOf(jobId))
        .WithSchedule(CronScheduleBuilder.Create(cron.Expression)
            .InTimeZone(zone)
            .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();
}
