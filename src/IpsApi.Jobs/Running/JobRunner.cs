using Npgsql;
using System.Globalization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Notifications;
using IpsApi.Jobs.Running.Messages;
using IpsApi.Jobs.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using JobType = IpsApi.Jobs.Definitions.JobType;

namespace IpsApi.Jobs.Running;

/// <summary>How a run of a claimed job came to its end, as the dispatcher needs to know.</summary>
public enum RunEnd
{
    /// <summary>Closed (done, failed, stopped or paused); the queue row went in the same transaction.</summary>
    Closed,

    /// <summary>The node is shutting down: the run stays open and the job is handed back to the queue.</summary>
    HandedBack,

    /// <summary>The job no longer exists (deleted): nothing was run.</summary>
    Gone,
}

/// <summary>
/// Runs one IPS job claimed from the dispatch queue, whatever its type. It loads the job's definition, opens a
/// run (instance name, log id), writes the run's opening records, hands the run to the executor of the job's
/// type, and closes it: last record, counts, state, notifications and the queue row in one transaction.
/// </summary>
public sealed class JobRunner(
    RunStore runs,
    DispatchQueue queue,
    IpsApi.Assets.Store.FileIntents fileIntents,
    ExecutorRegistry executors,
    RunCancellations cancellations,
    NotificationOutbox notifications,
    OutboxSender outboxSender,
    ServerTimeZone serverZone,
    IOptions<SchedulerOptions> options,
    ILogger<JobRunner> logger)
{
    /// <summary>A failure of the connection to PostgreSQL (down, restarting, unreachable), not of a statement.</summary>
    public static bool IsDatabaseOutage(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs the job once. Database failures surface to the caller, which retries the claim.</summary>
    public async Task<RunEnd> RunAsync(QueuedRun claim, CancellationToken shutdown)
    {
        var node = options.Value.NodeName;
        var job = claim.Job ?? await runs.LoadJobAsync(claim.JobId, shutdown);
        if (job is null)
        {
            // Deleted after it was queued: nothing to run.
            logger.LogWarning("Job {JobId} was queued but is no longer stored; nothing to run", claim.JobId);
            await queue.DropAsync(node, claim.JobId, shutdown);
            return RunEnd.Gone;
        }

        var type = job.Definition.Spec.Type;
        var (begin, end) = JobLogTypes.BeginEnd(type);
        var opened = await runs.OpenAsync(
            job, claim.FireInstanceId(node), claim.QueuedAt, claim.Recovering,
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
        var run = new JobRun(job, opened.RunId, opened.InstanceName, options.Value.NodeName, log, runs);
        var (emailSetting, callbackUrl) = NotificationSettingsOf(job.Definition.Spec);
        var stopOrPause = cancellations.Register(opened.RunId);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(shutdown, stopOrPause);
        try
        {
            if (emailSetting == EmailSetting.All)
            {
                await using var connection = await runs.DataSource.OpenConnectionAsync(shutdown);
                await using var transaction = await connection.BeginTransactionAsync(shutdown);
                await notifications.EnqueueRunStartedAsync(connection, transaction,
                    Summary(run, opened, RunOutcome.Succeeded, null, emailSetting, callbackUrl), shutdown);
                await transaction.CommitAsync(shutdown);
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
                return RunEnd.HandedBack;
            }

            // A cron job keeps its name for its next fires; a one-shot job (also when recovered) is over after this run.
            var paused = outcome == RunOutcome.Stopped && cancellations.ReasonOf(opened.RunId) == CancelReason.Pause;
            var noFurtherFire = job.Definition.Schedule is not JobSchedule.Cron && !paused;
            await CloseAsync(run, opened, outcome, paused, end, emailSetting, callbackUrl, noFurtherFire);
            return RunEnd.Closed;
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
            var errorId = Guid.NewGuid().ToString("N")[..12];
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
        JobRun run, OpenedRun opened, RunOutcome outcome, bool paused, string end, EmailSetting emailSetting, string? callbackUrl,
        bool noFurtherFire)
    {
        // Not the run's token: the close must be written even while the node shuts down.
        var none = CancellationToken.None;
        var state = outcome switch
        {
            RunOutcome.Succeeded => "Done",
            RunOutcome.Stopped => paused ? "Paused" : "Stopped",
            _ => "Failed",
        };
        await using var connection = await runs.DataSource.OpenConnectionAsync(none);
        // Notifications depend on the counts the close returns, so they need a transaction around both; a job that
        // notifies nobody closes in one batch, one round trip.
        var notifies = emailSetting != EmailSetting.None || callbackUrl is not null;
        await using var transaction = notifies ? await connection.BeginTransactionAsync(none) : null;
        var lastRecord = new JobLogEntry(end, LogKeys.RunEnded(state) is { } key ? LogText.Of(key, run.Job.Name) : $"{run.Job.Name} ended: {state}",
            null, null, null, null, RunCount.None);
        var totals = await RunStore.CloseAsync(connection, transaction, run.RunId, run.Job.Id, state, lastRecord,
            outcome == RunOutcome.Failed, noFurtherFire, keepCheckpoint: paused, DispatchQueue.Finish(run.ServerName, run.Job.Id), none);
        if (transaction is not null)
        {
            var messages = await notifications.EnqueueRunEndedAsync(connection, transaction,
                Summary(run, opened, outcome, totals, emailSetting, callbackUrl), none);
            await transaction.CommitAsync(none);
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

    /// <summary>Who hears about a run and how: the emailSetting and completion URL of its job element.</summary>
    private static (EmailSetting Email, string? CallbackUrl) NotificationSettingsOf(JobSpec spec) => spec switch
    {
        ImageServingPublishSpec s => (s.EmailSetting, s.HttpCompletionUrl),
        ImageRenderingPublishSpec s => (s.EmailSetting, s.HttpCompletionUrl),
        VideoPublishSpec s => (s.EmailSetting, s.HttpCompletionUrl),
        ServerDirectoryPublishSpec s => (s.EmailSetting, s.HttpCompletionUrl),
        UploadDirectorySpec s => (s.EmailSetting, s.Post.PostHttpUrl),
        UploadUrlsSpec s => (s.EmailSetting, s.Post.PostHttpUrl),
        RipPdfsSpec s => (s.EmailSetting, s.Post.PostHttpUrl),
        ReprocessAssetsSpec s => (s.EmailSetting, s.Post.PostHttpUrl),
        OptimizeImagesSpec s => (s.EmailSetting, null),
        ExportSpec s => (s.EmailSetting, null),
        AutomatedSetGenerationSpec s => (s.EmailSetting, null),
        _ => (EmailSetting.None, null),
    };
}
