using IpsApi.Assets.Files;
using Npgsql;

namespace IpsApi.Assets.Store;

/// <summary>
/// The file_intents table (migration 018): a file is noted here before it goes into the store, and the note goes in
/// the transaction that saves the rows owning it (<see cref="AssetStore.SaveAsync"/>). Notes left by a run that was
/// cut short name files nothing refers to; the run that takes the job over deletes them.
/// </summary>
public sealed class FileIntents(NpgsqlDataSource dataSource, IFileStore files)
{
    /// <summary>Notes the key for the run, then puts the file there.</summary>
    public async Task<StoredFile> PutAsync(long runId, string key, string sourceFile, CancellationToken cancellationToken)
    {
        await using (var note = dataSource.CreateCommand(
            "insert into file_intents (storage_key, run_id) values (@key, @run) on conflict (storage_key) do update set run_id = excluded.run_id"))
        {
            note.Parameters.AddWithValue("key", key);
            note.Parameters.AddWithValue("run", runId);
            await note.ExecuteNonQueryAsync(cancellationToken);
        }

        return await files.PutAsync(key, sourceFile, cancellationToken);
    }

    /// <summary>Forgets the notes of files that were removed again (a failed ingest cleans up after itself).</summary>
    public async Task ForgetAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var forget = dataSource.CreateCommand("delete from file_intents where storage_key = any(@keys)");
        forget.Parameters.AddWithValue("keys", keys.ToArray());
        await forget.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>In the transaction that saves the owning rows: the files are theirs now.</summary>
    public static NpgsqlBatchCommand Settled(IReadOnlyCollection<string> keys) =>
        new("delete from file_intents where storage_key = any(@keys)") { Parameters = { new("keys", keys.ToArray()) } };

    /// <summary>Deletes the files that cut-short runs put into the store without saving their rows; returns how many.</summary>
    public async Task<int> SweepAsync(IReadOnlyCollection<long> cutRuns, CancellationToken cancellationToken)
    {
        if (cutRuns.Count == 0)
        {
            return 0;
        }

        var keys = new List<string>();
        await using (var find = dataSource.CreateCommand("select storage_key from file_intents where run_id = any(@runs)"))
        {
            find.Parameters.AddWithValue("runs", cutRuns.ToArray());
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(reader.GetString(0));
            }
        }

        foreach (var key in keys)
        {
            files.Delete(key);
        }

        await ForgetAsync(keys, cancellationToken);
        return keys.Count;
    }
}
