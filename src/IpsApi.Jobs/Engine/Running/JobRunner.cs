using System.Globalization;
using IpsApi.Jobs.Database;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Queue;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.Notifications;
using IpsApi.Jobs.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using JobType = IpsApi.Jobs.Definitions.JobType;

namespace IpsApi.Jobs.Engine.Running;

/// <summary>
/// Runs one IPS job claimed from the dispatch queue, whatever its type. It loads the job's definition, opens a
/// run (instance name, log id), writes the run's opening records, hands the run to the executor of the job's
/// type, and closes it: last record, counts, state, notifications and the end of its claim in one transaction.
/// </summary>
public sealed class JobRunner(
    RunStore runs,
    JobStore jobs,
    NpgsqlDataSource dataSource,
    IpsApi.Assets.Store.FileIntents fileIntents,
    ExecutorRegistry executors,
    RunCancellations cancellations,
    NotificationOutbox notifications,
    OutboxSender outboxSender,
    ServerTimeZone serverZone,
    ILogger<JobRunner> logger)
{
    /// <summary>
    /// Runs the claimed job once and ends the claim: with the run's close, or by dropping it when the job is gone. A run
    /// cut short by shutdown stays open and keeps its claim, which the dispatcher hands back with the node's others.
    /// Database failures surface to the caller, which retries the claim.
    /// </summary>
    public async Task RunAsync(ClaimedRun claim, CancellationToken shutdown)
    {
        var node = claim.Node;
        var job = claim.Job ?? await jobs.LoadAsync(claim.JobId, shutdown);
        if (job is null)
        {
            // Deleted after it was queued: nothing to run.
            logger.LogWarning("Job {JobId} was queued but is no longer stored; nothing to run", claim.JobId);
            await claim.DropAsync(shutdown);
            return;
        }

        var type = job.Definition.Spec.Type;
        var (begin, end) = JobLogTypes.BeginEnd(job.Definition.Spec.LogName());
        var opened = await runs.OpenAsync(
            job, claim.FireInstanceId, claim.QueuedAt, claim.Recovering,
            node, serverZone.Zone, begin, OpeningRecords(job, begin, type, node), shutdown);
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["JobHandle"] = job.Handle.ToString(),
            ["Company"] = job.Company.Handle,
            ["JobType"] = type.ToString(),
            ["RunId"] = opened.RunId,
        });
        if (opened.InterruptedRuns.Count > 0)
        {
            logger.LogWarning("Run of {JobName} started again after interrupted run(s) {Interrupted}", job.Name, opened.InterruptedRuns);
            // Files the cut run put into the store without saving the rows that would own them.
            var swept = await fileIntents.SweepAsync(opened.InterruptedRuns, shutdown);
            if (swept > 0)
            {
                logger.LogWarning("{Count} file(s) left by the interrupted run(s) deleted", swept);
            }

        }

        var log = new JobLogWriter(opened.RunId, runs, job.Locale);
        // A run opened closes every open run of its job, so the last cut run is the one that carried what came before it.
        var run = new JobRun(job, opened.RunId, opened.InstanceName, node, log, runs, jobs,
            opened.InterruptedRuns.Count > 0 ? opened.InterruptedRuns.Max() : null);
        var (emailSetting, callbackUrl) = job.Definition.Spec.Notification();
        var stopOrPause = cancellations.Register(opened.RunId);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(shutdown, stopOrPause);
        try
        {
            if (emailSetting == EmailSetting.All)
            {
                await using var work = await UnitOfWork.BeginAsync(dataSource, shutdown);
                await notifications.EnqueueRunStartedAsync(work, Summary(run, opened, RunOutcome.Succeeded, null, emailSetting, callbackUrl), shutdown);
                await work.CommitAsync(shutdown);
                outboxSender.Notify();
            }

            logger.LogInformation("Run {InstanceName} of {JobName} started", opened.InstanceName, job.Name);
            JobMetrics.Started(type);
            var outcome = await ExecuteAsync(run, type, linked.Token);
            if (outcome == RunOutcome.Stopped && cancellations.ReasonOf(opened.RunId) is null)
            {
                // The node is shutting down: leave the run open and hand the job back to the queue, from which it
                // runs again (here after a restart, or on another node); that run closes this one as interrupted.
                logger.LogWarning("Run {InstanceName} handed back for recovery: the node is shutting down", opened.InstanceName);
                return;
            }

            // A cron job keeps its name for its next fires; a one-shot job (also when recovered) is over after this run.
            var paused = outcome == RunOutcome.Stopped && cancellations.ReasonOf(opened.RunId) == CancelReason.Pause;
            var noFurtherFire = job.Definition.Schedule is not JobSchedule.Cron && !paused;
            await CloseAsync(claim, run, opened, outcome, paused, end, emailSetting, callbackUrl, noFurtherFire);
        }
        finally
        {
            cancellations.Unregister(opened.RunId);
        }
    }

    private async Task<RunOutcome> ExecuteAsync(JobRun run, JobType type, CancellationToken cancellationToken)
    {
        var executor = executors.For(type);
        if (executor is null)
        {
            await run.Log.WriteAsync(JobLogTypes.FatalError,
                LogText.Of(LogKeys.JobTypeNotSupported, type.ToString()), cancellationToken: CancellationToken.None);
            return RunOutcome.Failed;
        }

        try
        {
            await executor.ExecuteAsync(run, cancellationToken);
            return RunOutcome.Succeeded;
        }
        catch (JobTypeNotSupportedException)
        {
            await run.Log.WriteAsync(JobLogTypes.FatalError,
                LogText.Of(LogKeys.JobTypeNotSupported, type.ToString()), cancellationToken: CancellationToken.None);
            return RunOutcome.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var reason = cancellations.ReasonOf(run.RunId);
            if (reason is not null)
            {
                var why = reason == CancelReason.Stop ? LogKeys.RunStoppedByRequest : LogKeys.RunPausedByRequest;
                await run.Log.WriteAsync(JobLogTypes.FileCancel, LogText.Of(why), cancellationToken: CancellationToken.None);
            }

            return RunOutcome.Stopped;
        }
        catch (Exception e)
        {
            var errorId = ErrorId.New();
            logger.LogError(e, "Executor for {JobType} failed, error id {ErrorId}", type, errorId);
            await run.Log.WriteAsync(JobLogTypes.FatalError,
                LogText.Of(LogKeys.JobFailed, e.GetType().Name, errorId),
                cancellationToken: CancellationToken.None);
            return RunOutcome.Failed;
        }
    }

    /// <summary>The records every run starts with, written with the run itself.</summary>
    private static List<(string LogType, LogText Message)> OpeningRecords(JobRecord job, string begin, JobType type, string node)
    {
        var client = $"{job.ClientApp} {job.ClientVersion}".Trim();
        return
        [
            (begin, LogText.Of(LogKeys.RunStarted, job.Name, node)),
            (JobLogTypes.OriginalJobName, job.OriginalName),
            (JobLogTypes.JobType, type.ToString()),
            (JobLogTypes.JobClient, client.Length > 0 ? client : LogText.Of(LogKeys.NoAppName)),
        ];
    }

    /// <summary>Last record, counts, state, freed name and notifications: all or nothing, whatever the executor did.</summary>
    private async Task CloseAsync(
        ClaimedRun claim, JobRun run, OpenedRun opened, RunOutcome outcome, bool paused, string end, EmailSetting emailSetting,
        string? callbackUrl, bool noFurtherFire)
    {
        // Not the run's token: the close must be written even while the node shuts down.
        var none = CancellationToken.None;
        var state = outcome switch
        {
            RunOutcome.Succeeded => "Done",
            RunOutcome.Stopped => paused ? "Paused" : "Stopped",
            _ => "Failed",
        };
        // Notifications depend on the counts the close returns, so they need a transaction around both; a job that
        // notifies nobody closes in one batch, one round trip.
        var notifies = emailSetting != EmailSetting.None || callbackUrl is not null;
        await using var work = notifies ? await UnitOfWork.BeginAsync(dataSource, none) : await UnitOfWork.OpenAsync(dataSource, none);
        var lastRecord = new JobLogEntry(end, LogKeys.RunEnded(state) is { } key ? LogText.Of(key, run.Job.Name) : $"{run.Job.Name} ended: {state}",
            null, null, null, null, RunCount.None);
        // The run's row and last record, the end of the claim, and what the end means for the job (its name, its
        // checkpoint), in that order: the job's release looks at whether the claim's row stayed.
        var totals = await RunStore.CloseAsync(work, run.RunId, state, lastRecord, outcome == RunOutcome.Failed,
            [.. claim.FinishCommands(), JobStore.AfterRun(run.Job.Id, noFurtherFire, keepCheckpoint: paused)], none);
        if (notifies)
        {
            var messages = await notifications.EnqueueRunEndedAsync(work, Summary(run, opened, outcome, totals, emailSetting, callbackUrl), none);
            await work.CommitAsync(none);
            if (messages > 0)
            {
                outboxSender.Notify();
            }
        }

        JobMetrics.Finished(run.Job.Definition.Spec.Type, state, DateTimeOffset.UtcNow - opened.StartedAt, totals);
        logger.LogInformation(
            "Run {InstanceName} ended {State}: {Success} succeeded, {Errors} errors, {Warnings} warnings",
            run.InstanceName, state, totals.FileSuccess, totals.FileError, totals.FileWarning);
    }

    private RunSummary Summary(
        JobRun run, OpenedRun opened, RunOutcome outcome, RunTotals? totals, EmailSetting emailSetting, string? callbackUrl)
    {
        var job = run.Job;
        var counts = totals is null
            ? new RunCounts(0, 0, 0, 0, 0, 0, false)
            : new RunCounts(totals.FileSuccess, totals.FileError, totals.FileWarning, totals.FileDuplicate, totals.FileUpdate,
                totals.TotalFiles, totals.FatalError);
        return new RunSummary(
            run.RunId, run.Handle.ToString(), job.Company.Handle, job.Name, job.OriginalName, job.Definition.Spec.Type.ToString(),
            run.InstanceName, outcome, counts, opened.StartedAt, totals is null ? null : DateTimeOffset.UtcNow,
            run.Log.FirstErrors, job.Locale, job.Notify.Email, job.Notify.DisplayName, emailSetting.ToString(), callbackUrl);
    }
}
