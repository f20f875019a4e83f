using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Running.Messages;
using Npgsql;
using NpgsqlTypes;

namespace IpsApi.Jobs.Running;

/// <summary>A run as it is opened: its id (the log id) and instance name.</summary>
public sealed record OpenedRun(long RunId, string InstanceName, DateTimeOffset StartedAt, IReadOnlyList<long> InterruptedRuns);

/// <summary>Where a run ended, with its counts as stored.</summary>
public sealed record RunTotals(
    int FileSuccess, int FileError, int FileWarning, int FileDuplicate, int FileUpdate, int TotalFiles, bool FatalError);

/// <summary>The job_runs, job_log_details and job_task_progress tables.</summary>
public sealed class RunStore(NpgsqlDataSource dataSource)
{
    public NpgsqlDataSource DataSource => dataSource;

    public async Task<JobRecord?> LoadJobAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select j.id, j.name, j.original_name, j.definition::text, j.locale, j.client_app, j.client_version,
                   c.id, c.handle, c.name,
                   s.email, s.first_name, s.last_name, n.email, n.first_name, n.last_name, j.checkpoint
            from jobs j
            join companies c on c.id = j.company_id
            join users s on s.id = j.submit_user_id
            join users n on n.id = j.notify_user_id
            where j.id = @id and j.deleted_at is null
            """);
        command.Parameters.AddWithValue("id", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        string? Optional(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new JobRecord(
            reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
            JobDefinitionJson.Deserialize(reader.GetString(3)), reader.GetString(4), Optional(5), Optional(6),
            new Company(reader.GetInt64(7), reader.GetString(8), reader.GetString(9)),
            new Person(reader.GetString(10), reader.GetString(11), reader.GetString(12)),
            new Person(reader.GetString(13), reader.GetString(14), reader.GetString(15)),
            Optional(16));
    }

    public async Task SaveCheckpointAsync(long jobId, string checkpoint, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update jobs set checkpoint = @checkpoint where id = @id");
        command.Parameters.AddWithValue("checkpoint", checkpoint);
        command.Parameters.AddWithValue("id", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Opens a run. The runner never runs a job twice at once, so a run of the same job still open here was
    /// cut short (its node died): it is closed as failed with a record saying so, in the same transaction.
    /// </summary>
    public async Task<OpenedRun> OpenAsync(
        JobRecord job, string fireInstanceId, DateTimeOffset triggerTime, bool recovering, string serverName,
        TimeZoneInfo zone, string beginLogType, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var interrupted = new List<long>();
        await using (var close = new NpgsqlCommand(
            """
            update job_runs set state = 'Failed', ended_at = now(), fatal_error = true,
                                log_type = replace(log_type, 'Begin', 'End')
            where job_id = @job and ended_at is null
            returning id, server_name
            """, connection, transaction))
        {
            close.Parameters.AddWithValue("job", job.Id);
            await using var reader = await close.ExecuteReaderAsync(cancellationToken);
            var closed = new List<(long Id, string Server)>();
            while (await reader.ReadAsync(cancellationToken))
            {
                closed.Add((reader.GetInt64(0), reader.GetString(1)));
            }

            await reader.DisposeAsync();
            foreach (var (id, server) in closed)
            {
                interrupted.Add(id);
                await InsertDetailAsync(connection, transaction, id, new JobLogEntry(
                    JobLogTypes.FatalError, LogText.Of(LogKeys.RunInterrupted, server),
                    null, null, null, null, RunCount.FileError), cancellationToken);
            }
        }

        var startedAt = DateTimeOffset.UtcNow;
        var instanceName = $"{job.Name}_{TimeZoneInfo.ConvertTime(startedAt, zone).ToString("yyyy-MM-dd-HH:mm:ss.fff", CultureInfo.InvariantCulture)}";
        await using var insert = new NpgsqlCommand(
            """
            insert into job_runs (job_id, company_id, instance_name, fire_instance_id, state, log_type, job_sub_type,
                                  trigger_time, started_at, server_name, recovering)
            values (@job, @company, @instance, @fire, 'New', @logType, @subType, @trigger, @started, @server, @recovering)
            returning id
            """, connection, transaction);
        insert.Parameters.AddWithValue("job", job.Id);
        insert.Parameters.AddWithValue("company", job.Company.Id);
        insert.Parameters.AddWithValue("instance", instanceName);
        insert.Parameters.AddWithValue("fire", fireInstanceId);
        insert.Parameters.AddWithValue("logType", beginLogType);
        insert.Parameters.AddWithValue("subType", SubTypeOf(job.Definition.Spec));
        insert.Parameters.AddWithValue("trigger", triggerTime);
        insert.Parameters.AddWithValue("started", startedAt);
        insert.Parameters.AddWithValue("server", serverName);
        insert.Parameters.AddWithValue("recovering", recovering);
        var runId = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return new OpenedRun(runId, instanceName, startedAt, interrupted);
    }

    public async Task AddDetailAsync(long runId, JobLogEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await InsertDetailAsync(connection, null, runId, entry, cancellationToken);
    }

    /// <summary>
    /// A run's opening records and its move to Running in one round trip and one implicit transaction: each
    /// record a run starts with would otherwise cost a commit of its own.
    /// </summary>
    public async Task OpenLogAsync(long runId, IReadOnlyList<JobLogEntry> entries, string state, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var entry in entries)
        {
            AddDetailCommands(batch, runId, entry);
        }

        var update = new NpgsqlBatchCommand("update job_runs set state = @state where id = @id and ended_at is null");
        update.Parameters.AddWithValue("state", state);
        update.Parameters.AddWithValue("id", runId);
        batch.BatchCommands.Add(update);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stores a detail and adds to the run's count in one round trip.</summary>
    public static async Task InsertDetailAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, long runId, JobLogEntry entry, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        AddDetailCommands(batch, runId, entry);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddDetailCommands(NpgsqlBatch batch, long runId, JobLogEntry entry)
    {
        var counter = entry.Count switch
        {
            RunCount.FileSuccess => "file_success_count",
            RunCount.FileError => "file_error_count",
            RunCount.FileWarning => "file_warning_count",
            RunCount.FileDuplicate => "file_duplicate_count",
            RunCount.FileUpdate => "file_update_count",
            _ => null,
        };
        var insert = new NpgsqlBatchCommand(
            """
            insert into job_log_details (run_id, log_type, message, message_key, message_args, asset_name, asset_type, asset_handle, aux)
            values (@run, @type, @message, @key, @args, @name, @assetType, @handle, @aux)
            """);
        insert.Parameters.AddWithValue("run", runId);
        insert.Parameters.AddWithValue("type", entry.LogType);
        insert.Parameters.AddWithValue("message", entry.Message.English);
        insert.Parameters.Add(Text("key", entry.Message.Key));
        insert.Parameters.Add(new NpgsqlParameter("args", NpgsqlDbType.Jsonb) { Value = (object?)entry.Message.ArgsJson() ?? DBNull.Value });
        insert.Parameters.Add(Text("name", entry.AssetName));
        insert.Parameters.Add(Text("assetType", entry.AssetType));
        insert.Parameters.Add(Text("handle", entry.AssetHandle));
        insert.Parameters.Add(new NpgsqlParameter("aux", NpgsqlDbType.Jsonb)
        {
            Value = entry.Aux is { Count: > 0 } aux
                ? JsonSerializer.Serialize(aux.Select(a => new
                {
                    logType = a.LogType, message = a.Message.English, key = a.Message.Key,
                    args = a.Message.ArgsJson() is { } json ? JsonNode.Parse(json) : null,
                    dateCreated = a.DateCreated,
                }))
                : DBNull.Value,
        });
        batch.BatchCommands.Add(insert);
        if (counter is not null)
        {
            // The column name comes from the switch above, never from input.
            var count = new NpgsqlBatchCommand($"update job_runs set {counter} = {counter} + 1 where id = @run");
            count.Parameters.AddWithValue("run", runId);
            batch.BatchCommands.Add(count);
        }
    }

    public async Task SetTotalFilesAsync(long runId, int total, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update job_runs set total_file_count = @total where id = @id");
        command.Parameters.AddWithValue("total", total);
        command.Parameters.AddWithValue("id", runId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CountTransferAsync(long runId, bool succeeded, CancellationToken cancellationToken)
    {
        // Two fixed statements rather than a column chosen at run time: nothing here is ever built from input.
        await using var command = dataSource.CreateCommand(succeeded
            ? "update job_runs set transfer_success_count = transfer_success_count + 1 where id = @id"
            : "update job_runs set transfer_error_count = transfer_error_count + 1 where id = @id");
        command.Parameters.AddWithValue("id", runId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UpdateProgressAsync(long runId, int percent, string message, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update job_runs set progress = @progress, progress_message = @message, last_progress_update = now() where id = @id");
        command.Parameters.AddWithValue("progress", percent);
        command.Parameters.AddWithValue("message", message);
        command.Parameters.AddWithValue("id", runId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UpsertTaskProgressAsync(long runId, TaskProgressReport report, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into job_task_progress (run_id, task_type, task_state, num_processed, num_processing, num_pending, progress, progress_message)
            values (@run, @type, @state, @processed, @processing, @pending, @progress, @message)
            on conflict (run_id, task_type) do update set
                task_state = excluded.task_state, num_processed = excluded.num_processed,
                num_processing = excluded.num_processing, num_pending = excluded.num_pending,
                progress = excluded.progress, progress_message = excluded.progress_message, last_update = now()
            """);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("type", report.TaskType);
        command.Parameters.AddWithValue("state", report.TaskState);
        command.Parameters.AddWithValue("processed", report.NumProcessed);
        command.Parameters.AddWithValue("processing", report.NumProcessing);
        command.Parameters.AddWithValue("pending", report.NumPending);
        command.Parameters.AddWithValue("progress", report.Progress);
        command.Parameters.AddWithValue("message", report.Message);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Closes the run in the caller's transaction (which also carries its last record and its notifications)
    /// and returns its counts as stored. A job with no further fire frees its name for new submissions.
    /// </summary>
    public static async Task<RunTotals> CloseAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, long jobId, string state, string endLogType,
        bool fatalError, bool jobHasNoFurtherFire, bool keepCheckpoint, CancellationToken cancellationToken)
    {
        RunTotals totals;
        await using (var update = new NpgsqlCommand(
            """
            update job_runs set state = @state, log_type = @logType, ended_at = now(), fatal_error = fatal_error or @fatal,
                                control_request = null,
                                progress = case when @state = 'Done' then 100 else progress end, last_progress_update = now()
            where id = @id
            returning file_success_count, file_error_count, file_warning_count, file_duplicate_count, file_update_count,
                      total_file_count, fatal_error
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("state", state);
            update.Parameters.AddWithValue("logType", endLogType);
            update.Parameters.AddWithValue("fatal", fatalError);
            update.Parameters.AddWithValue("id", runId);
            await using var reader = await update.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            totals = new RunTotals(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
                reader.GetInt32(4), reader.GetInt32(5), reader.GetBoolean(6));
        }

        // A paused run leaves its checkpoint for the run that resumes it; any other end starts the next run afresh.
        await using var job = new NpgsqlCommand(
            """
            update jobs set released_at = case when @release then coalesce(released_at, now()) else released_at end,
                            checkpoint = case when @keep then checkpoint else null end
            where id = @id
            """, connection, transaction);
        job.Parameters.AddWithValue("release", jobHasNoFurtherFire);
        job.Parameters.AddWithValue("keep", keepCheckpoint);
        job.Parameters.AddWithValue("id", jobId);
        await job.ExecuteNonQueryAsync(cancellationToken);

        return totals;
    }

    private static string SubTypeOf(JobSpec spec) => spec switch
    {
        ImageServingPublishSpec publish => publish.PublishType switch
        {
            PublishType.Incremental => "increment",
            PublishType.FullWithSearch => "fullwithsearch",
            _ => "full",
        },
        _ => "",
    };

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}
