using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Handles;
using IpsApi.Jobs.Scheduling;
using Npgsql;
using NpgsqlTypes;
using Quartz;

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

/// <summary>The jobs table: what submitJob writes and the other operations read.</summary>
public sealed class JobStore(NpgsqlDataSource dataSource, ISchedulerFactory schedulers, ServerTimeZone serverZone, TimeProvider clock)
{
    private const int MaxNameAttempts = 20;

    /// <summary>
    /// Stores the job under its own name, or, while that name is in use by another job of the company,
    /// under the first free <c>name_N</c> (the submitted name stays as original_name), and schedules it.
    /// The row and its Quartz job and trigger commit in one transaction: neither exists without the other.
    /// </summary>
    public async Task<SubmittedJob> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken = default)
    {
        var definition = submission.Definition;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var name = definition.JobName;
        for (var attempt = 0; attempt < MaxNameAttempts; attempt++)
        {
            var id = await TryInsertAsync(connection, transaction, submission, name, cancellationToken);
            if (id is not null)
            {
                // Dispose the enlistment after the commit, so the scheduler is woken once the trigger is visible.
                using (scheduler.EnlistTransaction(transaction))
                {
                    await scheduler.ScheduleJob(
                        JobTriggers.Detail(id.Value),
                        JobTriggers.Trigger(id.Value, definition.Schedule, serverZone.Zone, clock.GetUtcNow()),
                        new ScheduleJobOptions(),
                        cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                Running.JobMetrics.Submitted(definition.Spec.Type);
                return new SubmittedJob(id.Value, new JobHandle(definition.CompanyHandle, name));
            }

            name = await NextFreeNameAsync(connection, transaction, submission.CompanyId, definition.JobName, cancellationToken);
        }

        throw new InvalidOperationException($"No free job name found after {MaxNameAttempts} attempts.");
    }

    private static async Task<long?> TryInsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, JobSubmission submission, string name, CancellationToken cancellationToken)
    {
        var definition = submission.Definition;
        await using var insert = new NpgsqlCommand(
            """
            insert into jobs (company_id, name, original_name, job_type, definition, submit_user_id, notify_user_id,
                              locale, exec_time, exec_schedule, description, client_app, client_version, initiating_job_name)
            values (@company, @name, @original, @type, @definition, @submitter, @notify,
                    @locale, @execTime, @execSchedule, @description, @app, @version, @initiating)
            on conflict (company_id, name) where released_at is null do nothing
            returning id
            """, connection, transaction);
        insert.Parameters.AddWithValue("company", submission.CompanyId);
        insert.Parameters.AddWithValue("name", name);
        insert.Parameters.AddWithValue("original", definition.JobName);
        insert.Parameters.AddWithValue("type", definition.Spec.Type.ToString());
        insert.Parameters.AddWithValue("definition", NpgsqlDbType.Jsonb, JobDefinitionJson.Serialize(definition));
        insert.Parameters.AddWithValue("submitter", submission.SubmitUserId);
        insert.Parameters.AddWithValue("notify", submission.NotifyUserId);
        insert.Parameters.AddWithValue("locale", submission.Locale);
        insert.Parameters.Add(new NpgsqlParameter("execTime", NpgsqlDbType.TimestampTz)
        {
            Value = definition.Schedule is JobSchedule.RunAt at ? at.At.ToUniversalTime() : DBNull.Value,
        });
        insert.Parameters.Add(new NpgsqlParameter("execSchedule", NpgsqlDbType.Text)
        {
            Value = definition.Schedule is JobSchedule.Cron cron ? cron.Expression : DBNull.Value,
        });
        insert.Parameters.Add(Text("description", definition.Description));
        insert.Parameters.Add(Text("app", submission.ClientApp));
        insert.Parameters.Add(Text("version", submission.ClientVersion));
        insert.Parameters.Add(Text("initiating", submission.InitiatingJobName));
        return (long?)await insert.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<string> NextFreeNameAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long companyId, string baseName, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(
            """
            select coalesce(max(substring(name from length(@base) + 2)::int), 1)
            from jobs
            where company_id = @company and released_at is null
              and starts_with(name, @base || '_') and substring(name from length(@base) + 2) ~ '^[0-9]{1,9}$'
            """, connection, transaction);
        select.Parameters.AddWithValue("company", companyId);
        select.Parameters.AddWithValue("base", baseName);
        var highest = (int)(await select.ExecuteScalarAsync(cancellationToken))!;
        return $"{baseName}_{highest + 1}";
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}
