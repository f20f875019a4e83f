using IpsApi.Jobs.Database;
using IpsApi.Jobs.Engine.Cron;
using IpsApi.Jobs.Engine.Queue;
using IpsApi.Jobs.Store;
using Npgsql;
using Quartz;

namespace IpsApi.Jobs.Control;

/// <summary>A control operation that cannot apply to the job as it is (nothing running to stop, not paused...).</summary>
public sealed class JobControlException(string reason) : Exception(reason);

/// <summary>
/// stopJob, pauseJob, resumeJob, executeJob and deleteJob. Our rows (job, runs, dispatch queue) and Quartz's change
/// in one unit of work (Quartz enlisted in its transaction). Stop and pause of a running run are written as the run's
/// control request, which the node running it picks up within a second, whichever node received the call. A paused
/// job's queue row stays and waits: dispatchers do not claim paused jobs.
/// </summary>
public sealed class JobControl(NpgsqlDataSource dataSource, ISchedulerFactory schedulers, DispatchSignal dispatch)
{
    /// <summary>Asks the job's running run (or the one the handle names) to stop at its next safe point.</summary>
    public async Task StopAsync(JobRef job, CancellationToken cancellationToken)
    {
        await using var work = await UnitOfWork.OpenAsync(dataSource, cancellationToken);
        if (await RunStore.RequestControlAsync(work, job.JobId, job.RunId, "Stop", cancellationToken) == 0)
        {
            throw new JobControlException($"Job {job.Name} has no running run to stop.");
        }
    }

    /// <summary>Pauses the job's trigger, and its running run at the run's next safe point (it resumes from there).</summary>
    public async Task PauseAsync(JobRef job, CancellationToken cancellationToken)
    {
        await InTransactionAsync(async (work, scheduler) =>
        {
            var hasTrigger = await scheduler.GetTrigger(JobTriggers.TriggerKeyOf(job.JobId), cancellationToken) is not null
                || await DispatchQueue.HasRowAsync(work, job.JobId, cancellationToken);
            var running = await RunStore.RequestControlAsync(work, job.JobId, job.RunId, "Pause", cancellationToken);
            if (!hasTrigger && running == 0)
            {
                throw new JobControlException($"Job {job.Name} is neither scheduled nor running: nothing to pause.");
            }

            await JobStore.SetPausedAsync(work, job.JobId, paused: true, cancellationToken);
            await scheduler.PauseJob(JobTriggers.KeyOf(job.JobId), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Undoes pause: the trigger fires again, and a run that was paused midway continues now.</summary>
    public async Task ResumeAsync(JobRef job, CancellationToken cancellationToken)
    {
        await InTransactionAsync(async (work, scheduler) =>
        {
            if (!await JobStore.SetPausedAsync(work, job.JobId, paused: false, cancellationToken))
            {
                throw new JobControlException($"Job {job.Name} is not paused.");
            }

            // A pause not yet acted on by the running node is simply withdrawn.
            await RunStore.WithdrawPauseAsync(work, job.JobId, cancellationToken);

            var key = JobTriggers.KeyOf(job.JobId);
            if (await scheduler.Exists(key, cancellationToken))
            {
                await scheduler.ResumeJob(key, cancellationToken);
            }

            if (await RunStore.LastRunStateAsync(work, job.JobId, cancellationToken) == "Paused")
            {
                await DispatchQueue.EnqueueAsync(work, job.JobId, null, cancellationToken);
            }
            else
            {
                // A queued job that waited while paused may be claimed now.
                await DispatchQueue.NotifyAsync(work, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>Runs the job now, once, whatever its schedule says; the schedule itself is left as it is.</summary>
    public async Task ExecuteAsync(JobRef job, CancellationToken cancellationToken)
    {
        if (!job.InUse)
        {
            throw new JobControlException($"Job {job.Name} has run and is not scheduled any more: submit it again.");
        }

        await InTransactionAsync((work, _) => DispatchQueue.EnqueueAsync(work, job.JobId, null, cancellationToken), cancellationToken);
    }

    /// <summary>Removes the job and its trigger; a running run is stopped first. Its runs and logs stay.</summary>
    public async Task DeleteAsync(JobRef job, CancellationToken cancellationToken)
    {
        await InTransactionAsync(async (work, scheduler) =>
        {
            await RunStore.RequestControlAsync(work, job.JobId, null, "Stop", cancellationToken);
            await JobStore.MarkDeletedAsync(work, job.JobId, cancellationToken);
            await DispatchQueue.WithdrawAsync(work, job.JobId, cancellationToken);
            await scheduler.DeleteJob(JobTriggers.KeyOf(job.JobId), cancellationToken);
        }, cancellationToken);
    }

    private async Task InTransactionAsync(Func<UnitOfWork, IScheduler, Task> action, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await using var work = await UnitOfWork.BeginAsync(dataSource, cancellationToken);
        using (scheduler.EnlistTransaction(work.Transaction!))
        {
            await action(work, scheduler);
            await work.CommitAsync(cancellationToken);
        }

        dispatch.Pulse();
    }
}
