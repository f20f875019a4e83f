using System.Threading.Channels;
using IpsApi.Jobs.Database;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Cron;
using IpsApi.Jobs.Engine.Queue;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.Handles;
using IpsApi.Jobs.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace IpsApi.Jobs.Engine.Submit;

/// <summary>
/// Stores submitted jobs with what schedules them, grouping the submits that arrive while a group is being written
/// into the next one (group commit): one commit, one NOTIFY and at most one Quartz trigger lock per group, not per
/// job. Each caller is answered only after its group has committed; a group that fails is stored again one submit
/// at a time, so a submit that cannot be stored fails alone.
/// </summary>
public sealed class GroupCommitSubmitter : IAsyncDisposable
{
    private const int MaxNameAttempts = 20;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ISchedulerFactory _schedulers;
    private readonly DispatchSignal _dispatch;
    private readonly ServerTimeZone _serverZone;
    private readonly ILogger<GroupCommitSubmitter> _logger;
    private readonly int _maxGroup;
    private readonly Channel<PendingSubmit> _queue = Channel.CreateUnbounded<PendingSubmit>();
    private readonly Task[] _writers;

    public GroupCommitSubmitter(
        NpgsqlDataSource dataSource, ISchedulerFactory schedulers, DispatchSignal dispatch, ServerTimeZone serverZone,
        IOptions<SchedulerOptions> options, ILogger<GroupCommitSubmitter> logger)
    {
        _dataSource = dataSource;
        _schedulers = schedulers;
        _dispatch = dispatch;
        _serverZone = serverZone;
        _logger = logger;
        _maxGroup = Math.Max(1, options.Value.MaxSubmitGroup);
        _writers = [.. Enumerable.Range(0, Math.Max(1, options.Value.SubmitWriters)).Select(_ => Task.Run(WriteGroupsAsync))];
    }

    /// <summary>
    /// Stores the job under its own name, or, while that name is in use by another job of the company,
    /// under the first free <c>name_N</c> (the submitted name stays as original_name), and schedules it: a one-shot
    /// job (now or execTime) gets its dispatch queue row, a cron job its Quartz job and trigger. The row and its
    /// queue row or trigger commit in one transaction: neither exists without the other, and the answer comes only
    /// after that commit.
    /// </summary>
    public async Task<SubmittedJob> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken = default)
    {
        var pending = new PendingSubmit(submission, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The job store is shutting down; the job was not stored.");
        }

        // A caller that goes away stops waiting; its job is not stored if its group has not started yet, and otherwise
        // stored or not as that group's transaction decides.
        return await pending.Answer.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private sealed class PendingSubmit(JobSubmission submission, CancellationToken caller)
    {
        public JobSubmission Submission { get; } = submission;

        /// <summary>The caller gave up (its call was answered with a fault) before the submit was written.</summary>
        public CancellationToken Caller { get; } = caller;

        public TaskCompletionSource<SubmittedJob> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A writer: takes whatever submits are waiting (up to the group size) and stores them together.</summary>
    private async Task WriteGroupsAsync()
    {
        var group = new List<PendingSubmit>(_maxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < _maxGroup && _queue.Reader.TryRead(out var pending))
            {
                // A caller that gave up before its group started was told nothing was stored: keep it so, or its
                // retry would make a second job.
                if (pending.Caller.IsCancellationRequested)
                {
                    pending.Answer.TrySetCanceled(pending.Caller);
                    continue;
                }

                group.Add(pending);
            }

            if (group.Count > 0)
            {
                await StoreGroupAsync(group);
            }
        }
    }

    private async Task StoreGroupAsync(List<PendingSubmit> group)
    {
        try
        {
            var stored = await StoreAsync(group.ConvertAll(p => p.Submission));
            for (var i = 0; i < group.Count; i++)
            {
                JobMetrics.Submitted(group[i].Submission.Definition.Spec.Type);
                group[i].Answer.TrySetResult(stored[i]);
            }
        }
        catch (Exception e) when (group.Count > 1)
        {
            // Nothing of the group was stored. One bad submit must not fail the others: each again on its own.
            _logger.LogWarning(e, "A group of {Count} submits failed; storing each on its own", group.Count);
            foreach (var pending in group)
            {
                await StoreGroupAsync([pending]);
            }
        }
        catch (Exception e)
        {
            group[0].Answer.TrySetException(e);
        }
    }

    private async Task<SubmittedJob[]> StoreAsync(List<JobSubmission> submissions)
    {
        // Not a caller's token: the group belongs to every caller in it.
        var none = CancellationToken.None;
        // Quartz's statements for cron jobs need a transaction to enlist in. Without cron jobs the group is one batch,
        // which PostgreSQL runs as one implicit transaction: one round trip for the whole group.
        var hasCron = submissions.Exists(s => s.Definition.Schedule is JobSchedule.Cron);
        await using var work = hasCron ? await UnitOfWork.BeginAsync(_dataSource, none) : await UnitOfWork.OpenAsync(_dataSource, none);

        var ids = await TryInsertAllAsync(work, submissions, none);
        var stored = new SubmittedJob[submissions.Count];
        var quartzJobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
        for (var i = 0; i < submissions.Count; i++)
        {
            var definition = submissions[i].Definition;
            var name = definition.JobName;
            var id = ids[i];
            for (var attempt = 1; id is null; attempt++)
            {
                if (attempt >= MaxNameAttempts)
                {
                    throw new InvalidOperationException($"No free job name found after {MaxNameAttempts} attempts.");
                }

                (name, id) = await TryNextFreeNameAsync(work, submissions[i], none);
            }

            stored[i] = new SubmittedJob(id.Value, new JobHandle(definition.CompanyHandle, name));
            if (definition.Schedule is JobSchedule.Cron cron)
            {
                quartzJobs.Add(JobTriggers.Detail(id.Value), [JobTriggers.Trigger(id.Value, cron, _serverZone.Zone)]);
            }
        }

        if (work.Transaction is { } transaction)
        {
            // Dispose the enlistment after the commit, so the scheduler is woken once the triggers are visible.
            var scheduler = await _schedulers.GetScheduler(none);
            using (scheduler.EnlistTransaction(transaction))
            {
                await scheduler.ScheduleJobs(quartzJobs, new ScheduleJobOptions(), none);
                await work.CommitAsync(none);
            }
        }

        _dispatch.Pulse();
        return stored;
    }

    /// <summary>
    /// Every row of the group in one round trip, each under its submitted name and followed by its queue row if it is
    /// a one-shot job, and one NOTIFY for the dispatchers; null where the name is taken.
    /// </summary>
    private static async Task<long?[]> TryInsertAllAsync(UnitOfWork work, List<JobSubmission> submissions, CancellationToken cancellationToken)
    {
        await using var batch = work.Batch(submissions.SelectMany(s => Store(s, s.Definition.JobName)));
        if (submissions.Exists(s => s.Definition.Schedule is not JobSchedule.Cron))
        {
            batch.BatchCommands.Add(DispatchQueue.Notify());
        }

        var ids = new long?[submissions.Count];
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < submissions.Count; i++)
        {
            // Each insert's result; the queue rows' statements return no rows and are passed by NextResult.
            ids[i] = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : null;
            await reader.NextResultAsync(cancellationToken);
        }

        return ids;
    }

    /// <summary>
    /// Stores the job under the first free <c>name_N</c>, in the group's transaction or in one of its own; no id when
    /// another submit took that name meanwhile (the caller tries the next).
    /// </summary>
    private static async Task<(string Name, long? Id)> TryNextFreeNameAsync(UnitOfWork group, JobSubmission submission, CancellationToken cancellationToken)
    {
        await using var own = group.Transaction is null ? await group.BeginTransactionAsync(cancellationToken) : null;
        var work = own ?? group;
        var name = await JobStore.NextFreeNameAsync(work, submission.CompanyId, submission.Definition.JobName, cancellationToken);
        await using var batch = work.Batch(Store(submission, name));
        if (submission.Definition.Schedule is not JobSchedule.Cron)
        {
            batch.BatchCommands.Add(DispatchQueue.Notify());
        }

        var id = (long?)await batch.ExecuteScalarAsync(cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return (name, id);
    }

    /// <summary>
    /// The job's row, for a one-shot job its queue row (due at its execTime, past or future, or now), and the rows
    /// stored with it. Only the job's insert returns rows: the reader passes the others by NextResult.
    /// </summary>
    private static IEnumerable<NpgsqlBatchCommand> Store(JobSubmission submission, string name)
    {
        yield return JobStore.Insert(submission, name);
        if (submission.Definition.Schedule is not JobSchedule.Cron)
        {
            yield return DispatchQueue.EnqueueJustInserted(submission.Definition.Schedule is JobSchedule.RunAt at ? at.At : null);
        }

        foreach (var command in submission.StoredWith?.Invoke() ?? [])
        {
            yield return command;
        }
    }
}
