using IpsApi.Jobs.Definitions;
using Npgsql;

namespace IpsApi.Jobs.Store;

/// <summary>Which jobs a query looks at: companies the caller may see, and optionally one job or one original name.</summary>
public sealed record JobFilter(IReadOnlyList<long>? CompanyIds, long? JobId = null, long? RunId = null, string? OriginalName = null);

/// <summary>
/// The job a run or a scheduled entry belongs to, with its definition as submitted. The definition is read from its
/// stored JSON when first asked for: the dashboard lists every job in use of every company by type alone, and reading
/// a thousand definitions cost it more than the rest of its answer.
/// </summary>
public sealed class JobSummary(long jobId, string companyHandle, string name, string originalName, string submitUserEmail, JobType type, string definitionJson)
{
    private readonly Lazy<JobDefinition> _definition = new(() => JobDefinitionJson.Deserialize(definitionJson));

    public long JobId => jobId;

    public string CompanyHandle => companyHandle;

    public string Name => name;

    public string OriginalName => originalName;

    public string SubmitUserEmail => submitUserEmail;

    public JobType Type => type;

    public JobDefinition Definition => _definition.Value;
}

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
    private const string JobColumns = "j.id, c.handle, j.name, j.original_name, s.email, j.definition::text, j.job_type";

    public async Task<IReadOnlyList<ActiveRun>> ActiveAsync(JobFilter filter, bool includeWaiting, CancellationToken cancellationToken)
    {
        var runs = new List<ActiveRun>();
        await using (var command = dataSource.CreateCommand())
        {
            command.CommandText =
                $"""
                select {JobColumns}, r.id, r.instance_name, r.state, r.server_name, r.started_at, r.trigger_time, r.total_file_count,
                       r.progress, r.progress_message, r.last_progress_update
                from job_runs r
                join jobs j on j.id = r.job_id
                join companies c on c.id = j.company_id
                join users s on s.id = j.submit_user_id
                where r.ended_at is null and {Where(filter, command)}{(filter.RunId is null ? "" : " and r.id = @run")}
                order by r.started_at, r.id
                """;
            if (filter.RunId is { } run)
            {
                command.Parameters.AddWithValue("run", run);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                runs.Add(new ActiveRun(ReadJob(reader), reader.GetInt64(7), reader.GetString(8), reader.GetString(9), reader.GetString(10),
                    reader.GetFieldValue<DateTimeOffset>(11), reader.GetFieldValue<DateTimeOffset>(12), reader.GetInt32(13),
                    reader.GetInt32(14), reader.GetString(15), reader.GetFieldValue<DateTimeOffset>(16), []));
            }
        }

        if (includeWaiting && filter.RunId is null)
        {
            // Due one-shot jobs that no node has started yet: no run, not paused, time reached. Such a job is in use
            // (its name not yet released), which keeps the look among the few jobs in use rather than every job ever run.
            await using var command = dataSource.CreateCommand();
            command.CommandText =
                $"""
                select {JobColumns}, j.submitted_at, coalesce(j.exec_time, j.submitted_at)
                from jobs j
                join companies c on c.id = j.company_id
                join users s on s.id = j.submit_user_id
                where j.released_at is null and j.exec_schedule is null and not j.paused and coalesce(j.exec_time, j.submitted_at) <= now()
                  and not exists (select 1 from job_runs r where r.job_id = j.id)
                  and {Where(filter, command)}
                order by j.id
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var submitted = reader.GetFieldValue<DateTimeOffset>(7);
                runs.Add(new ActiveRun(ReadJob(reader), null, null, "New", "", submitted, reader.GetFieldValue<DateTimeOffset>(8),
                    0, 0, "Waiting to start", submitted, []));
            }
        }

        return await WithTasksAsync(runs, cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduledEntry>> ScheduledAsync(JobFilter filter, CancellationToken cancellationToken)
    {
        var candidates = new List<(JobSummary Job, string? Cron, bool Paused, DateTimeOffset? Queued)>();
        await using (var command = dataSource.CreateCommand())
        {
            // The queue row looked up by its key for each job in use: a join made PostgreSQL read the whole queue, which
            // holds every job waiting for a later execTime (EXPLAIN ANALYZE in bench/RESULTS.md, "growth").
            command.CommandText =
                $"""
                select {JobColumns}, j.exec_schedule, j.paused,
                       (select q.queued_at from job_queue q where q.job_id = j.id and q.node is null and q.queued_at > now())
                from jobs j
                join companies c on c.id = j.company_id
                join users s on s.id = j.submit_user_id
                where j.released_at is null and {Where(filter, command)}
                order by j.id
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add((ReadJob(reader), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetBoolean(8),
                    reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9)));
            }
        }

        var cronTriggers = await triggers.ReadAsync(candidates.Where(c => c.Cron is not null).Select(c => c.Job.JobId).ToList(), cancellationToken);
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

            var trigger = cronTriggers[job.JobId];
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

    /// <summary>The filter's conditions on jobs j, only those it sets (see <see cref="CompanyCondition"/> for why), their parameters added.</summary>
    private static string Where(JobFilter filter, NpgsqlCommand command)
    {
        var conditions = new List<string> { "j.deleted_at is null", CompanyCondition.Of(filter.CompanyIds, "j.company_id", command) };
        if (filter.JobId is { } job)
        {
            conditions.Add("j.id = @job");
            command.Parameters.AddWithValue("job", job);
        }

        if (filter.OriginalName is { } original)
        {
            conditions.Add("j.original_name = @original");
            command.Parameters.AddWithValue("original", original);
        }

        return string.Join(" and ", conditions);
    }

    private static JobSummary ReadJob(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        Enum.Parse<JobType>(reader.GetString(6)), reader.GetString(5));
}
