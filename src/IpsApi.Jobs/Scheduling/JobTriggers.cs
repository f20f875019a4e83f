using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Running;
using Quartz;

namespace IpsApi.Jobs.Scheduling;

/// <summary>
/// What Quartz stores for one IPS job: a job detail naming our one runner with the job's id, and the trigger
/// its schedule asks for. Misfires (the cluster was down when a fire was due): a one-shot job fires as soon as
/// a node is back; a cron job fires once for all the fires it missed, then keeps its schedule.
/// </summary>
public static class JobTriggers
{
    public const string Group = "ips";
    public const string JobIdKey = "jobId";

    public static JobKey KeyOf(long jobId) => new($"job-{jobId}", Group);

    public static TriggerKey TriggerKeyOf(long jobId) => new($"job-{jobId}", Group);

    public static IJobDetail Detail(long jobId) => JobBuilder.Create<JobRunner>()
        .WithIdentity(KeyOf(jobId))
        .UsingJobData(JobIdKey, jobId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        // A node that dies mid-run: another node (or this one on restart) runs the job again.
        .RequestRecovery()
        .Build();

    public static ITrigger Trigger(long jobId, JobSchedule schedule, TimeZoneInfo zone, DateTimeOffset now)
    {
        var builder = TriggerBuilder.Create().WithIdentity(TriggerKeyOf(jobId)).ForJob(KeyOf(jobId));
        return schedule switch
        {
            JobSchedule.Cron cron => builder
                .WithSchedule(CronScheduleBuilder.Create(cron.Expression)
                    .InTimeZone(zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build(),
            JobSchedule.RunAt at when at.At > now => builder
                .StartAt(at.At)
                .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build(),
            _ => builder
                .StartNow()
                .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build(),
        };
    }
}
