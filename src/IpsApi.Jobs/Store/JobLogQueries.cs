using System.Text.Json;
using IpsApi.Jobs.Handles;
using IpsApi.Jobs.JobLog;
using Npgsql;
using NpgsqlTypes;

namespace IpsApi.Jobs.Store;

/// <summary>What getJobLogs may sort by, by the names clients send.</summary>
public enum JobLogSort
{
    JobName,
    LogType,
    StartDate,
    CompanyName,
    UserId,
    Email,
    FileErrorCount,
    FileWarningCount,
    FileSuccessCount,
}

/// <summary>What getJobLogDetails may sort a run's details by.</summary>
public enum JobLogDetailSort
{
    Date,
    LogType,
}

/// <summary>
/// Which runs getJobLogs lists. <paramref name="CompanyIds"/> null means every company (an IpsAdmin without
/// companyHandle); the window applies to the run's start, both ends included.
/// </summary>
public sealed record JobLogFilter(
    IReadOnlyList<long>? CompanyIds,
    long? SubmitUserId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    JobLogSort Sort = JobLogSort.StartDate,
    bool Descending = true,
    int Limit = 100);

/// <summary>Which details of a run getJobLogDetails shows: log types (none: all), one page, in order.</summary>
public sealed record JobLogDetailFilter(
    IReadOnlyList<string>? LogTypes = null,
    int PageSize = 1000,
    int Page = 1,
    JobLogDetailSort Sort = JobLogDetailSort.Date,
    bool Descending = false);

/// <summary>One run as its JobLog shows it: the job's names and submitter, the run's state and counts.</summary>
public sealed record JobLogRun(
    long RunId,
    string CompanyHandle,
    string JobName,
    string InstanceName,
    string OriginalName,
    string SubmitUserEmail,
    string LogType,
    string JobSubType,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string Description,
    JobLogCounts Counts,
    bool FatalError)
{
    /// <summary>The run's handle, as the client got it from getActiveJobs and hands it back.</summary>
    public JobHandle Handle => new(CompanyHandle, JobName, InstanceName, RunId);
}

public sealed record JobLogCounts(
    int FileSuccess, int FileError, int FileWarning, int FileDuplicate, int FileUpdate, int TotalFiles,
    int TransferSuccess, int TransferError, int TransferWarning);

/// <summary>One record of a run's log; the message is rendered in the reader's language (LogCatalog).</summary>
public sealed record JobLogDetailRow(
    long RunId,
    string LogType,
    LogText Message,
    DateTimeOffset CreatedAt,
    string? AssetName,
    string? AssetType,
    string? AssetHandle,
    IReadOnlyList<JobLogAux> Aux);

/// <summary>A run with one page of its details and how many details match in all.</summary>
public sealed record JobLogWithDetails(JobLogRun Run, int TotalDetails, IReadOnlyList<JobLogDetailRow> Details);

/// <summary>A record naming an asset (getAssetJobLogs), with the run and job it belongs to.</summary>
public sealed record AssetJobLogRow(JobHandle RunHandle, string JobName, string SubmitUserEmail, JobLogDetailRow Detail);

/// <summary>
/// The read side of getJobLogs, getJobLogDetails and getAssetJobLogs. Runs of deleted jobs are included: a job's
/// logs outlive it.
/// </summary>
public sealed class JobLogQueries(NpgsqlDataSource dataSource)
{
    public const int MaxRows = 1000;

    private const string RunColumns =
        """
        r.id, c.handle, j.name, r.instance_name, j.original_name, u.email, r.log_type, r.job_sub_type, r.started_at, r.ended_at,
        coalesce(j.description, ''), r.file_success_count, r.file_error_count, r.file_warning_count, r.file_duplicate_count,
        r.file_update_count, r.total_file_count, r.transfer_success_count, r.transfer_error_count, r.transfer_warning_count,
        r.fatal_error
        """;

    // What a run's JobLog needs besides job_runs r: its job, company and submitter.
    private const string RunJoins =
        """
        join jobs j on j.id = r.job_id
        join companies c on c.id = r.company_id
        join users u on u.id = j.submit_user_id
        """;

    /// <summary>
    /// The id of the user a userHandle names, when the caller may know that user: a member of one of
    /// <paramref name="companyIds"/> or a submitter of jobs there (any user when null: an IpsAdmin's view). Null
    /// otherwise, so a user of another company reads exactly like no user at all.
    /// </summary>
    public async Task<long?> FindUserIdAsync(string userHandle, IReadOnlyList<long>? companyIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select u.id from users u
            where u.handle = @handle
              and (@all
                   or exists (select 1 from company_members m where m.user_id = u.id and m.company_id = any(@companies))
                   or exists (select 1 from jobs j where j.submit_user_id = u.id and j.company_id = any(@companies)))
            """);
        command.Parameters.AddWithValue("handle", userHandle);
        command.Parameters.AddWithValue("all", companyIds is null);
        command.Parameters.AddWithValue("companies", (companyIds ?? []).ToArray());
        return (long?)await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>getJobLogs: one entry per run, sorted and limited as asked.</summary>
    public async Task<IReadOnlyList<JobLogRun>> ListRunsAsync(JobLogFilter filter, CancellationToken cancellationToken)
    {
        var direction = filter.Descending ? "desc" : "asc";
        // Both come from the enums, never from input. Ties are broken by run id in the same direction, so pages
        // of equal values keep their order.
        var order = filter.Sort switch
        {
            JobLogSort.JobName => "j.name",
            JobLogSort.LogType => "r.log_type",
            JobLogSort.CompanyName => "c.name",
            JobLogSort.UserId => "u.handle",
            JobLogSort.Email => "lower(u.email)",
            JobLogSort.FileErrorCount => "r.file_error_count",
            JobLogSort.FileWarningCount => "r.file_warning_count",
            JobLogSort.FileSuccessCount => "r.file_success_count",
            _ => "r.started_at",
        };
        // Only the conditions asked for (see CompanyCondition for why): a prepared statement with "@x is null or ..."
        // gets one plan for every case, which cannot use the index of a condition that may be absent.
        await using var command = dataSource.CreateCommand();
        var conditions = new List<string> { CompanyCondition.Of(filter.CompanyIds, "r.company_id", command) };

        if (filter.SubmitUserId is { } user)
        {
            conditions.Add("j.submit_user_id = @user");
            command.Parameters.AddWithValue("user", user);
        }

        if (filter.From is { } from)
        {
            conditions.Add("r.started_at >= @from");
            command.Parameters.AddWithValue("from", from);
        }

        if (filter.To is { } to)
        {
            conditions.Add("r.started_at <= @to");
            command.Parameters.AddWithValue("to", to);
        }

        command.CommandText =
            $"""
            select {RunColumns}
            from job_runs r
            {RunJoins}
            where {string.Join(" and ", conditions)}
            order by {order} {direction}, r.id {direction}
            limit @limit
            """;
        command.Parameters.AddWithValue("limit", Math.Clamp(filter.Limit, 0, MaxRows));

        var runs = new List<JobLogRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(ReadRun(reader));
        }

        return runs;
    }

    /// <summary>One run of the company's (a run handle), newest first like the others.</summary>
    public Task<IReadOnlyList<JobLogRun>> RunAsync(long companyId, long runId, CancellationToken cancellationToken) =>
        RunsWhereAsync("r.company_id = @company and r.id = @key", companyId, runId, cancellationToken);

    /// <summary>Every run of one job (a job handle), newest first.</summary>
    public Task<IReadOnlyList<JobLogRun>> RunsOfJobAsync(long companyId, long jobId, CancellationToken cancellationToken) =>
        RunsWhereAsync("r.company_id = @company and r.job_id = @key", companyId, jobId, cancellationToken);

    /// <summary>The runs of every job of the company submitted under that name (renamed or not), newest first.</summary>
    public Task<IReadOnlyList<JobLogRun>> RunsByOriginalNameAsync(long companyId, string originalName, CancellationToken cancellationToken) =>
        RunsWhereAsync("r.company_id = @company and j.original_name = @key", companyId, originalName, cancellationToken);

    /// <summary>
    /// One page of details for each run, with the number of details that match the filter, in one query:
    /// a window function counts and numbers each run's matching records.
    /// </summary>
    public async Task<IReadOnlyList<JobLogWithDetails>> WithDetailsAsync(
        IReadOnlyList<JobLogRun> runs, JobLogDetailFilter filter, CancellationToken cancellationToken)
    {
        if (runs.Count == 0)
        {
            return [];
        }

        var direction = filter.Descending ? "desc" : "asc";
        // From the enum, never from input; the id keeps records of the same instant in the order they were written.
        var order = filter.Sort == JobLogDetailSort.LogType
            ? $"d.log_type {direction}, d.created_at {direction}, d.id {direction}"
            : $"d.created_at {direction}, d.id {direction}";
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxRows);
        await using var command = dataSource.CreateCommand(
            $"""
            select run_id, total, log_type, message, message_key, message_args::text, created_at, asset_name, asset_type, asset_handle, aux::text
            from (
                select d.*, count(*) over (partition by d.run_id) as total,
                       row_number() over (partition by d.run_id order by {order}) as position
                from job_log_details d
                where d.run_id = any(@runs) and (@types::text[] is null or d.log_type = any(@types))
            ) page
            where position > @skip and position <= @skip + @take
            order by run_id, position
            """);
        command.Parameters.AddWithValue("runs", runs.Select(r => r.RunId).ToArray());
        command.Parameters.Add(LogTypesParameter(filter));
        command.Parameters.AddWithValue("skip", (long)(Math.Max(filter.Page, 1) - 1) * pageSize);
        command.Parameters.AddWithValue("take", (long)pageSize);

        var details = runs.ToDictionary(r => r.RunId, _ => new List<JobLogDetailRow>());
        var totals = new Dictionary<long, int>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var runId = reader.GetInt64(0);
                totals[runId] = (int)reader.GetInt64(1);
                details[runId].Add(ReadDetail(reader, runId, first: 2));
            }
        }

        // A page past the end has no rows to carry the count: those runs are counted on their own.
        var uncounted = runs.Where(r => !totals.ContainsKey(r.RunId)).Select(r => r.RunId).ToArray();
        if (uncounted.Length > 0 && filter.Page > 1)
        {
            await using var count = dataSource.CreateCommand(
                """
                select run_id, count(*) from job_log_details
                where run_id = any(@runs) and (@types::text[] is null or log_type = any(@types))
                group by run_id
                """);
            count.Parameters.AddWithValue("runs", uncounted);
            count.Parameters.Add(LogTypesParameter(filter));
            await using var reader = await count.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                totals[reader.GetInt64(0)] = (int)reader.GetInt64(1);
            }
        }

        return runs.Select(r => new JobLogWithDetails(r, totals.GetValueOrDefault(r.RunId), details[r.RunId])).ToList();
    }

    /// <summary>getAssetJobLogs: the company's records that name the asset, newest first.</summary>
    public async Task<IReadOnlyList<AssetJobLogRow>> AssetLogsAsync(long companyId, string assetHandle, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select c.handle, j.name, r.instance_name, r.id, u.email,
                   d.log_type, d.message, d.message_key, d.message_args::text, d.created_at, d.asset_name, d.asset_type, d.asset_handle, d.aux::text
            from job_log_details d
            join job_runs r on r.id = d.run_id
            {RunJoins}
            where d.asset_handle = @asset and r.company_id = @company
            order by d.created_at desc, d.id desc
            limit {MaxRows}
            """);
        command.Parameters.AddWithValue("asset", assetHandle);
        command.Parameters.AddWithValue("company", companyId);

        var rows = new List<AssetJobLogRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var runId = reader.GetInt64(3);
            rows.Add(new AssetJobLogRow(
                new JobHandle(reader.GetString(0), reader.GetString(1), reader.GetString(2), runId),
                reader.GetString(1), reader.GetString(4), ReadDetail(reader, runId, first: 5)));
        }

        return rows;
    }

    private async Task<IReadOnlyList<JobLogRun>> RunsWhereAsync<TKey>(
        string condition, long companyId, TKey key, CancellationToken cancellationToken)
        where TKey : notnull
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select {RunColumns}
            from job_runs r
            {RunJoins}
            where {condition}
            order by r.started_at desc, r.id desc
            """);
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("key", key);
        var runs = new List<JobLogRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(ReadRun(reader));
        }

        return runs;
    }

    private static JobLogRun ReadRun(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8),
        reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9), reader.GetString(10),
        new JobLogCounts(reader.GetInt32(11), reader.GetInt32(12), reader.GetInt32(13), reader.GetInt32(14), reader.GetInt32(15),
            reader.GetInt32(16), reader.GetInt32(17), reader.GetInt32(18), reader.GetInt32(19)),
        reader.GetBoolean(20));

    /// <summary>log_type, message, message_key, message_args, created_at, asset_name, asset_type, asset_handle, aux from <paramref name="first"/> on.</summary>
    private static JobLogDetailRow ReadDetail(NpgsqlDataReader reader, long runId, int first)
    {
        string? Optional(int i) => reader.IsDBNull(first + i) ? null : reader.GetString(first + i);
        return new JobLogDetailRow(
            runId,
            reader.GetString(first),
            LogText.FromStored(Optional(2), Optional(3), reader.GetString(first + 1)),
            reader.GetFieldValue<DateTimeOffset>(first + 4),
            Optional(5),
            Optional(6),
            Optional(7),
            ReadAux(Optional(8)));
    }

    /// <summary>The aux jsonb: [{logType, message, key?, args?, dateCreated?}]; what does not read back is left out.</summary>
    private static List<JobLogAux> ReadAux(string? json)
    {
        var aux = new List<JobLogAux>();
        if (json is null)
        {
            return aux;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return aux;
        }

        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            string? Text(string name) => item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var args = item.TryGetProperty("args", out var argsValue) && argsValue.ValueKind == JsonValueKind.Array ? argsValue.GetRawText() : null;
            DateTimeOffset? created = item.TryGetProperty("dateCreated", out var date) && date.ValueKind == JsonValueKind.String
                && date.TryGetDateTimeOffset(out var at) ? at : null;
            aux.Add(new JobLogAux(Text("logType") ?? "", LogText.FromStored(Text("key"), args, Text("message") ?? ""), created));
        }

        return aux;
    }

    /// <summary>No log types (or an empty list) means every record.</summary>
    private static NpgsqlParameter LogTypesParameter(JobLogDetailFilter filter) =>
        new("types", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = filter.LogTypes is { Count: > 0 } types ? types.ToArray() : DBNull.Value,
        };
}
