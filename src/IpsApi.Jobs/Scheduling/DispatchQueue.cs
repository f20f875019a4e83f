using IpsApi.Jobs.Running;
using Npgsql;

namespace IpsApi.Jobs.Scheduling;

/// <summary>
/// A job this node claimed from the queue: what its run needs to know about the firing, and the job as it was read
/// with the claim (a retry reads it again: its checkpoint may have moved).
/// </summary>
public sealed record QueuedRun(long JobId, DateTimeOffset QueuedAt, bool Recovering, int Attempt, int Retry = 0, JobRecord? Job = null)
{
    /// <summary>
    /// The run's fire instance id: one per claim, and per retry of a claim after the database failed under it,
    /// so each attempt is a run of its own.
    /// </summary>
    public string FireInstanceId(string node) => Retry == 0 ? $"{node}/{JobId}/{Attempt}" : $"{node}/{JobId}/{Attempt}.{Retry}";
}

/// <summary>
/// The job_queue table (migration 017): jobs to run now or at their execTime, each until its run ends. Writers add rows in
/// their own transactions (submit, executeJob, resumeJob, a Quartz fire) and call <see cref="NotifyAsync"/>, so
/// every node's dispatcher hears of them when that transaction commits.
/// </summary>
public sealed class DispatchQueue(NpgsqlDataSource dataSource)
{
    /// <summary>The PostgreSQL channel that tells dispatchers new rows are waiting.</summary>
    public const string Channel = "ipsapi_dispatch";

    /// <summary>Quartz's scheduler name, under which every node checks in to the cluster.</summary>
    public const string SchedulerName = "ipsapi";

    /// <summary>
    /// Queues the job to run at <c>@at</c> (now when null). A row already waiting keeps the earlier of its time and
    /// this one (fires coalesce, like a misfire; executeJob brings a one-shot job's run forward); a row being run is
    /// marked to run again when that run ends. A deleted job is not queued.
    /// </summary>
    public const string EnqueueSql =
        """
        insert into job_queue (job_id, queued_at)
        select id, coalesce(@at, now()) from jobs where id = @job and deleted_at is null
        on conflict (job_id) do update
        set again = job_queue.again or job_queue.node is not null,
            queued_at = case when job_queue.node is null then least(job_queue.queued_at, excluded.queued_at) else job_queue.queued_at end
        """;

    /// <summary>
    /// The queue row of a job inserted by the same statement, as the CTE <c>job</c> returns its id: due at <c>@at</c>
    /// (its execTime) or now.
    /// </summary>
    public const string QueueInsertedJobSql = "insert into job_queue (job_id, queued_at) select id, coalesce(@at, now()) from job";

    /// <summary>Adds the job with the time it was asked for; see <see cref="EnqueueSql"/>.</summary>
    private static NpgsqlBatchCommand Enqueue(long jobId, DateTimeOffset? at)
    {
        var command = new NpgsqlBatchCommand(EnqueueSql);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.Add(new NpgsqlParameter("at", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)at ?? DBNull.Value });
        return command;
    }

    /// <summary>Wakes every node's dispatcher once the caller's transaction commits (nothing if it rolls back).</summary>
    public static NpgsqlBatchCommand Notify() => new($"select pg_notify('{Channel}', '')");

    public static async Task EnqueueAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, long jobId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { Enqueue(jobId, at), Notify() } };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { Notify() } };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> waiting jobs, oldest first, and reads them, in one statement. SKIP LOCKED
    /// lets nodes claim side by side without waiting on each other's rows; a paused or deleted job is left waiting.
    /// </summary>
    public async Task<IReadOnlyList<QueuedRun>> ClaimAsync(string node, int max, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            with picked as (
                select q.job_id from job_queue q
                join jobs j on j.id = q.job_id
                where q.node is null and q.queued_at <= now() and not j.paused and j.deleted_at is null
                order by q.queued_at, q.job_id
                limit @max
                for update of q skip locked),
            claimed as (
                update job_queue q set node = @node, claimed_at = now(), attempts = q.attempts + 1
                from picked where q.job_id = picked.job_id
                returning q.job_id, q.queued_at, q.recovering, q.attempts)
            select q.job_id, q.queued_at, q.recovering, q.attempts, {RunStore.JobColumns}
            from claimed q
            join jobs j on j.id = q.job_id
            {RunStore.JobJoins}
            order by q.queued_at, q.job_id
            """);
        command.Parameters.AddWithValue("node", node);
        command.Parameters.AddWithValue("max", max);
        var claimed = new List<QueuedRun>(max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new QueuedRun(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetBoolean(2), reader.GetInt32(3),
                Job: RunStore.ReadJob(reader, 4)));
        }

        return claimed;
    }

    /// <summary>Whether this node still holds the job's row: false once its run's close has committed.</summary>
    public async Task<bool> HoldsAsync(string node, long jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select exists (select 1 from job_queue where job_id = @job and node = @node)");
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("node", node);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>
    /// For the transaction that closes the run: the job's row goes, or waits again when a further run was asked for
    /// meanwhile (and then wakes the dispatchers).
    /// </summary>
    public static IEnumerable<NpgsqlBatchCommand> Finish(string node, long jobId)
    {
        var again = new NpgsqlBatchCommand(
            """
            update job_queue set node = null, claimed_at = null, again = false, recovering = false, queued_at = now()
            where job_id = @job and node = @node and again
            """);
        again.Parameters.AddWithValue("job", jobId);
        again.Parameters.AddWithValue("node", node);
        yield return again;

        var done = new NpgsqlBatchCommand("delete from job_queue where job_id = @job and node = @node and not again");
        done.Parameters.AddWithValue("job", jobId);
        done.Parameters.AddWithValue("node", node);
        yield return done;

        // Only a row that waits again wakes the dispatchers: NOTIFY serialises commits, which every close would pay.
        var notify = new NpgsqlBatchCommand($"select pg_notify('{Channel}', '') from job_queue where job_id = @job and node is null");
        notify.Parameters.AddWithValue("job", jobId);
        yield return notify;
    }

    /// <summary>Removes the row of a job that no longer exists, or whose run cannot be done (see the caller).</summary>
    public async Task DropAsync(string node, long jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from job_queue where job_id = @job and node = @node");
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("node", node);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Hands this node's rows (or one of them) back to waiting, marked recovering: at start (what a node that died
    /// under this name was running) and when a run is handed back at shutdown.
    /// </summary>
    public async Task<int> ReleaseAsync(string node, long? jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            update job_queue set node = null, claimed_at = null, recovering = true
            where node = @node and (@job::bigint is null or job_id = @job)
            """);
        command.Parameters.AddWithValue("node", node);
        command.Parameters.Add(new NpgsqlParameter("job", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)jobId ?? DBNull.Value });
        var released = await command.ExecuteNonQueryAsync(cancellationToken);
        await NotifyAllAsync(cancellationToken);
        return released;
    }

    /// <summary>
    /// Hands back the rows of nodes that stopped checking in to the Quartz cluster: no check-in within the
    /// interval they announced plus Quartz's own margin of 7.5 s (times in .NET ticks, as Quartz stores them), or
    /// no check-in row at all (Quartz removes a failed node's row once another node has recovered it).
    /// </summary>
    public async Task<IReadOnlyList<string>> TakeOverAsync(string node, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            with dead as (
                select q.job_id, q.node from job_queue q
                where q.node is not null and q.node <> @node
                  and not exists (select 1 from qrtz_scheduler_state s
                                  where s.sched_name = @scheduler and s.instance_name = q.node
                                    and s.last_checkin_time + (s.checkin_interval + 7500) * 10000 >= @now)
                for update of q skip locked)
            update job_queue q set node = null, claimed_at = null, recovering = true
            from dead where q.job_id = dead.job_id
            returning dead.node
            """);
        command.Parameters.AddWithValue("node", node);
        command.Parameters.AddWithValue("scheduler", SchedulerName);
        command.Parameters.AddWithValue("now", now.UtcTicks);
        var from = new HashSet<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                from.Add(reader.GetString(0));
            }
        }

        if (from.Count > 0)
        {
            await NotifyAllAsync(cancellationToken);
        }

        return [.. from];
    }

    /// <summary>Wakes every node's dispatcher now (outside any transaction of the caller's).</summary>
    private async Task NotifyAllAsync(CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Notify());
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
