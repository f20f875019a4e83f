using IpsApi.Jobs.Scheduling;
using IpsApi.Jobs.Store;
using Npgsql;
using Quartz;

namespace IpsApi.Jobs.Control;

/// <summary>A control operation that cannot apply to the job as it is (nothing running to stop, not paused...).</summary>
public sealed class JobControlException(string reason) : Exception(reason);

/// <summary>
/// stopJob, pauseJob, resumeJob, executeJob and deleteJob. Our rows (job, dispatch queue) and Quartz's change in
/// one transaction (Quartz enlisted in ours). Stop and pause of a running run are written to
/// job_runs.control_request, which the node running it picks up within a second (RunControlWatcher), whichever
/// node received the call. A paused job's queue row stays and waits: dispatchers do not claim paused jobs.
/// </summary>
public sealed class JobControl(NpgsqlDataSource dataSource, ISchedulerFactory schedulers, DispatchSignal dispatch)
{
    /// <summary>Asks the job's running run (or the one the handle names) to stop at its next safe point.</summary>
    public async Task StopAsync(JobRef job, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await RequestAsync(connection, null, job, "Stop", cancellationToken) == 0)
        {
            throw new JobControlException($"Job {job.Name} has no running run to stop.");
        }
    }

    /// <summary>Pauses the job's trigger, and its running run at the run's next safe point (it resumes from there).</summary>
    public async Task PauseAsync(JobRef job, CancellationToken cancellationToken)
    {
        await InTransactionAsync(async (connection, transaction, scheduler) =>
        {
            var hasTrigger = await scheduler.GetTrigger(JobTriggers.TriggerKeyOf(job.JobId), cancellationToken) is not null
                || await IsQueuedAsync(connection, transaction, job.JobId, cancellationToken);
            var running = await RequestAsync(connection, transaction, job, "Pause", cancellationToken);
            if (!hasTrigger && running == 0)
            {
                throw new JobControlException($"Job {job.Name} is neither scheduled nor running: nothing to pause.");
            }

            await SetPausedAsync(connection, transaction, job.JobId, paused: true, cancellationToken);
            await scheduler.PauseJob(JobTriggers.KeyOf(job.JobId), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Undoes pause: the trigger fires again, and a run that was paused midway continues now.</summary>
    public async Task ResumeAsync(JobRef job, CancellationToken cancellationToken)
    {
        await InTransactionAsync(async (connection, transaction, scheduler) =>
        {
            if (!await SetPausedAsync(connection, transaction, job.JobId, paused: false, cancellationToken))
            {
                throw new JobControlException($"Job {job.Name} is not paused.");
            }

            // A pause not yet acted on by the running node is simply withdrawn.
            await using (var withdraw = new NpgsqlCommand(
                "update job_runs set control_request = null, state = 'Running' where job_id = @job and ended_at is null and control_request = 'Pause'",
                connection, transaction))
            {
                withdraw.Parameters.AddWithValue("job", job.JobId);
                await withdraw.ExecuteNonQueryAsync(cancellationToken);
            }

            var key = JobTriggers.KeyOf(job.JobId);
            if (await scheduler.Exists(key, cancellationToken))
            {
                await scheduler.ResumeJob(key, cancellationToken);
            }

            if (await LastRunStateAsync(connection, transaction, job.JobId, cancellationToken) == "Paused")
            {
                await DispatchQueue.EnqueueAsync(connection, transaction, job.JobId, null, cancellationToken);
            }
            else
            {
                // A queued job that waited while paused may be claimed now.
                await DispatchQueue.NotifyAsync(connection, transaction, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>Runs the job now, once, whatever its schedule says; the schedule itself is left as it is.</summary>
    public async Task ExecuteAsync(JobRef job, CancellationToken cancellationToken)
    {
        if (!job.InUse)
        {
            throw new JobControlException($"Job {job.Name} has run and is not scheduled any more: submit it again.");
        }

        await InTransactionAsync(
            (connection, transaction, _) => DispatchQueue.EnqueueAsync(connection, transaction, job.JobId, null, cancellationToken),
            cancellationToken);
    }

    /// <summary>Removes the job and its trigger; a running run is stopped first. Its runs and logs stay.</summary>
    public async Task DeleteAsync(JobRef job, CancellationToken cancellationToken)
    {
        await InTransactionAsync(async (connection, transaction, scheduler) =>
        {
            await RequestAsync(connection, transaction, job with { RunId = null }, "Stop", cancellationToken);
            await using (var delete = new NpgsqlCommand(
                """
                update jobs set deleted_at = now(), released_at = coalesce(released_at, now()), paused = false
                where id = @id and deleted_at is null
                """, connection, transaction))
            {
                delete.Parameters.AddWithValue("id", job.JobId);
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            // A waiting queue row goes; one being run goes when its (stopped) run closes, without running again.
            await using (var dequeue = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("delete from job_queue where job_id = @id and node is null") { Parameters = { new("id", job.JobId) } },
                    new NpgsqlBatchCommand("update job_queue set again = false where job_id = @id") { Parameters = { new("id", job.JobId) } },
                },
            })
            {
                await dequeue.ExecuteNonQueryAsync(cancellationToken);
            }

            await scheduler.DeleteJob(JobTriggers.KeyOf(job.JobId), cancellationToken);
        }, cancellationToken);
    }

    private static async Task<bool> IsQueuedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long jobId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select exists (select 1 from job_queue where job_id = @id)", connection, transaction);
        command.Parameters.AddWithValue("id", jobId);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>Writes a Stop or Pause request on the job's open runs (or the one run named); returns how many.</summary>
    private static async Task<int> RequestAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, JobRef job, string request, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            update job_runs set control_request = @request, state = 'Stopping'
            where job_id = @job and ended_at is null and (@run::bigint is null or id = @run)
            """, connection, transaction);
        command.Parameters.AddWithValue("request", request);
        command.Parameters.AddWithValue("job", job.JobId);
        command.Parameters.Add(new NpgsqlParameter("run", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)job.RunId ?? DBNull.Value });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<bool> SetPausedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long jobId, bool paused, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "update jobs set paused = @paused where id = @id and paused <> @paused", connection, transaction);
        command.Parameters.AddWithValue("paused", paused);
        command.Parameters.AddWithValue("id", jobId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<string?> LastRunStateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long jobId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select state from job_runs where job_id = @job order by id desc limit 1", connection, transaction);
        command.Parameters.AddWithValue("job", jobId);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task InTransactionAsync(
        Func<NpgsqlConnection, NpgsqlTransaction, IScheduler, Task> work, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        using (scheduler.EnlistTransaction(transaction))
        {
            await work(connection, transaction, scheduler);
            await transaction.CommitAsync(cancellationToken);
        }

        dispatch.Pulse();
    }
}
