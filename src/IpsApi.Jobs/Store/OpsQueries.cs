using IpsApi.Jobs.Definitions;
using Npgsql;
using NpgsqlTypes;

namespace IpsApi.Jobs.Store;

/// <summary>A run that ended in the last day, as the dashboard lists it.</summary>
public sealed record RecentRun(
    long RunId, long JobId, string Company, string JobName, string JobType, string State, DateTimeOffset StartedAt, DateTimeOffset EndedAt,
    string ServerName, int FileSuccess, int FileError, int FileWarning);

/// <summary>One hour of the last day: runs that ended well and runs that failed.</summary>
public sealed record HourBucket(DateTimeOffset Hour, int Done, int Failed);

/// <summary>A run with its job, for the dashboard's run page.</summary>
public sealed record RunHeader(
    long RunId, long JobId, string Company, string JobName, string InstanceName, string JobType, string State, int Progress,
    string ProgressMessage, string ServerName, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int FileSuccess, int FileError, int FileWarning);

public sealed record RunDetail(DateTimeOffset CreatedAt, string LogType, string Message, string? AssetName);

/// <summary>A job as <c>admin job list</c> shows it: where it stands, its schedule and when it last ran (UTC, ISO 8601).</summary>
public sealed record JobListRow(string Company, string JobName, string JobType, string State, string Schedule, string? LastRun);

/// <summary>
/// The reads of the job tables that people running the server make (the /ops dashboard, <c>admin job list</c>), beside
/// those the SOAP operations make. Every dashboard query takes the companies the viewer may see (null: every company,
/// for an IpsAdmin), so a company admin never reads another company's rows.
/// </summary>
public sealed class OpsQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<RecentRun>> RecentRunsAsync(IReadOnlyList<long>? companies, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        command.CommandText =
            $"""
            select r.id, j.id, c.handle, j.name, j.job_type, r.state, r.started_at, r.ended_at, r.server_name,
                   r.file_success_count, r.file_error_count, r.file_warning_count
            from job_runs r join jobs j on j.id = r.job_id join companies c on c.id = r.company_id
            where r.ended_at is not null and r.ended_at > now() - interval '24 hours'
              and {CompanyCondition.Of(companies, "r.company_id", command)}
            order by r.ended_at desc, r.id desc
            limit 50
            """;
        var runs = new List<RecentRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new RecentRun(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetString(8),
                reader.GetInt32(9), reader.GetInt32(10), reader.GetInt32(11)));
        }

        return runs;
    }

    /// <summary>24 hourly buckets ending with the current hour, empty hours included.</summary>
    public async Task<IReadOnlyList<HourBucket>> LastDayAsync(IReadOnlyList<long>? companies, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        command.CommandText =
            // The runs of the day counted once, off the index of run ends (which carries state and company), then put
            // into the hours. Joining each hour to the runs instead made PostgreSQL expect millions of rows and compile
            // the statement (JIT) on every call.
            $"""
            with ended as (
                select date_trunc('hour', r.ended_at) as hour,
                       count(*) filter (where r.state <> 'Failed') as done,
                       count(*) filter (where r.state = 'Failed') as failed
                from job_runs r
                where r.ended_at >= date_trunc('hour', now()) - interval '23 hours'
                  and {CompanyCondition.Of(companies, "r.company_id", command)}
                group by 1)
            select h.hour, coalesce(e.done, 0), coalesce(e.failed, 0)
            from generate_series(date_trunc('hour', now()) - interval '23 hours', date_trunc('hour', now()), interval '1 hour') as h(hour)
            left join ended e on e.hour = h.hour
            order by h.hour
            """;
        var buckets = new List<HourBucket>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            buckets.Add(new HourBucket(reader.GetFieldValue<DateTimeOffset>(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2)));
        }

        return buckets;
    }

    /// <summary>Open runs per node, of the viewer's companies (null: every company).</summary>
    public async Task<IReadOnlyDictionary<string, int>> OpenRunsByNodeAsync(IReadOnlyList<long>? companies, CancellationToken cancellationToken)
    {
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand();
        command.CommandText =
            $"""
            select server_name, count(*) from job_runs
            where ended_at is null and {CompanyCondition.Of(companies, "company_id", command)}
            group by server_name
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            open[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return open;
    }

    public async Task<RunHeader?> RunAsync(long runId, IReadOnlyList<long>? companies, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        command.CommandText =
            $"""
            select r.id, j.id, c.handle, j.name, r.instance_name, j.job_type, r.state, r.progress, r.progress_message, r.server_name,
                   r.started_at, r.ended_at, r.file_success_count, r.file_error_count, r.file_warning_count
            from job_runs r join jobs j on j.id = r.job_id join companies c on c.id = r.company_id
            where r.id = @id and {CompanyCondition.Of(companies, "r.company_id", command)}
            """;
        command.Parameters.AddWithValue("id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new RunHeader(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetInt32(7), reader.GetString(8), reader.GetString(9),
                reader.GetFieldValue<DateTimeOffset>(10), reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
                reader.GetInt32(12), reader.GetInt32(13), reader.GetInt32(14))
            : null;
    }

    /// <summary>A run's log types with their counts, for the filter.</summary>
    public async Task<IReadOnlyList<(string LogType, int Count)>> LogTypesAsync(long runId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select log_type, count(*) from job_log_details where run_id = @run group by log_type order by log_type");
        command.Parameters.AddWithValue("run", runId);
        var types = new List<(string, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            types.Add((reader.GetString(0), (int)reader.GetInt64(1)));
        }

        return types;
    }

    /// <summary>Up to 500 details of the run, oldest first, of one log type and containing a text when asked.</summary>
    public async Task<IReadOnlyList<RunDetail>> DetailsAsync(long runId, string? logType, string? text, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select created_at, log_type, message, asset_name from job_log_details
            where run_id = @run and (@type::text is null or log_type = @type)
              and (@text::text is null or strpos(lower(message), lower(@text)) > 0 or strpos(lower(coalesce(asset_name, '')), lower(@text)) > 0)
            order by id
            limit 500
            """);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.Add(new NpgsqlParameter("type", NpgsqlDbType.Text) { Value = string.IsNullOrEmpty(logType) ? DBNull.Value : logType });
        command.Parameters.Add(new NpgsqlParameter("text", NpgsqlDbType.Text) { Value = string.IsNullOrEmpty(text) ? DBNull.Value : text });
        var details = new List<RunDetail>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            details.Add(new RunDetail(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return details;
    }

    /// <summary>
    /// The newest jobs (not deleted), with the state a person asks about: paused, running, how the last run ended, or
    /// what it waits for; optionally of one company (handle) and in one state (any case).
    /// </summary>
    public async Task<IReadOnlyList<JobListRow>> JobListAsync(string? company, string? state, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select * from (
                select c.handle, j.name, j.job_type,
                       case when j.paused then 'Paused'
                            when r.state is not null and r.ended_at is null then r.state
                            when j.released_at is null and (j.exec_schedule is not null or j.exec_time > now()) then 'Scheduled'
                            when r.state is not null then r.state
                            else 'Waiting' end as state,
                       coalesce(j.exec_schedule, to_char(j.exec_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'now') as schedule,
                       to_char(r.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as last_run,
                       j.id
                from jobs j
                join companies c on c.id = j.company_id
                left join lateral (select state, started_at, ended_at from job_runs where job_id = j.id order by id desc limit 1) r on true
                where j.deleted_at is null and (@company::text is null or c.handle = @company)
            ) listed
            where @state::text is null or lower(state) = lower(@state)
            order by id desc
            limit @limit
            """);
        command.Parameters.Add(new NpgsqlParameter("company", NpgsqlDbType.Text) { Value = (object?)company ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("state", NpgsqlDbType.Text) { Value = (object?)state ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", limit);
        var rows = new List<JobListRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new JobListRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return rows;
    }
}
