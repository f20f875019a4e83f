using System.Runtime.CompilerServices;
using IpsApi.Jobs.Retention;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IpsApi.Jobs.Store;

/// <summary>
/// Job logs: a run, its details and its task progress go <see cref="RetentionOptions.JobLogDays"/> after the run
/// ended. A job still in use keeps its last run, whatever its age: it says how the job last ended, and a paused
/// run is where the job resumes from.
/// </summary>
public sealed class JobLogRetention(NpgsqlDataSource dataSource, IOptions<RetentionOptions> options) : IRetentionKind
{
    // Runs taken per round; their details go in batches, then the runs themselves in one statement.
    private const int RunsPerRound = 100;

    // A run past the rule, unless it is the last run of a job in use (not released).
    private const string Expired =
        """
        r.ended_at < now() - make_interval(days => @days)
        and not exists (select 1 from jobs j where j.id = r.job_id and j.released_at is null
                        and not exists (select 1 from job_runs later where later.job_id = r.job_id and later.started_at > r.started_at))
        """;

    private int Days => options.Value.JobLogDays;

    public string Name => "job logs";

    public string Rule => $"{Days} days after the run ended, but a job in use keeps its last run";

    public bool Enabled => Days > 0;

    public async IAsyncEnumerable<int> PurgeAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var runs = await ExpiredRunsAsync(cancellationToken);
            if (runs.Length == 0)
            {
                yield break;
            }

            int removed;
            do
            {
                await using var details = dataSource.CreateCommand(
                    """
                    delete from job_log_details where id in (
                        select id from job_log_details where run_id = any(@runs) limit @batch)
                    """);
                details.Parameters.AddWithValue("runs", runs);
                details.Parameters.AddWithValue("batch", batchSize);
                removed = await details.ExecuteNonQueryAsync(cancellationToken);
                if (removed > 0)
                {
                    yield return removed;
                }
            }
            while (removed == batchSize);

            // Their task progress goes with them (on delete cascade); the few details left go the same way.
            await using var delete = dataSource.CreateCommand("delete from job_runs where id = any(@runs)");
            delete.Parameters.AddWithValue("runs", runs);
            yield return await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<RetentionBacklog> BacklogAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select (select min(ended_at) from job_runs),
                   (select min(r.ended_at) + make_interval(days => @days) from job_runs r where {Expired})
            """);
        command.Parameters.AddWithValue("days", Days);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new RetentionBacklog(
            reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0),
            Enabled && !reader.IsDBNull(1) ? reader.GetFieldValue<DateTimeOffset>(1) : null);
    }

    private async Task<long[]> ExpiredRunsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select r.id from job_runs r
            where {Expired}
            order by r.ended_at
            limit {RunsPerRound}
            """);
        command.Parameters.AddWithValue("days", Days);
        var runs = new List<long>(RunsPerRound);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(reader.GetInt64(0));
        }

        return [.. runs];
    }
}

/// <summary>
/// Jobs that are over, a one-shot job that ran or a deleted job: the row goes once its runs have gone, and not before
/// <see cref="RetentionOptions.JobLogDays"/> after the job was over. A job anything still waits for in the dispatch
/// queue stays.
/// </summary>
public sealed class FinishedJobRetention(NpgsqlDataSource dataSource, IOptions<RetentionOptions> options) : IRetentionKind
{
    private const string Removable =
        """
        j.released_at < now() - make_interval(days => @days)
        and not exists (select 1 from job_runs r where r.job_id = j.id)
        and not exists (select 1 from job_queue q where q.job_id = j.id)
        """;

    private int Days => options.Value.JobLogDays;

    public string Name => "finished jobs";

    public string Rule => $"with their last run, {Days} days after they ran for the last time or were deleted";

    public bool Enabled => Days > 0;

    public async IAsyncEnumerable<int> PurgeAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int removed;
        do
        {
            await using var command = dataSource.CreateCommand(
                $"""
                delete from jobs where id in (
                    select j.id from jobs j where {Removable}
                    order by j.released_at
                    limit @batch)
                """);
            command.Parameters.AddWithValue("days", Days);
            command.Parameters.AddWithValue("batch", batchSize);
            removed = await command.ExecuteNonQueryAsync(cancellationToken);
            if (removed > 0)
            {
                yield return removed;
            }
        }
        while (removed == batchSize);
    }

    public async Task<RetentionBacklog> BacklogAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select (select min(released_at) from jobs),
                   (select min(j.released_at) + make_interval(days => @days) from jobs j where {Removable})
            """);
        command.Parameters.AddWithValue("days", Days);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new RetentionBacklog(
            reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0),
            Enabled && !reader.IsDBNull(1) ? reader.GetFieldValue<DateTimeOffset>(1) : null);
    }
}
