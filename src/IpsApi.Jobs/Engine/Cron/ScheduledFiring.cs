using System.Globalization;
using IpsApi.Jobs.Database;
using IpsApi.Jobs.Engine.Queue;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

namespace IpsApi.Jobs.Engine.Cron;

/// <summary>
/// The Quartz job of every IPS job with an execSchedule: when its trigger fires, the job goes into the dispatch
/// queue, from which a node runs it. Quartz does nothing else with IPS jobs.
/// </summary>
public sealed class ScheduledFiring(NpgsqlDataSource dataSource, DispatchSignal signal, ILogger<ScheduledFiring> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await EnqueueAsync(context, cancellationToken);
        }
        catch (Exception e) when (DatabaseOutage.Is(e) && !cancellationToken.IsCancellationRequested)
        {
            // Ending the fire here would lose its run: it goes back to Quartz after a pause.
            var pause = Backoff.DatabaseRetry(context.RefireCount + 1);
            logger.LogWarning(e, "Fire of job {JobKey} could not reach the database; trying again in {Pause}", context.JobDetail.Key, pause);
            await Task.Delay(pause, cancellationToken);
            throw new JobExecutionException(e) { RefireImmediately = true };
        }
    }

    private async Task EnqueueAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var jobId = long.Parse(context.MergedJobDataMap.GetString(JobTriggers.JobIdKey)!, CultureInfo.InvariantCulture);
        // The fire's scheduled time is the run's trigger time; a recovered or misfired fire keeps it too.
        var at = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        await using var work = await UnitOfWork.OpenAsync(dataSource, cancellationToken);
        await DispatchQueue.EnqueueAsync(work, jobId, at, cancellationToken);
        signal.Pulse();
    }
}
