using System.Runtime.CompilerServices;
using IpsApi.Jobs.Retention;
using Npgsql;

namespace IpsApi.Jobs.Engine.Queue;

/// <summary>
/// Queue rows of deleted jobs: deleteJob withdraws a waiting row at once, but a row that was being run when its node
/// died is handed back to waiting afterwards, and no dispatcher claims a deleted job. Such rows go at the next pass.
/// </summary>
public sealed class QueueRetention(NpgsqlDataSource dataSource) : IRetentionKind
{
    private const string Orphaned = "q.node is null and exists (select 1 from jobs j where j.id = q.job_id and j.deleted_at is not null)";

    public string Name => "queue rows of deleted jobs";

    public string Rule => "at once";

    public bool Enabled => true;

    public async IAsyncEnumerable<int> PurgeAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int removed;
        do
        {
            await using var command = dataSource.CreateCommand(
                $"""
                delete from job_queue where job_id in (
                    select q.job_id from job_queue q where {Orphaned}
                    limit @batch
                    for update of q skip locked)
                """);
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
            """
            select (select min(queued_at) from job_queue),
                   (select min(j.deleted_at) from job_queue q join jobs j on j.id = q.job_id where q.node is null and j.deleted_at is not null)
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new RetentionBacklog(
            reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0),
            reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }
}
