using IpsApi.Jobs.Database;
using IpsApi.Jobs.Store;
using Npgsql;
using NpgsqlTypes;

namespace IpsApi.Jobs.Engine.Queue;

/// <summary>
/// The job_queue table (migration 017): jobs to run now or at their execTime, each until its run ends. Writers add
/// rows in their own unit of work (submit, executeJob, resumeJob, a Quartz fire) together with a NOTIFY, so every
/// node's dispatcher hears of them when that transaction commits. A dispatcher claims rows as
/// <see cref="ClaimedRun"/>s, which end themselves: finished with their run's close, handed back, or dropped.
/// </summary>
public sealed class DispatchQueue(NpgsqlDataSource dataSource)
{
    /// <summary>The PostgreSQL channel that tells dispatchers new rows are waiting.</summary>
    public const string Channel = "ipsapi_dispatch";

    /// <summary>Wakes every node's dispatcher once the caller's transaction commits (nothing if it rolls back).</summary>
    public static NpgsqlBatchCommand Notify() => new($"select pg_notify('{Channel}', '')");

    /// <summary>
    /// Queues the job to run at <paramref name="at"/> (now when null). A row already waiting keeps the earlier of its
    /// time and this one (fires coalesce, like a misfire; executeJob brings a one-shot job's run forward); a row being
    /// run is marked to run again when that run ends. A deleted job is not queued.
    /// </summary>
    public static NpgsqlBatchCommand Enqueue(long jobId, DateTimeOffset? at)
    {
        var command = new NpgsqlBatchCommand(
            """
            insert into job_queue (job_id, queued_at)
            select id, coalesce(@at, now()) from jobs where id = @job and deleted_at is null
            on conflict (job_id) do update
            set again = job_queue.again or job_queue.node is not null,
                queued_at = case when job_queue.node is null then least(job_queue.queued_at, excluded.queued_at) else job_queue.queued_at end
            """);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.Add(At(at));
        return command;
    }

    /// <summary>
    /// Queues the job that the statement before this one in the same batch inserted, due at <paramref name="at"/> (its
    /// execTime) or now; nothing when that insert stored no row (its name was taken). The insert drew its id from the
    /// jobs sequence whether or not it stored a row, and currval is this session's own: no other submit can interfere.
    /// currval is volatile: compared directly, it is called for every row of jobs, which grows without end; as a
    /// subquery it is called once and the row is found by its key.
    /// </summary>
    public static NpgsqlBatchCommand EnqueueJustInserted(DateTimeOffset? at)
    {
        var command = new NpgsqlBatchCommand(
            """
            insert into job_queue (job_id, queued_at)
            select id, coalesce(@at, now()) from jobs where id = (select currval(pg_get_serial_sequence('jobs', 'id')))
            """);
        command.Parameters.Add(At(at));
        return command;
    }

    /// <summary>Queues the job in the caller's unit of work and wakes the dispatchers when it commits.</summary>
    public static async Task EnqueueAsync(UnitOfWork work, long jobId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        await using var batch = work.Batch(Enqueue(jobId, at), Notify());
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Wakes the dispatchers when the caller's unit of work commits (a paused job may be claimed again).</summary>
    public static async Task NotifyAsync(UnitOfWork work, CancellationToken cancellationToken)
    {
        await using var batch = work.Batch(Notify());
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether the job has a row, waiting or being run.</summary>
    public static async Task<bool> HasRowAsync(UnitOfWork work, long jobId, CancellationToken cancellationToken)
    {
        await using var command = work.Command("select exists (select 1 from job_queue where job_id = @id)");
        command.Parameters.AddWithValue("id", jobId);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>
    /// For a deleted job: a waiting row goes; a row being run goes when its (stopped) run closes, without running again.
    /// </summary>
    public static async Task WithdrawAsync(UnitOfWork work, long jobId, CancellationToken cancellationToken)
    {
        await using var batch = work.Batch(
            new NpgsqlBatchCommand("delete from job_queue where job_id = @id and node is null") { Parameters = { new("id", jobId) } },
            new NpgsqlBatchCommand("update job_queue set again = false where job_id = @id") { Parameters = { new("id", jobId) } });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> waiting jobs, oldest first, and reads them, in one statement. SKIP LOCKED
    /// lets nodes claim side by side without waiting on each other's rows; a paused or deleted job is left waiting.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedRun>> ClaimAsync(string node, int max, CancellationToken cancellationToken)
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
            select q.job_id, q.queued_at, q.recovering, q.attempts, {JobRecords.Columns}
            from claimed q
            join jobs j on j.id = q.job_id
            {JobRecords.Joins}
            order by q.queued_at, q.job_id
            """);
        command.Parameters.AddWithValue("node", node);
        command.Parameters.AddWithValue("max", max);
        var claimed = new List<ClaimedRun>(max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedRun(this, node, reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetBoolean(2),
                reader.GetInt32(3), 0, JobRecords.Read(reader, 4)));
        }

        return claimed;
    }

    /// <summary>Whether this node still holds the job's row: false once its run's close has committed.</summary>
    internal async Task<bool> HoldsAsync(string node, long jobId, CancellationToken cancellationToken)
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
    internal static IEnumerable<NpgsqlBatchCommand> Finish(string node, long jobId)
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

    /// <summary>Removes the row of a job that no longer exists.</summary>
    internal async Task DropAsync(string node, long jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from job_queue where job_id = @job and node = @node");
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("node", node);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Hands this node's rows (or one of them) back to waiting, marked recovering: at start (what a node that died
    /// under this name was running), at shutdown, and when a run fails outside its executor.
    /// </summary>
    public async Task<int> ReleaseAsync(string node, long? jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            update job_queue set node = null, claimed_at = null, recovering = true
            where node = @node and (@job::bigint is null or job_id = @job)
            """);
        command.Parameters.AddWithValue("node", node);
        command.Parameters.Add(new NpgsqlParameter("job", NpgsqlDbType.Bigint) { Value = (object?)jobId ?? DBNull.Value });
        var released = await command.ExecuteNonQueryAsync(cancellationToken);
        await NotifyAllAsync(cancellationToken);
        return released;
    }

    /// <summary>
    /// Hands back the rows held by nodes other than this one that are not among <paramref name="alive"/> (see
    /// <see cref="Cluster.ClusterLiveness"/>): their nodes died or stopped. Returns those nodes.
    /// </summary>
    public async Task<IReadOnlyList<string>> TakeOverAsync(string node, IReadOnlyCollection<string> alive, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            with dead as (
                select q.job_id, q.node from job_queue q
                where q.node is not null and q.node <> @node and q.node <> all(@alive)
                for update of q skip locked)
            update job_queue q set node = null, claimed_at = null, recovering = true
            from dead where q.job_id = dead.job_id
            returning dead.node
            """);
        command.Parameters.AddWithValue("node", node);
        command.Parameters.AddWithValue("alive", alive.ToArray());
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

    /// <summary>Jobs whose time has come that no node has started yet (paused and deleted jobs not counted).</summary>
    public async Task<long> DueCountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select count(*) from job_queue q join jobs j on j.id = q.job_id
            where q.node is null and q.queued_at <= now() and not j.paused and j.deleted_at is null
            """);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Wakes every node's dispatcher now (outside any transaction of the caller's).</summary>
    private async Task NotifyAllAsync(CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Notify());
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter At(DateTimeOffset? at) =>
        new("at", NpgsqlDbType.TimestampTz) { Value = (object?)at ?? DBNull.Value };
}
