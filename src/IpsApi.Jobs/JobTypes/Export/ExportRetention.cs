using System.Runtime.CompilerServices;
using IpsApi.Assets.Files;
using IpsApi.Jobs.Retention;
using Npgsql;

namespace IpsApi.Jobs.JobTypes.Export;

/// <summary>
/// exportJob ZIPs whose download link has expired: the file, then its row. A file goes first, so a pass cut short
/// leaves at most a row whose link is expired anyway (it serves nothing), never a ZIP that nothing names.
/// </summary>
public sealed class ExportRetention(NpgsqlDataSource dataSource, IFileStore files) : IRetentionKind
{
    public string Name => "export files";

    public string Rule => "when their download link expires";

    public bool Enabled => true;

    public async IAsyncEnumerable<int> PurgeAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var expired = new List<(string Token, string Key)>();
            await using (var select = dataSource.CreateCommand(
                "select token, storage_key from export_downloads where expires_at <= now() order by expires_at limit @batch"))
            {
                select.Parameters.AddWithValue("batch", batchSize);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    expired.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            if (expired.Count == 0)
            {
                yield break;
            }

            foreach (var (_, key) in expired)
            {
                files.Delete(key);
            }

            await using var delete = dataSource.CreateCommand("delete from export_downloads where token = any(@tokens)");
            delete.Parameters.AddWithValue("tokens", expired.Select(e => e.Token).ToArray());
            yield return await delete.ExecuteNonQueryAsync(cancellationToken);
            if (expired.Count < batchSize)
            {
                yield break;
            }
        }
    }

    public async Task<RetentionBacklog> BacklogAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select min(created_at), min(expires_at) filter (where expires_at <= now()) from export_downloads");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new RetentionBacklog(
            reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0),
            reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }
}
