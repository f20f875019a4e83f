using Npgsql;

namespace IpsApi.Assets.Store;

/// <summary>How a change of one asset ended: done, done with a remark (nothing needed doing), or refused.</summary>
public enum ChangeOutcome
{
    Done,
    Warning,
    Error,
}

/// <summary>The outcome of a change of one asset, with the reason of a warning or a refusal, said for the caller.</summary>
public sealed record AssetChange(long AssetId, ChangeOutcome Outcome, string? Reason = null)
{
    public static AssetChange Ok(long id) => new(id, ChangeOutcome.Done);

    public static AssetChange Refused(long id, string reason) => new(id, ChangeOutcome.Error, reason);

    public static AssetChange Remark(long id, string reason) => new(id, ChangeOutcome.Warning, reason);
}

/// <summary>Reasons the callers tell apart.</summary>
public static class AssetChangeReasons
{
    /// <summary>No asset of the company has the id (or it was emptied from the trash).</summary>
    public const string NoAsset = "no such asset";
}

/// <summary>One metadata field to write: a value, or null to remove the field from the asset.</summary>
public sealed record MetadataWrite(string Key, string? Value);

/// <summary>
/// Changes of a company's assets through the asset operations: rename, move, metadata, publish state. Each change
/// of one asset is one transaction that locks the asset's row; an asset in the trash is refused (restore it first),
/// one of another company or emptied from the trash reads as no asset. Handles and storage keys never change.
/// </summary>
public sealed class AssetChanges(NpgsqlDataSource dataSource)
{
    private const string UniqueViolation = "23505";

    /// <summary>
    /// Gives the asset a new name; its file name becomes the new name with the old extension. With
    /// <paramref name="validateName"/>, a name another asset of the company publishes under (images, sets, videos:
    /// compared without regard to case, as image serving looks names up) is refused.
    /// </summary>
    public async Task<AssetChange> RenameAsync(long companyId, long assetId, string newName, bool validateName, string user, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await LockLiveAsync(connection, transaction, companyId, assetId, cancellationToken) is not { } asset)
        {
            return await RefusalAsync(connection, transaction, companyId, assetId, cancellationToken);
        }

        var fileName = AssetNames.RenamedFile(asset.FileName, newName, asset.Kind);
        if (await LiveAtAsync(connection, transaction, companyId, asset.Folder, fileName, assetId, cancellationToken))
        {
            return AssetChange.Refused(assetId, $"an asset '{fileName}' exists in the folder already");
        }

        if (validateName && PublishesByName(asset.Kind))
        {
            await using var taken = new NpgsqlCommand(
                """
                select folder, file_name from assets
                where company_id = @company and lower(name) = lower(@name) and id <> @id and trash_state = 'NotInTrash'
                  and kind in ('Image', 'Video', 'ImageSet', 'SwatchSet', 'ECatalog')
                limit 1
                """, connection, transaction);
            taken.Parameters.AddWithValue("company", companyId);
            taken.Parameters.AddWithValue("name", newName);
            taken.Parameters.AddWithValue("id", assetId);
            await using var reader = await taken.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var holder = reader.GetString(0).Length == 0 ? reader.GetString(1) : $"{reader.GetString(0)}/{reader.GetString(1)}";
                return AssetChange.Refused(assetId, $"the name '{newName}' is not unique: {holder} has it");
            }
        }

        await using var update = new NpgsqlCommand(
            """
            update assets set name = @name, file_name = @file, last_modified = now(), last_modified_by = @user where id = @id
            """, connection, transaction);
        update.Parameters.AddWithValue("name", newName);
        update.Parameters.AddWithValue("file", fileName);
        update.Parameters.AddWithValue("user", user);
        update.Parameters.AddWithValue("id", assetId);
        return await CommitAsync(transaction, update, assetId, $"an asset '{fileName}' exists in the folder already", cancellationToken);
    }

    /// <summary>Moves the asset into the folder (a path from the company root, which exists); its name stays.</summary>
    public async Task<AssetChange> MoveAsync(long companyId, long assetId, string folder, string user, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await LockLiveAsync(connection, transaction, companyId, assetId, cancellationToken) is not { } asset)
        {
            return await RefusalAsync(connection, transaction, companyId, assetId, cancellationToken);
        }

        if (asset.Folder == folder)
        {
            return AssetChange.Ok(assetId);
        }

        if (await LiveAtAsync(connection, transaction, companyId, folder, asset.FileName, assetId, cancellationToken))
        {
            return AssetChange.Refused(assetId, $"an asset '{asset.FileName}' exists in the destination folder already");
        }

        await using var update = new NpgsqlCommand(
            "update assets set folder = @folder, last_modified = now(), last_modified_by = @user where id = @id", connection, transaction);
        update.Parameters.AddWithValue("folder", folder);
        update.Parameters.AddWithValue("user", user);
        update.Parameters.AddWithValue("id", assetId);
        return await CommitAsync(transaction, update, assetId, $"an asset '{asset.FileName}' exists in the destination folder already", cancellationToken);
    }

    /// <summary>Writes metadata fields of the asset: each a new value, or removed (null).</summary>
    public async Task<AssetChange> SetMetadataAsync(
        long companyId, long assetId, IReadOnlyList<MetadataWrite> writes, string user, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await LockLiveAsync(connection, transaction, companyId, assetId, cancellationToken) is null)
        {
            return await RefusalAsync(connection, transaction, companyId, assetId, cancellationToken);
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var write in writes)
        {
            var command = write.Value is null
                ? new NpgsqlBatchCommand("delete from asset_metadata where asset_id = @id and key = @key")
                : new NpgsqlBatchCommand(
                    "insert into asset_metadata (asset_id, key, value) values (@id, @key, @value) on conflict (asset_id, key) do update set value = excluded.value");
            command.Parameters.AddWithValue("id", assetId);
            command.Parameters.AddWithValue("key", write.Key);
            if (write.Value is not null)
            {
                command.Parameters.AddWithValue("value", write.Value);
            }

            batch.BatchCommands.Add(command);
        }

        var touch = new NpgsqlBatchCommand("update assets set last_modified = now(), last_modified_by = @user where id = @id");
        touch.Parameters.AddWithValue("user", user);
        touch.Parameters.AddWithValue("id", assetId);
        batch.BatchCommands.Add(touch);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AssetChange.Ok(assetId);
    }

    /// <summary>Marks the asset for publish or not; a published asset marked again stays Published.</summary>
    public async Task<AssetChange> SetPublishStateAsync(long companyId, long assetId, bool marked, string user, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await LockLiveAsync(connection, transaction, companyId, assetId, cancellationToken) is null)
        {
            return await RefusalAsync(connection, transaction, companyId, assetId, cancellationToken);
        }

        await using var update = new NpgsqlCommand(
            """
            update assets set ready_for_publish = @marked,
                              publish_state = case when not @marked then 'NotPublished'
                                                   when publish_state = 'Published' then publish_state else 'MarkedForPublish' end,
                              last_modified = now(), last_modified_by = @user
            where id = @id
            """, connection, transaction);
        update.Parameters.AddWithValue("marked", marked);
        update.Parameters.AddWithValue("user", user);
        update.Parameters.AddWithValue("id", assetId);
        await update.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AssetChange.Ok(assetId);
    }

    /// <summary>Image serving and video publishes name assets of these kinds by their name.</summary>
    private static bool PublishesByName(AssetType kind) =>
        kind is AssetType.Image or AssetType.Video or AssetType.ImageSet or AssetType.SwatchSet or AssetType.ECatalog;

    private sealed record Locked(string Folder, string FileName, AssetType Kind);

    private static async Task<Locked?> LockLiveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long companyId, long assetId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select folder, file_name, kind from assets where id = @id and company_id = @company and trash_state = 'NotInTrash' for update",
            connection, transaction);
        command.Parameters.AddWithValue("id", assetId);
        command.Parameters.AddWithValue("company", companyId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Locked(reader.GetString(0), reader.GetString(1), Enum.Parse<AssetType>(reader.GetString(2)))
            : null;
    }

    /// <summary>Why an asset that is not live was not changed: in the trash, or no asset of the company at all.</summary>
    private static async Task<AssetChange> RefusalAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long companyId, long assetId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select trash_state from assets where id = @id and company_id = @company", connection, transaction);
        command.Parameters.AddWithValue("id", assetId);
        command.Parameters.AddWithValue("company", companyId);
        return await command.ExecuteScalarAsync(cancellationToken) is TrashStates.InTrash
            ? AssetChange.Refused(assetId, "the asset is in the trash (restore it first)")
            : AssetChange.Refused(assetId, AssetChangeReasons.NoAsset);
    }

    private static async Task<bool> LiveAtAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long companyId, string folder, string fileName, long exceptId,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            select exists (select 1 from assets where company_id = @company and folder = @folder and file_name = @file
                           and trash_state = 'NotInTrash' and id <> @id)
            """, connection, transaction);
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("folder", folder);
        command.Parameters.AddWithValue("file", fileName);
        command.Parameters.AddWithValue("id", exceptId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Runs the update and commits; a path another transaction took meanwhile is a refusal, not a failure.</summary>
    private static async Task<AssetChange> CommitAsync(
        NpgsqlTransaction transaction, NpgsqlCommand update, long assetId, string pathTaken, CancellationToken cancellationToken)
    {
        try
        {
            await update.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return AssetChange.Ok(assetId);
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            return AssetChange.Refused(assetId, pathTaken);
        }
    }
}
