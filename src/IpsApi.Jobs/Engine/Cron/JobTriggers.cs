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

    /// <summary>
    /// The name Quartz stores as the job class of every cron job (qrtz_job_details.job_class_name), which is how any
    /// node, of any build, finds the code that fires it. It is the name <see cref="ScheduledFiring"/> had in the first
    /// builds, kept when the class moved: a node of an earlier build still running during a rolling upgrade fires the
    /// cron jobs a newer node stored, and the other way round (a name a node cannot load would make Quartz set the
    /// trigger to ERROR, and the job would never fire again). The class may move again; this name does not.
    /// </summary>
    public const string StoredJobClassName = "IpsApi.Jobs.Scheduling.ScheduledFiring, IpsApi.Jobs";

    public static JobKey KeyOf(long jobId) => new($"job-{jobId}", Group);

    public static TriggerKey TriggerKeyOf(long jobId) => new($"job-{jobId}", Group);

    public static IJobDetail Detail(long jobId) => JobBuilder.Create()
        .OfType(new Quartz.JobType(StoredJobClassName))
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
