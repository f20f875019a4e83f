using IpsApi.Jobs.Definitions;
using Npgsql;

namespace IpsApi.Jobs.Store;

/// <summary>Which jobs a query looks at: companies the caller may see, and optionally one job or one original name.</summary>
public sealed record JobFilter(IReadOnlyList<long>? CompanyIds, long? JobId = null, long? RunId = null, string? OriginalName = null);

/// <summary>The job a run or a scheduled entry belongs to, with its definition as submitted.</summary>
public sealed record JobSummary(
    long JobId, string CompanyHandle, string Name, string OriginalName, string SubmitUserEmail, JobDefinition Definition);

public sealed record TaskProgressRow(
    string TaskType, string TaskState, int NumProcessed, int NumProcessing, int NumPending, double Progress, string Message,
    DateTimeOffset LastUpdate);

/// <summary>A run in progress (RunId set) or a job due to run that has not started yet (RunId null, state New).</summary>
public sealed record ActiveRun(
    JobSummary Job, long? RunId, string? InstanceName, string State, string ServerName, DateTimeOffset StartDate,
    DateTimeOffset TriggerTime, int TotalFiles, int Progress, string ProgressMessage, DateTimeOffset LastProgressUpdate,
    IReadOnlyList<TaskProgressRow> Tasks);

/// <summary>A job with a future fire, or paused.</summary>
public sealed record ScheduledEntry(
    JobSummary Job, string? ExecSchedule, DateTimeOffset? NextFireTime, string TimeZone, string TriggerState);

/// <summary>The read side of getActiveJobs and getScheduledJobs.</summary>
public sealed class JobQueries(NpgsqlDataSource dataSource, ICronTriggerReader triggers, ServerTimeZone serverZone)
{
    private const string JobColumns = "j.id, c.handle, j.name, j.original_name, s.email, j.definition::text";

    public async Task<IReadOnlyList<ActiveRun>> ActiveAsync(JobFilter filter, bool includeWaiting, CancellationToken cancellationToken)
    {
        var runs = new List<ActiveRun>();
        await using (var command = dataSource.CreateCommand(
            $"""
            select {JobColumns}, r.id, r.instance_name, r.state, r.server_name, r.started_at, r.trigger_time, r.total_file_count,
                   r.progress, r.progress_message, r.last_progress_update
            from job_runs r
            join jobs j on j.id = r.job_id
            join companies c on c.id = j.company_id
            join users s on s.id = j.submit_user_id
            where r.ended_at is null and {Where(filter)} and (@run::bigint is null or r.id = @run)
            order by r.started_at, r.id
            """))
        {
            Bind(command, filter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                runs.Add(new ActiveRun(ReadJob(reader), reader.GetInt64(6), reader.GetString(7), reader.GetString(8), reader.GetString(9),
                    reader.GetFieldValue<DateTimeOffset>(10), reader.GetFieldValue<DateTimeOffset>(11), reader.GetInt32(12),
                    reader.GetInt32(13), reader.GetString(14), reader.GetFieldValue<DateTimeOffset>(15), []));
            }
        }

        if (includeWaiting && filter.RunId is null)
        {
            // Due one-shot jobs that no node has started yet: no run, not paused, time reached.
            await using var command = dataSource.CreateCommand(
                $"""
                select {JobColumns}, j.submitted_at, coalesce(j.exec_time, j.submitted_at)
                from jobs j
                join companies c on c.id = j.company_id
                join users s on s.id = j.submit_user_id
                where j.exec_schedule is null and not j.paused and coalesce(j.exec_time, j.submitted_at) <= now()
                  and not exists (select 1 from job_runs r where r.job_id = j.id)
                  and {Where(filter)}
                order by j.id
                """);
            Bind(command, filter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var submitted = reader.GetFieldValue<DateTimeOffset>(6);
                runs.Add(new ActiveRun(ReadJob(reader), null, null, "New", "", submitted, reader.GetFieldValue<DateTimeOffset>(7),
                    0, 0, "Waiting to start", submitted, []));
            }
        }

        return await WithTasksAsync(runs, cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduledEntry>> ScheduledAsync(JobFilter filter, CancellationToken cancellationToken)
    {
        var candidates = new List<(JobSummary Job, string? Cron, bool Paused, DateTimeOffset? Queued)>();
        await using (var command = dataSource.CreateCommand(
            $"""
            select {JobColumns}, j.exec_schedule, j.paused,
                   (select q.queued_at from job_queue q where q.job_id = j.id and q.node is null and q.queued_at > now())
            from jobs j
            join companies c on c.id = j.company_id
            join users s on s.id = j.submit_user_id
            where j.released_at is null and {Where(filter)}
            order by j.id
            """))
        {
            Bind(command, filter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add((ReadJob(reader), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetBoolean(7),
                    reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)));
            }
        }

        var entries = new List<ScheduledEntry>();
        foreach (var (job, cron, paused, queued) in candidates)
        {
            if (cron is null)
            {
                // A one-shot job waits in the dispatch queue for its execTime.
                if (queued is not null || paused)
                {
                    entries.Add(new ScheduledEntry(job, null, queued, serverZone.Zone.Id, paused ? "Paused" : "Normal"));
                }

                continue;
            }

            var trigger = await triggers.ReadAsync(job.JobId, cancellationToken);
            // Our pause flag decides, whatever state Quartz's trigger is just passing through.
            var state = paused ? "Paused" : trigger.State;
            if (trigger.NextFire is not null || state == "Paused")
            {
                entries.Add(new ScheduledEntry(job, cron, trigger.NextFire, trigger.Zone.Id, state));
            }
        }

        return entries;
    }

    private async Task<IReadOnlyList<ActiveRun>> WithTasksAsync(List<ActiveRun> runs, CancellationToken cancellationToken)
    {
        var ids = runs.Where(r => r.RunId is not null).Select(r => r.RunId!.Value).ToArray();
        if (ids.Length == 0)
        {
            return runs;
        }

        var tasks = new Dictionary<long, List<TaskProgressRow>>();
        await using var command = dataSource.CreateCommand(
            """
            select run_id, task_type, task_state, num_processed, num_processing, num_pending, progress, progress_message, last_update
            from job_task_progress where run_id = any(@ids) order by run_id, task_type
            """);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var runId = reader.GetInt64(0);
            if (!tasks.TryGetValue(runId, out var list))
            {
                tasks[runId] = list = [];
            }

            list.Add(new TaskProgressRow(reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetInt32(5), reader.GetDouble(6), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return runs.Select(r => r.RunId is { } id && tasks.TryGetValue(id, out var list) ? r with { Tasks = list } : r).ToList();
    }

    private static string Where(JobFilter filter) =>
        "j.deleted_at is null"
        + " and (@companies::bigint[] is null or j.company_id = any(@companies))"
        + " and (@job::bigint is null or j.id = @job)"
        + " and (@original::text is null or j.original_name = @original)";

    private static void Bind(NpgsqlCommand command, JobFilter filter)
    {
        command.Parameters.Add(new NpgsqlParameter("companies", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint)
        {
            Value = filter.CompanyIds is null ? DBNull.Value : filter.CompanyIds.ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter("job", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)filter.JobId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("run", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)filter.RunId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("original", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)filter.OriginalName ?? DBNull.Value });
    }

    private static JobSummary ReadJob(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        JobDefinitionJson.Deserialize(reader.GetString(5)));
}
