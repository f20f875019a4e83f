using System.Runtime.CompilerServices;
using IpsApi.Jobs.Retention;
using Npgsql;

namespace IpsApi.Server.Auth;

/// <summary>
/// Counts of failed sign-ins whose window and wait are over (<see cref="LoginThrottle"/>). Each new failure also purges
/// a few; this removes the rest when no failures come in.
/// </summary>
public sealed class SignInFailureRetention(NpgsqlDataSource dataSource) : IRetentionKind
{
    public string Name => "sign-in failures";

    public string Rule => "when they expire";

    public bool Enabled => true;

    public async IAsyncEnumerable<int> PurgeAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int removed;
        do
        {
            await using var command = dataSource.CreateCommand(
                "delete from sign_in_failures where key in (select key from sign_in_failures where expires_at < now() limit @batch)");
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
            "select min(first_failure_at), min(expires_at) filter (where expires_at < now()) from sign_in_failures");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new RetentionBacklog(
            reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0),
            reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }
}
