using Npgsql;
using System.Globalization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Notifications;
using IpsApi.Jobs.Running.Messages;
using IpsApi.Jobs.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using JobType = IpsApi.Jobs.Definitions.JobType;

namespace IpsApi.Jobs.Running;

/// <summary>
/// The one Quartz job of the server: it runs every IPS job, whatever its type. It loads the job's definition,
/// opens a run (instance name, log id), writes the run's opening records, hands the run to the executor of
/// the job's type, and closes it: last record, counts, state and notifications in one transaction.
/// </summary>
[DisallowConcurrentExecution]
public sealed class JobRunner(
    RunStore runs,
    ExecutorRegistry executors,
    RunCancellations cancellations,
    NotificationOutbox notifications,
    OutboxSender outboxSender,
    ServerTimeZone serverZone,
    IOptions<SchedulerOptions> options,
    ILogger<JobRunner> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await RunFiringAsync(context, cancellationToken);
        }
        catch (Exception e) when (IsDatabaseOutage(e) && !cancellationToken.IsCancellationRequested)
        {
            // The database went away during the firing: the run could not be opened, recorded or closed. Ending the
            // firing here would end a one-shot job without a run, so the same firing goes back to Quartz after a
            // pause (longer each time) and runs again once the database is back; that run closes this one as
            // interrupted. A shutdown meanwhile cancels the pause and leaves the firing to recovery.
            var pause = TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(context.RefireCount, 5)));
            logger.LogWarning(e, "Firing of job {JobKey} could not reach the database; running it again in {Pause}", context.JobDetail.Key, pause);
            await Task.Delay(pause, cancellationToken);
            throw new JobExecutionException(e) { RefireImmediately = true };
        }
    }

    /// <summary>A failure of the connection to PostgreSQL (down, restarting, unreachable), not of a statement.</summary>
    private static bool IsDatabaseOutage(Exception e)
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

    private async Task RunFiringAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var jobId = long.Parse(context.MergedJobDataMap.GetString(JobTriggers.JobIdKey)!, CultureInfo.InvariantCulture);
        var shutdown = cancellationToken;
        var job = await runs.LoadJobAsync(jobId, shutdown);
        if (job is null)
        {
            // The row went away (deleted with its trigger); a fire already in flight has nothing to run.
            logger.LogWarning("Job {JobId} fired but is no longer stored; nothing to run", jobId);
            return;
        }

        var triggerTime = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        if (context.Recovering && OriginalScheduledFireTime(context) is { } original
            && await runs.FiringAlreadyEndedAsync(jobId, original, shutdown))
        {
            // Killed between ending the run and telling Quartz: running it again would do its work twice.
            logger.LogWarning("Recovered firing of job {JobId} scheduled at {TriggerTime} had already ended; not run again", jobId, original);
            return;
        }

        if (context.RefireCount > 0 && await runs.FiringAlreadyEndedAsync(jobId, triggerTime, shutdown))
        {
            // Handed back after a database failure, but the run's close had been committed before the connection died.
            logger.LogWarning("Firing of job {JobId} scheduled at {TriggerTime} had already ended; not run again", jobId, triggerTime);
            return;
        }

        var type = job.Definition.Spec.Type;
        var (begin, end) = JobLogTypes.BeginEnd(type);
        // A firing handed back after a database failure runs again under the same fire instance id: each attempt is a run.
        var attempt = context.RefireCount == 0 ? context.FireInstanceId : $"{context.FireInstanceId}/{context.RefireCount}";
        var opened = await runs.OpenAsync(
            job, attempt, triggerTime, context.Recovering,
            options.Value.NodeName, serverZone.Zone, begin, shutdown);
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
        }

        var log = new JobLogWriter(opened.RunId, runs, job.Locale);
        var run = new JobRun(job, opened.RunId, opened.InstanceName, options.Value.NodeName, log, runs);
        var (emailSetting, callbackUrl) = NotificationSettingsOf(job.Definition.Spec);
        var stopOrPause = cancellations.Register(opened.RunId);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(shutdown, stopOrPause);
        try
        {
            await WriteOpeningRecordsAsync(run, begin, type, shutdown);
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
                // The node is shutting down: leave the run open and hand the firing back to Quartz, which runs the
                // job again (here after a restart, or on another node); that run closes this one as interrupted.
                logger.LogWarning("Run {InstanceName} handed back for recovery: the node is shutting down", opened.InstanceName);
                throw new OperationCanceledException(shutdown);
            }

            // A cron job keeps its name for its next fires; a one-shot job (also when recovered) is over after this run.
            var paused = outcome == RunOutcome.Stopped && cancellations.ReasonOf(opened.RunId) == CancelReason.Pause;
            var noFurtherFire = job.Definition.Schedule is not JobSchedule.Cron && !paused;
            await CloseAsync(run, opened, outcome, paused, end, emailSetting, callbackUrl, noFurtherFire);
        }
        finally
        {
            cancellations.Unregister(opened.RunId);
        }
    }

    /// <summary>The scheduled time of the firing a recovery firing stands for, as Quartz puts it in the trigger's data.</summary>
    private static DateTimeOffset? OriginalScheduledFireTime(IJobExecutionContext context)
    {
        var value = context.Trigger.JobDataMap.GetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime);
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
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

    /// <summary>The records every run starts with, written with its move to Running in one round trip.</summary>
    private static Task WriteOpeningRecordsAsync(JobRun run, string begin, JobType type, CancellationToken cancellationToken)
    {
        var job = run.Job;
        var client = $"{job.ClientApp} {job.ClientVersion}".Trim();
        return run.Log.OpenAsync(
            [
                (begin, LogText.Of(LogKeys.RunStarted, job.Name, run.ServerName)),
                (JobLogTypes.OriginalJobName, job.OriginalName),
                (JobLogTypes.JobType, type.ToString()),
                (JobLogTypes.JobClient, client.Length > 0 ? client : LogText.Of(LogKeys.NoAppName)),
            ],
            "Running", cancellationToken);
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
        await using var transaction = await connection.BeginTransactionAsync(none);
        await RunStore.InsertDetailAsync(connection, transaction, run.RunId,
            new JobLogEntry(end, LogKeys.RunEnded(state) is { } key ? LogText.Of(key, run.Job.Name) : $"{run.Job.Name} ended: {state}",
                null, null, null, null, RunCount.None), none);
        var totals = await RunStore.CloseAsync(connection, transaction, run.RunId, run.Job.Id, state, end,
            outcome == RunOutcome.Failed, noFurtherFire, keepCheckpoint: paused, none);
        await notifications.EnqueueRunEndedAsync(connection, transaction,
            Summary(run, opened, outcome, totals, emailSetting, callbackUrl), none);
        await transaction.CommitAsync(none);
        outboxSender.Notify();
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
