using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Handles;
using IpsApi.Jobs.Scheduling;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Quartz;

namespace IpsApi.Jobs.Store;

/// <summary>A validated job, with who sent it and who hears about it, ready to be stored.</summary>
public sealed record JobSubmission(
    JobDefinition Definition,
    long CompanyId,
    long SubmitUserId,
    long NotifyUserId,
    string Locale,
    string? ClientApp,
    string? ClientVersion,
    string? InitiatingJobName = null);

public sealed record SubmittedJob(long Id, JobHandle Handle);

/// <summary>The jobs table: what submitJob writes and the other operations read.</summary>
public sealed class JobStore : IAsyncDisposable
{
    private const int MaxNameAttempts = 20;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ISchedulerFactory _schedulers;
    private readonly DispatchSignal _dispatch;
    private readonly ServerTimeZone _serverZone;
    private readonly ILogger<JobStore> _logger;
    private readonly int _maxGroup;
    private readonly Channel<PendingSubmit> _queue = Channel.CreateUnbounded<PendingSubmit>();
    private readonly Task[] _writers;

    public JobStore(
        NpgsqlDataSource dataSource, ISchedulerFactory schedulers, DispatchSignal dispatch, ServerTimeZone serverZone,
        IOptions<SchedulerOptions> options, ILogger<JobStore> logger)
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
    /// after that commit. Submits that arrive while a transaction is being written share the next one (group
    /// commit): one commit, one NOTIFY and at most one Quartz trigger lock per group, not per job.
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
                Running.JobMetrics.Submitted(group[i].Submission.Definition.Spec.Type);
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
        await using var connection = await _dataSource.OpenConnectionAsync(none);
        // Quartz's statements for cron jobs need a transaction to enlist in. Without cron jobs the group is one batch,
        // which PostgreSQL runs as one implicit transaction: one round trip for the whole group.
        var hasCron = submissions.Exists(s => s.Definition.Schedule is JobSchedule.Cron);
        await using var transaction = hasCron ? await connection.BeginTransactionAsync(none) : null;

        var ids = await TryInsertAllAsync(connection, transaction, submissions, none);
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

                (name, id) = await TryNextFreeNameAsync(connection, transaction, submissions[i], none);
            }

            stored[i] = new SubmittedJob(id.Value, new JobHandle(definition.CompanyHandle, name));
            if (definition.Schedule is JobSchedule.Cron cron)
            {
                quartzJobs.Add(JobTriggers.Detail(id.Value), [JobTriggers.Trigger(id.Value, cron, _serverZone.Zone)]);
            }
        }

        if (transaction is not null)
        {
            // Dispose the enlistment after the commit, so the scheduler is woken once the triggers are visible.
            var scheduler = await _schedulers.GetScheduler(none);
            using (scheduler.EnlistTransaction(transaction))
            {
                await scheduler.ScheduleJobs(quartzJobs, new ScheduleJobOptions(), none);
                await transaction.CommitAsync(none);
            }
        }

        _dispatch.Pulse();
        return stored;
    }

    /// <summary>
    /// Every row of the group in one round trip, each under its submitted name with its queue row if it is a one-shot
    /// job (due at its execTime, past or future, or now), and one NOTIFY for the dispatchers; null where the name is taken.
    /// </summary>
    private static async Task<long?[]> TryInsertAllAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, List<JobSubmission> submissions, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var submission in submissions)
        {
            batch.BatchCommands.Add(InsertCommand(submission, submission.Definition.JobName));
        }

        if (submissions.Exists(s => s.Definition.Schedule is not JobSchedule.Cron))
        {
            batch.BatchCommands.Add(DispatchQueue.Notify());
        }

        var ids = new long?[submissions.Count];
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < submissions.Count; i++)
        {
            ids[i] = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : null;
            await reader.NextResultAsync(cancellationToken);
        }

        return ids;
    }

    private const string InsertSql =
        """
        insert into jobs (company_id, name, original_name, job_type, definition, submit_user_id, notify_user_id,
                          locale, exec_time, exec_schedule, description, client_app, client_version, initiating_job_name)
        values (@company, @name, @original, @type, @definition, @submitter, @notify,
                @locale, @execTime, @execSchedule, @description, @app, @version, @initiating)
        on conflict (company_id, name) where released_at is null do nothing
        returning id
        """;

    /// <summary>The job's row and, for a one-shot job, its queue row in the same statement; no id when the name is taken.</summary>
    private static NpgsqlBatchCommand InsertCommand(JobSubmission submission, string name)
    {
        var schedule = submission.Definition.Schedule;
        var command = new NpgsqlBatchCommand(schedule is JobSchedule.Cron
            ? InsertSql
            : $"with job as ({InsertSql}), queued as ({DispatchQueue.QueueInsertedJobSql}) select id from job");
        AddInsertParameters(command.Parameters, submission, name);
        if (schedule is not JobSchedule.Cron)
        {
            command.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz)
            {
                Value = schedule is JobSchedule.RunAt at ? at.At : DBNull.Value,
            });
        }

        return command;
    }

    /// <summary>
    /// Stores the job under the first free <c>name_N</c>, in the group's transaction or in one of its own; no id when
    /// another submit took that name meanwhile (the caller tries the next).
    /// </summary>
    private static async Task<(string Name, long? Id)> TryNextFreeNameAsync(
        NpgsqlConnection connection, NpgsqlTransaction? groupTransaction, JobSubmission submission, CancellationToken cancellationToken)
    {
        await using var own = groupTransaction is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
        var transaction = groupTransaction ?? own!;
        var name = await NextFreeNameAsync(connection, transaction, submission.CompanyId, submission.Definition.JobName, cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { InsertCommand(submission, name) } };
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

    private static void AddInsertParameters(NpgsqlParameterCollection parameters, JobSubmission submission, string name)
    {
        var definition = submission.Definition;
        parameters.AddWithValue("company", submission.CompanyId);
        parameters.AddWithValue("name", name);
        parameters.AddWithValue("original", definition.JobName);
        parameters.AddWithValue("type", definition.Spec.Type.ToString());
        parameters.AddWithValue("definition", NpgsqlDbType.Jsonb, JobDefinitionJson.Serialize(definition));
        parameters.AddWithValue("submitter", submission.SubmitUserId);
        parameters.AddWithValue("notify", submission.NotifyUserId);
        parameters.AddWithValue("locale", submission.Locale);
        parameters.Add(new NpgsqlParameter("execTime", NpgsqlDbType.TimestampTz)
        {
            Value = definition.Schedule is JobSchedule.RunAt at ? at.At.ToUniversalTime() : DBNull.Value,
        });
        parameters.Add(new NpgsqlParameter("execSchedule", NpgsqlDbType.Text)
        {
            Value = definition.Schedule is JobSchedule.Cron cron ? cron.Expression : DBNull.Value,
        });
        parameters.Add(Text("description", definition.Description));
        parameters.Add(Text("app", submission.ClientApp));
        parameters.Add(Text("version", submission.ClientVersion));
        parameters.Add(Text("initiating", submission.InitiatingJobName));
    }

    private static async Task<string> NextFreeNameAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long companyId, string baseName, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(
            """
            select coalesce(max(substring(name from length(@base) + 2)::int), 1)
            from jobs
            where company_id = @company and released_at is null
              and starts_with(name, @base || '_') and substring(name from length(@base) + 2) ~ '^[0-9]{1,9}$'
            """, connection, transaction);
        select.Parameters.AddWithValue("company", companyId);
        select.Parameters.AddWithValue("base", baseName);
        var highest = (int)(await select.ExecuteScalarAsync(cancellationToken))!;
        return $"{baseName}_{highest + 1}";
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}
