using IpsApi.Jobs.Queries;
using IpsApi.Jobs.Store;
using Npgsql;
using NpgsqlTypes;
using Quartz;

namespace IpsApi.Server.Ops.Dashboard;

/// <summary>A run that ended in the last day, as the dashboard lists it.</summary>
public sealed record RecentRun(
    long RunId, long JobId, string Company, string JobName, string JobType, string State, DateTimeOffset StartedAt, DateTimeOffset EndedAt,
    string ServerName, int FileSuccess, int FileError, int FileWarning);

/// <summary>One hour of the last day: runs that ended well and runs that failed.</summary>
public sealed record HourBucket(DateTimeOffset Hour, int Done, int Failed);

public sealed record OutboxRow(
    long Id, string Kind, string Company, string Target, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt,
    DateTimeOffset? FailedAt, string? LastError);

/// <summary>A run with its job, for the run page.</summary>
public sealed record RunHeader(
    long RunId, long JobId, string Company, string JobName, string InstanceName, string JobType, string State, int Progress,
    string ProgressMessage, string ServerName, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int FileSuccess, int FileError, int FileWarning);

public sealed record RunDetail(DateTimeOffset CreatedAt, string LogType, string Message, string? AssetName);

/// <summary>
/// The dashboard's reads that the SOAP queries do not already cover. Every query takes the companies the viewer
/// may see (null: every company, for an IpsAdmin), so a company admin never reads another company's rows.
/// </summary>
public sealed class DashboardData(NpgsqlDataSource dataSource, ISchedulerFactory schedulers)
{
    public async Task<IReadOnlyList<RecentRun>> RecentRunsAsync(IReadOnlyList<long>? companies, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select r.id, j.id, c.handle, j.name, j.job_type, r.state, r.started_at, r.ended_at, r.server_name,
                   r.file_success_count, r.file_error_count, r.file_warning_count
            from job_runs r join jobs j on j.id = r.job_id join companies c on c.id = r.company_id
            where r.ended_at is not null and r.ended_at > now() - interval '24 hours'
              and (@companies::bigint[] is null or r.company_id = any(@companies))
            order by r.ended_at desc, r.id desc
            limit 50
            """);
        command.Parameters.Add(Companies(companies));
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
        await using var command = dataSource.CreateCommand(
            """
            select h.hour,
                   count(r.id) filter (where r.state <> 'Failed'),
                   count(r.id) filter (where r.state = 'Failed')
            from generate_series(date_trunc('hour', now()) - interval '23 hours', date_trunc('hour', now()), interval '1 hour') as h(hour)
            left join job_runs r on r.ended_at >= h.hour and r.ended_at < h.hour + interval '1 hour'
                                 and (@companies::bigint[] is null or r.company_id = any(@companies))
            group by h.hour
            order by h.hour
            """);
        command.Parameters.Add(Companies(companies));
        var buckets = new List<HourBucket>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            buckets.Add(new HourBucket(reader.GetFieldValue<DateTimeOffset>(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2)));
        }

        return buckets;
    }

    /// <summary>Messages not delivered: still retried (pending) or given up (failed), newest first.</summary>
    public async Task<IReadOnlyList<OutboxRow>> OutboxAsync(IReadOnlyList<long>? companies, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select o.id, o.kind, coalesce(c.handle, '-'),
                   coalesce(o.payload->>'url', (o.payload->>'to') || ': ' || (o.payload->>'subject'), ''),
                   o.attempts, o.created_at, o.next_attempt_at, o.failed_at, o.last_error
            from outbox o
            left join job_runs r on r.id = o.run_id
            left join companies c on c.id = r.company_id
            where o.delivered_at is null and (@companies::bigint[] is null or r.company_id = any(@companies))
            order by o.failed_at is not null, o.id desc
            limit 100
            """);
        command.Parameters.Add(Companies(companies));
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return rows;
    }

    /// <summary>The cluster as Quartz sees it, with how many runs of the viewer's companies each node has open.</summary>
    public async Task<IReadOnlyList<(ClusterNode Node, int OpenRuns)>> NodesAsync(IReadOnlyList<long>? companies, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var nodes = await scheduler.QueryClusterNodes(cancellationToken);
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand(
            """
            select server_name, count(*) from job_runs
            where ended_at is null and (@companies::bigint[] is null or company_id = any(@companies))
            group by server_name
            """))
        {
            command.Parameters.Add(Companies(companies));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                open[reader.GetString(0)] = (int)reader.GetInt64(1);
            }
        }

        return nodes.Select(n => (n, open.GetValueOrDefault(n.InstanceId))).ToList();
    }

    /// <summary>The job as JobControl wants it, if the viewer may see it.</summary>
    public async Task<JobRef?> JobAsync(long jobId, IReadOnlyList<long>? companies, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select id, name, original_name, released_at is null from jobs
            where id = @id and deleted_at is null and (@companies::bigint[] is null or company_id = any(@companies))
            """);
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.Add(Companies(companies));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new JobRef(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), null)
            : null;
    }

    public async Task<RunHeader?> RunAsync(long runId, IReadOnlyList<long>? companies, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select r.id, j.id, c.handle, j.name, r.instance_name, j.job_type, r.state, r.progress, r.progress_message, r.server_name,
                   r.started_at, r.ended_at, r.file_success_count, r.file_error_count, r.file_warning_count
            from job_runs r join jobs j on j.id = r.job_id join companies c on c.id = r.company_id
            where r.id = @id and (@companies::bigint[] is null or r.company_id = any(@companies))
            """);
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.Add(Companies(companies));
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

    /// <summary>The job filter of the SOAP queries for the same companies.</summary>
    public static JobFilter Filter(IReadOnlyList<long>? companies) => new(companies);

    private static NpgsqlParameter Companies(IReadOnlyList<long>? companies) =>
        new("companies", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = companies is null ? DBNull.Value : companies.ToArray() };
}
