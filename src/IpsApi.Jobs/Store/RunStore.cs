using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using IpsApi.Jobs.Database;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobLog;
using Npgsql;
using NpgsqlTypes;

namespace IpsApi.Jobs.Store;

/// <summary>A run as it is opened: its id (the log id) and instance name.</summary>
public sealed record OpenedRun(long RunId, string InstanceName, DateTimeOffset StartedAt, IReadOnlyList<long> InterruptedRuns);

/// <summary>Where a run ended, with its counts as stored.</summary>
public sealed record RunTotals(
    int FileSuccess, int FileError, int FileWarning, int FileDuplicate, int FileUpdate, int TotalFiles, bool FatalError);

/// <summary>A TaskProgress row: state is one of Unknown, New, Processing, Stopping, Done, Failed.</summary>
public sealed record TaskProgressReport(
    string TaskType, string TaskState, int NumProcessed, int NumProcessing, int NumPending, double Progress, string Message);

/// <summary>The job_runs, job_log_details and job_task_progress tables.</summary>
public sealed class RunStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Opens a run, Running at once, with the records it starts with: one round trip, one (implicit) transaction.
    /// A job runs on one node at a time, so a run of the same job still open here was cut short (its node died or
    /// lost the database): it is closed as failed with a FatalError record naming its node, in the same transaction.
    /// </summary>
    public async Task<OpenedRun> OpenAsync(
        JobRecord job, string fireInstanceId, DateTimeOffset triggerTime, bool recovering, string serverName,
        TimeZoneInfo zone, string beginLogType, IReadOnlyList<(string LogType, LogText Message)> openingRecords,
        CancellationToken cancellationToken)
    {
        const string NodeMarker = "\u0001node\u0001";
        var interruptedText = LogText.Of(LogKeys.RunInterrupted, NodeMarker);
        var closeInterrupted = new NpgsqlBatchCommand(
            """
            with closed as (
                update job_runs set state = 'Failed', ended_at = now(), fatal_error = true,
                                    log_type = replace(log_type, 'Begin', 'End'), file_error_count = file_error_count + 1
                where job_id = @job and ended_at is null
                returning id, server_name),
            noted as (
                insert into job_log_details (run_id, log_type, message, message_key, message_args)
                select id, @fatal, replace(@text, @marker, server_name), @key, jsonb_build_array(server_name) from closed)
            select id from closed order by id
            """);
        closeInterrupted.Parameters.AddWithValue("job", job.Id);
        closeInterrupted.Parameters.AddWithValue("fatal", JobLogTypes.FatalError);
        closeInterrupted.Parameters.AddWithValue("text", interruptedText.English);
        closeInterrupted.Parameters.AddWithValue("marker", NodeMarker);
        closeInterrupted.Parameters.AddWithValue("key", interruptedText.Key!);

        var startedAt = DateTimeOffset.UtcNow;
        var instanceName = $"{job.Name}_{TimeZoneInfo.ConvertTime(startedAt, zone).ToString("yyyy-MM-dd-HH:mm:ss.fff", CultureInfo.InvariantCulture)}";
        var open = new NpgsqlBatchCommand(
            """
            with run as (
                insert into job_runs (job_id, company_id, instance_name, fire_instance_id, state, log_type, job_sub_type,
                                      trigger_time, started_at, server_name, recovering)
                values (@job, @company, @instance, @fire, 'Running', @logType, @subType, @trigger, @started, @server, @recovering)
                returning id),
            records as (
                insert into job_log_details (run_id, log_type, message, message_key, message_args)
                select run.id, r.log_type, r.message, r.message_key, r.message_args::jsonb
                from run, unnest(@types, @messages, @keys, @args) with ordinality r(log_type, message, message_key, message_args, n)
                order by r.n)
            select id from run
            """);
        open.Parameters.AddWithValue("job", job.Id);
        open.Parameters.AddWithValue("company", job.Company.Id);
        open.Parameters.AddWithValue("instance", instanceName);
        open.Parameters.AddWithValue("fire", fireInstanceId);
        open.Parameters.AddWithValue("logType", beginLogType);
        open.Parameters.AddWithValue("subType", job.Definition.Spec.SubType());
        open.Parameters.AddWithValue("trigger", triggerTime);
        open.Parameters.AddWithValue("started", startedAt);
        open.Parameters.AddWithValue("server", serverName);
        open.Parameters.AddWithValue("recovering", recovering);
        // Opening records carry no counts (Begin, OriginalJobName, JobType, JobClient), so no count update goes with them.
        open.Parameters.AddWithValue("types", openingRecords.Select(r => r.LogType).ToArray());
        open.Parameters.AddWithValue("messages", openingRecords.Select(r => r.Message.English).ToArray());
        open.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = openingRecords.Select(r => r.Message.Key).ToArray() });
        open.Parameters.Add(new NpgsqlParameter("args", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = openingRecords.Select(r => r.Message.ArgsJson()).ToArray() });

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { closeInterrupted, open } };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var interrupted = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            interrupted.Add(reader.GetInt64(0));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var runId = reader.GetInt64(0);
        return new OpenedRun(runId, instanceName, startedAt, interrupted);
    }

    /// <summary>Stores a detail and adds to the run's count in one round trip.</summary>
    public async Task AddDetailAsync(long runId, JobLogEntry entry, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
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
            insert into job_log_details (run_id, log_type, message, message_key, message_args, asset_name, asset_type, asset_handle, aux, item)
            values (@run, @type, @message, @key, @args, @name, @assetType, @handle, @aux, @item)
            """);
        insert.Parameters.AddWithValue("run", runId);
        insert.Parameters.Add(new NpgsqlParameter("item", NpgsqlDbType.Integer) { Value = (object?)entry.Item ?? DBNull.Value });
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

    /// <summary>
    /// For a run that takes over a cut one: copies the cut run's records of the items it finished (every item below
    /// <paramref name="next"/> and those of <paramref name="doneAfter"/>), in their order, as written now, and adds
    /// their counts and the transfers those items counted to the run's, in one transaction. The cut run keeps its own
    /// records. Returns the log types copied.
    /// </summary>
    public async Task<IReadOnlyList<string>> CarryItemsAsync(
        long runId, long cutRunId, int next, IReadOnlyCollection<int> doneAfter, int transfersSucceeded, int transfersFailed,
        CancellationToken cancellationToken)
    {
        await using var work = await UnitOfWork.BeginAsync(dataSource, cancellationToken);
        var copied = new List<string>();
        await using (var copy = work.Command(
            """
            insert into job_log_details (run_id, log_type, message, message_key, message_args, asset_name, asset_type, asset_handle, aux, item)
            select @run, log_type, message, message_key, message_args, asset_name, asset_type, asset_handle, aux, item
            from job_log_details
            where run_id = @cut and (item < @next or item = any(@after))
            order by id
            returning log_type
            """))
        {
            copy.Parameters.AddWithValue("run", runId);
            copy.Parameters.AddWithValue("cut", cutRunId);
            copy.Parameters.AddWithValue("next", next);
            copy.Parameters.AddWithValue("after", doneAfter.ToArray());
            await using var reader = await copy.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                copied.Add(reader.GetString(0));
            }
        }

        var counts = copied.Select(JobLogTypes.CountOf).ToList();
        await using (var count = work.Command(
            """
            update job_runs set file_success_count = file_success_count + @success, file_error_count = file_error_count + @error,
                                file_warning_count = file_warning_count + @warning, file_duplicate_count = file_duplicate_count + @duplicate,
                                file_update_count = file_update_count + @update,
                                transfer_success_count = transfer_success_count + @transferred,
                                transfer_error_count = transfer_error_count + @notTransferred
            where id = @run
            """))
        {
            count.Parameters.AddWithValue("success", counts.Count(c => c == RunCount.FileSuccess));
            count.Parameters.AddWithValue("error", counts.Count(c => c == RunCount.FileError));
            count.Parameters.AddWithValue("warning", counts.Count(c => c == RunCount.FileWarning));
            count.Parameters.AddWithValue("duplicate", counts.Count(c => c == RunCount.FileDuplicate));
            count.Parameters.AddWithValue("update", counts.Count(c => c == RunCount.FileUpdate));
            count.Parameters.AddWithValue("transferred", transfersSucceeded);
            count.Parameters.AddWithValue("notTransferred", transfersFailed);
            count.Parameters.AddWithValue("run", runId);
            await count.ExecuteNonQueryAsync(cancellationToken);
        }

        await work.CommitAsync(cancellationToken);
        return copied;
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

    /// <summary>The run's progress and the TaskProgress entry of its work, written together in one round trip.</summary>
    public async Task ReportItemsAsync(long runId, int percent, TaskProgressReport task, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var progress = new NpgsqlBatchCommand(
            "update job_runs set progress = @progress, progress_message = @message, last_progress_update = now() where id = @id");
        progress.Parameters.AddWithValue("progress", percent);
        progress.Parameters.AddWithValue("message", task.Message);
        progress.Parameters.AddWithValue("id", runId);
        batch.BatchCommands.Add(progress);
        var upsert = new NpgsqlBatchCommand(
            """
            insert into job_task_progress (run_id, task_type, task_state, num_processed, num_processing, num_pending, progress, progress_message)
            values (@run, @type, @state, @processed, @processing, @pending, @progress, @message)
            on conflict (run_id, task_type) do update set
                task_state = excluded.task_state, num_processed = excluded.num_processed,
                num_processing = excluded.num_processing, num_pending = excluded.num_pending,
                progress = excluded.progress, progress_message = excluded.progress_message, last_update = now()
            """);
        upsert.Parameters.AddWithValue("run", runId);
        upsert.Parameters.AddWithValue("type", task.TaskType);
        upsert.Parameters.AddWithValue("state", task.TaskState);
        upsert.Parameters.AddWithValue("processed", task.NumProcessed);
        upsert.Parameters.AddWithValue("processing", task.NumProcessing);
        upsert.Parameters.AddWithValue("pending", task.NumPending);
        upsert.Parameters.AddWithValue("progress", task.Progress);
        upsert.Parameters.AddWithValue("message", task.Message);
        batch.BatchCommands.Add(upsert);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Closes the run in the caller's unit of work (whose transaction also carries its notifications), or without one
    /// in the batch's own implicit transaction: its last record, state and counts, followed by
    /// <paramref name="alongside"/> (the end of its queue claim, the job's own update), all in one round trip.
    /// Returns the run's counts as stored.
    /// </summary>
    public static async Task<RunTotals> CloseAsync(
        UnitOfWork work, long runId, string state, JobLogEntry lastRecord, bool fatalError, IEnumerable<NpgsqlBatchCommand> alongside,
        CancellationToken cancellationToken)
    {
        await using var batch = work.Batch();
        var update = new NpgsqlBatchCommand(
            """
            update job_runs set state = @state, log_type = @logType, ended_at = now(), fatal_error = fatal_error or @fatal,
                                control_request = null,
                                progress = case when @state = 'Done' then 100 else progress end, last_progress_update = now()
            where id = @id
            returning file_success_count, file_error_count, file_warning_count, file_duplicate_count, file_update_count,
                      total_file_count, fatal_error
            """);
        update.Parameters.AddWithValue("state", state);
        update.Parameters.AddWithValue("logType", lastRecord.LogType);
        update.Parameters.AddWithValue("fatal", fatalError);
        update.Parameters.AddWithValue("id", runId);
        batch.BatchCommands.Add(update);
        AddDetailCommands(batch, runId, lastRecord);
        foreach (var command in alongside)
        {
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var totals = new RunTotals(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
            reader.GetInt32(4), reader.GetInt32(5), reader.GetBoolean(6));
        // The remaining statements' errors surface here, before the caller commits.
        while (await reader.NextResultAsync(cancellationToken))
        {
        }

        return totals;
    }

    /// <summary>
    /// Asks the job's open runs (or the one run given) to stop or pause at their next safe point: the node running each
    /// picks the request up (<c>RunControlWatcher</c>). Returns how many runs were asked.
    /// </summary>
    public static async Task<int> RequestControlAsync(UnitOfWork work, long jobId, long? runId, string request, CancellationToken cancellationToken)
    {
        await using var command = work.Command(
            """
            update job_runs set control_request = @request, state = 'Stopping'
            where job_id = @job and ended_at is null and (@run::bigint is null or id = @run)
            """);
        command.Parameters.AddWithValue("request", request);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.Add(new NpgsqlParameter("run", NpgsqlDbType.Bigint) { Value = (object?)runId ?? DBNull.Value });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Withdraws a pause request its node has not acted on yet: the run simply goes on.</summary>
    public static async Task WithdrawPauseAsync(UnitOfWork work, long jobId, CancellationToken cancellationToken)
    {
        await using var command = work.Command(
            "update job_runs set control_request = null, state = 'Running' where job_id = @job and ended_at is null and control_request = 'Pause'");
        command.Parameters.AddWithValue("job", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The state of the job's latest run; null when it has none.</summary>
    public static async Task<string?> LastRunStateAsync(UnitOfWork work, long jobId, CancellationToken cancellationToken)
    {
        await using var command = work.Command("select state from job_runs where job_id = @job order by id desc limit 1");
        command.Parameters.AddWithValue("job", jobId);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>The stop and pause requests waiting for the given runs (those still open), by run.</summary>
    public async Task<IReadOnlyList<(long RunId, string Request)>> ControlRequestsAsync(
        IReadOnlyCollection<long> runIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select id, control_request from job_runs
            where id = any(@ids) and control_request is not null and ended_at is null
            """);
        command.Parameters.AddWithValue("ids", runIds.ToArray());
        var requests = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            requests.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return requests;
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}
