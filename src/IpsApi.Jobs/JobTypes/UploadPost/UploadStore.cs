using IpsApi.Jobs.Database;
using IpsApi.Jobs.Store;
using Npgsql;
using NpgsqlTypes;

namespace IpsApi.Jobs.JobTypes.UploadPost;

/// <summary>A file of a POST, complete in the storage root, and where it goes.</summary>
/// <param name="StagedKey">Its storage key until it is ingested (<see cref="UploadStaging"/>).</param>
/// <param name="Folder">The destination folder from the company root ("" is the root).</param>
/// <param name="ClientName">The part's filename as the client sent it.</param>
public sealed record StagedUpload(string StagedKey, string Folder, string Name, string ClientName, long Size);

/// <summary>A file of an upload job, ingested (<see cref="Done"/>) or waiting for its ingest.</summary>
public sealed record UploadedFile(long Id, string StagedKey, string Folder, string Name, string ClientName, long Size, bool Done);

/// <summary>Where an upload job stands: its files so far, whether endJob came, its last POST and whether it is closed.</summary>
public sealed record UploadJobState(bool Ended, DateTimeOffset LastPostAt, bool Closed, IReadOnlyList<UploadedFile> Files);

/// <summary>What became of a later POST's files.</summary>
public enum UploadAddOutcome
{
    Added,

    /// <summary>The job was ended (endJob, its idle timeout, stop, delete): nothing added.</summary>
    JobEnded,

    /// <summary>The job is not an upload job: nothing added.</summary>
    NotAnUploadJob,

    /// <summary>Another user opened the job: nothing added.</summary>
    OtherUser,
}

/// <summary>
/// The upload_jobs and upload_files tables (migration 050): an upload job's files from the POST that brought them
/// to their ingest. A POST adds its files holding its job's upload_jobs row in share mode (POSTs of one job go in side
/// by side, and their commits share the database's flushes), and the run decides that the job is over holding it
/// exclusively: the two never pass each other, so a file is either added before the job closes (and then ingested)
/// or refused. The idle timeout counts from the latest of the row's last_post_at and its files' arrival.
/// </summary>
public sealed class UploadStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// For the transaction that stores the job of a first POST (<see cref="JobSubmission.StoredWith"/>): the upload
    /// job's row and its files.
    /// </summary>
    public static IEnumerable<NpgsqlBatchCommand> Open(IReadOnlyList<StagedUpload> files, bool endJob)
    {
        var open = new NpgsqlBatchCommand(
            $"insert into upload_jobs (job_id, ended) select id, @ended from jobs where id = {JobStore.JustInsertedId}");
        open.Parameters.AddWithValue("ended", endJob);
        yield return open;
        if (files.Count > 0)
        {
            yield return InsertFiles(files, $"upload_jobs u, {FileRows} where u.job_id = {JobStore.JustInsertedId} order by f.n");
        }
    }

    /// <summary>Whether a POST of <paramref name="userId"/> may add files to the job now (checked again when it adds them).</summary>
    public async Task<UploadAddOutcome> CheckAsync(long jobId, long userId, CancellationToken cancellationToken)
    {
        await using var check = dataSource.CreateCommand(
            """
            select u.closed_at is null and not u.ended and j.released_at is null and j.deleted_at is null, j.submit_user_id
            from upload_jobs u join jobs j on j.id = u.job_id
            where u.job_id = @job
            """);
        check.Parameters.AddWithValue("job", jobId);
        await using var reader = await check.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return UploadAddOutcome.NotAnUploadJob;
        }

        // Another user first: whether the job is still open is none of their business.
        return reader.GetInt64(1) != userId ? UploadAddOutcome.OtherUser
            : !reader.GetBoolean(0) ? UploadAddOutcome.JobEnded
            : UploadAddOutcome.Added;
    }

    /// <summary>
    /// Adds a later POST's files to an upload job that is still open and was opened by <paramref name="userId"/>;
    /// <paramref name="endJob"/> ends it once these files are in. One round trip, one transaction: the files go in only
    /// if the job takes them, holding its row meanwhile; otherwise nothing changes and a second look says why.
    /// </summary>
    public async Task<UploadAddOutcome> AddAsync(
        long jobId, long userId, IReadOnlyList<StagedUpload> files, bool endJob, CancellationToken cancellationToken)
    {
        // endJob changes the row: that POST holds it exclusively from the start (two of them sharing it first would deadlock).
        const string open = """
            u.job_id = @job and j.id = u.job_id and u.closed_at is null and not u.ended
            and j.released_at is null and j.deleted_at is null and j.submit_user_id = @user
            """;
        await using var batch = dataSource.CreateBatch();
        if (files.Count > 0)
        {
            var insert = InsertFiles(files, $"upload_jobs u, jobs j, {FileRows} where {open} order by f.n for {(endJob ? "update" : "share")} of u");
            insert.Parameters.AddWithValue("job", jobId);
            insert.Parameters.AddWithValue("user", userId);
            batch.BatchCommands.Add(insert);
        }

        if (endJob || files.Count == 0)
        {
            // A POST without files still counts for the idle timeout.
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"update upload_jobs u set last_post_at = now(), ended = ended or @ended from jobs j where {open}")
            {
                Parameters = { new("ended", endJob), new("job", jobId), new("user", userId) },
            });
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (batch.BatchCommands[0].RecordsAffected > 0)
        {
            return UploadAddOutcome.Added;
        }

        var outcome = await CheckAsync(jobId, userId, cancellationToken);
        return outcome == UploadAddOutcome.Added ? UploadAddOutcome.JobEnded : outcome;
    }

    /// <summary>A POST is still coming in (a large file takes long): the idle timeout counts from now.</summary>
    public async Task TouchAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update upload_jobs set last_post_at = now() where job_id = @job and closed_at is null");
        command.Parameters.AddWithValue("job", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The job's upload state and its files in the order they came; null when it has no upload row.</summary>
    public async Task<UploadJobState?> StateAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var job = new NpgsqlBatchCommand($"select ended, {LastPost}, closed_at is not null from upload_jobs u where job_id = @job");
        job.Parameters.AddWithValue("job", jobId);
        var files = new NpgsqlBatchCommand(
            """
            select id, staged_key, folder, name, client_name, size, done_at is not null
            from upload_files where job_id = @job order by id
            """);
        files.Parameters.AddWithValue("job", jobId);
        batch.BatchCommands.Add(job);
        batch.BatchCommands.Add(files);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var (ended, lastPost, closed) = (reader.GetBoolean(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetBoolean(2));
        await reader.NextResultAsync(cancellationToken);
        var list = new List<UploadedFile>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new UploadedFile(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt64(5), reader.GetBoolean(6)));
        }

        return new UploadJobState(ended, lastPost, closed, list);
    }

    /// <summary>The file's ingest is over (whatever it made of the file): a run that takes the job over skips it.</summary>
    public async Task MarkDoneAsync(long fileId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update upload_files set done_at = now() where id = @id");
        command.Parameters.AddWithValue("id", fileId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Closes the job when it is over: every file it got is done, and endJob came or no POST came for
    /// <paramref name="idleTimeout"/>. True when it is closed (now or before): no POST adds to it any more.
    /// </summary>
    public async Task<bool> TryCloseAsync(long jobId, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        await using var work = await UnitOfWork.BeginAsync(dataSource, cancellationToken);
        // The lock first, in a statement of its own: the update's snapshot then sees every file of a POST that held it.
        await using var close = work.Batch(
            new NpgsqlBatchCommand("select 1 from upload_jobs where job_id = @job for update") { Parameters = { new("job", jobId) } },
            new NpgsqlBatchCommand(
                $"""
                update upload_jobs u set closed_at = coalesce(closed_at, now())
                where job_id = @job
                  and (closed_at is not null or ended or {LastPost} <= now() - @idle)
                  and not exists (select 1 from upload_files f where f.job_id = @job and f.done_at is null)
                """)
            {
                Parameters = { new("job", jobId), new("idle", NpgsqlDbType.Interval) { Value = idleTimeout } },
            });
        await close.ExecuteNonQueryAsync(cancellationToken);
        var closed = close.BatchCommands[1].RecordsAffected > 0;
        await work.CommitAsync(cancellationToken);
        return closed;
    }

    /// <summary>
    /// Closes the job whatever its files (a stopped or deleted job): no POST adds to it any more, and the rows of its
    /// files go. Returns the staged keys of the files it had not ingested, for the caller to delete.
    /// </summary>
    public async Task<IReadOnlyList<string>> CloseAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var work = await UnitOfWork.BeginAsync(dataSource, cancellationToken);
        await using (var close = work.Command("update upload_jobs set closed_at = coalesce(closed_at, now()) where job_id = @job"))
        {
            close.Parameters.AddWithValue("job", jobId);
            await close.ExecuteNonQueryAsync(cancellationToken);
        }

        var keys = new List<string>();
        await using (var forget = work.Command("delete from upload_files where job_id = @job returning staged_key, done_at is null"))
        {
            forget.Parameters.AddWithValue("job", jobId);
            await using var reader = await forget.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetBoolean(1))
                {
                    keys.Add(reader.GetString(0));
                }
            }
        }

        await work.CommitAsync(cancellationToken);
        return keys;
    }

    /// <summary>Forgets the files of a closed job once its run is over with them.</summary>
    public async Task ForgetFilesAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "delete from upload_files f using upload_jobs u where f.job_id = @job and u.job_id = f.job_id and u.closed_at is not null");
        command.Parameters.AddWithValue("job", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Upload jobs no run will finish: still open, but their job was deleted, or its run ended without closing them
    /// (it failed), more than <paramref name="after"/> ago.
    /// </summary>
    public async Task<IReadOnlyList<long>> AbandonedAsync(TimeSpan after, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select u.job_id from upload_jobs u join jobs j on j.id = u.job_id
            where u.closed_at is null and coalesce(j.deleted_at, j.released_at) < now() - @after
            """);
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Interval) { Value = after });
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Which of <paramref name="keys"/> a file row still names.</summary>
    public async Task<IReadOnlySet<string>> KnownAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select staged_key from upload_files where staged_key = any(@keys)");
        command.Parameters.AddWithValue("keys", keys.ToArray());
        var known = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            known.Add(reader.GetString(0));
        }

        return known;
    }

    /// <summary>When the job's last POST came: the row's own time (its opening, or a POST without files) or its latest file's.</summary>
    private const string LastPost =
        "greatest(u.last_post_at, (select max(f.received_at) from upload_files f where f.job_id = u.job_id))";

    /// <summary>The POST's files as rows (staged_key, folder, name, client_name, size, n), in the order they came.</summary>
    private const string FileRows =
        "unnest(@keys::text[], @folders::text[], @names::text[], @clients::text[], @sizes::bigint[]) with ordinality as f(staged_key, folder, name, client_name, size, n)";

    /// <param name="from">What the rows are selected from: the job as u, the files as <see cref="FileRows"/> f, and the conditions.</param>
    private static NpgsqlBatchCommand InsertFiles(IReadOnlyList<StagedUpload> files, string from)
    {
        var insert = new NpgsqlBatchCommand(
            $"""
            insert into upload_files (job_id, staged_key, folder, name, client_name, size)
            select u.job_id, f.staged_key, f.folder, f.name, f.client_name, f.size
            from {from}
            """);
        insert.Parameters.AddWithValue("keys", files.Select(f => f.StagedKey).ToArray());
        insert.Parameters.AddWithValue("folders", files.Select(f => f.Folder).ToArray());
        insert.Parameters.AddWithValue("names", files.Select(f => f.Name).ToArray());
        insert.Parameters.AddWithValue("clients", files.Select(f => f.ClientName).ToArray());
        insert.Parameters.AddWithValue("sizes", files.Select(f => f.Size).ToArray());
        return insert;
    }
}
