using IpsApi.Jobs.Database;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Handles;
using Npgsql;
using NpgsqlTypes;

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

/// <summary>
/// The jobs table: a job's row from its submit (under its name, or the first free <c>name_N</c> while that name is
/// in use) to its release (its name free again) and deletion, and the flags control operations set on it.
/// </summary>
public sealed class JobStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The insert of a job under <paramref name="name"/>: one row, returning its id, or no row when a job of the
    /// company already uses that name.
    /// </summary>
    public static NpgsqlBatchCommand Insert(JobSubmission submission, string name)
    {
        var command = new NpgsqlBatchCommand(
            """
            insert into jobs (company_id, name, original_name, job_type, definition, submit_user_id, notify_user_id,
                              locale, exec_time, exec_schedule, description, client_app, client_version, initiating_job_name)
            values (@company, @name, @original, @type, @definition, @submitter, @notify,
                    @locale, @execTime, @execSchedule, @description, @app, @version, @initiating)
            on conflict (company_id, name) where released_at is null do nothing
            returning id
            """);
        var definition = submission.Definition;
        var parameters = command.Parameters;
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
        return command;
    }

    /// <summary>
    /// The first <c>baseName_N</c> no job of the company in use has, N from 2 on. Called in a transaction: it holds a
    /// lock on the company's base name until that transaction ends, so submits of one name racing on several writers
    /// take their numbers one after another instead of all trying the same one.
    /// </summary>
    public static async Task<string> NextFreeNameAsync(UnitOfWork work, long companyId, string baseName, CancellationToken cancellationToken)
    {
        // A statement of its own: the select below must see what the previous holder committed.
        await using (var nameLock = work.Command("select pg_advisory_xact_lock(hashtextextended(@company::text || '|' || @base, 0))"))
        {
            nameLock.Parameters.AddWithValue("company", companyId);
            nameLock.Parameters.AddWithValue("base", baseName);
            await nameLock.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = work.Command(
            """
            select coalesce(max(substring(name from length(@base) + 2)::int), 1)
            from jobs
            where company_id = @company and released_at is null
              and starts_with(name, @base || '_') and substring(name from length(@base) + 2) ~ '^[0-9]{1,9}$'
            """);
        select.Parameters.AddWithValue("company", companyId);
        select.Parameters.AddWithValue("base", baseName);
        var highest = (int)(await select.ExecuteScalarAsync(cancellationToken))!;
        return $"{baseName}_{highest + 1}";
    }

    /// <summary>The job as a run sees it; null when it no longer exists.</summary>
    public async Task<JobRecord?> LoadAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select {JobRecords.Columns}
            from jobs j
            {JobRecords.Joins}
            where j.id = @id and j.deleted_at is null
            """);
        command.Parameters.AddWithValue("id", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? JobRecords.Read(reader, 0) : null;
    }

    public async Task SaveCheckpointAsync(long jobId, string checkpoint, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update jobs set checkpoint = @checkpoint where id = @id");
        command.Parameters.AddWithValue("checkpoint", checkpoint);
        command.Parameters.AddWithValue("id", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// For the transaction that closes a run (after the statements that end its queue row): a job with no further
    /// fire frees its name for new submissions, unless a further run was asked for meanwhile (its queue row stays);
    /// a paused run leaves its checkpoint for the run that resumes it, any other end starts the next run afresh.
    /// </summary>
    public static NpgsqlBatchCommand AfterRun(long jobId, bool noFurtherFire, bool keepCheckpoint)
    {
        var command = new NpgsqlBatchCommand(
            """
            update jobs set released_at = case when @release and not exists (select 1 from job_queue where job_id = @id)
                                               then coalesce(released_at, now()) else released_at end,
                            checkpoint = case when @keep then checkpoint else null end
            where id = @id
            """);
        command.Parameters.AddWithValue("release", noFurtherFire);
        command.Parameters.AddWithValue("keep", keepCheckpoint);
        command.Parameters.AddWithValue("id", jobId);
        return command;
    }

    /// <summary>Sets the pause flag; false when it already had that value.</summary>
    public static async Task<bool> SetPausedAsync(UnitOfWork work, long jobId, bool paused, CancellationToken cancellationToken)
    {
        await using var command = work.Command("update jobs set paused = @paused where id = @id and paused <> @paused");
        command.Parameters.AddWithValue("paused", paused);
        command.Parameters.AddWithValue("id", jobId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Marks the job deleted: it is found no more and its name is free; its runs and logs stay.</summary>
    public static async Task MarkDeletedAsync(UnitOfWork work, long jobId, CancellationToken cancellationToken)
    {
        await using var command = work.Command(
            """
            update jobs set deleted_at = now(), released_at = coalesce(released_at, now()), paused = false
            where id = @id and deleted_at is null
            """);
        command.Parameters.AddWithValue("id", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}
