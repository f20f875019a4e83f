using Npgsql;

namespace IpsApi.Assets.Store;

/// <summary>An asset marked for publish, with what a publish needs of it.</summary>
public sealed record PublishableAsset(
    Asset Asset,
    int? Width,
    int? Height,
    long? DurationMs,
    IReadOnlyList<Rendition> Renditions,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<Asset> Members)
{
    /// <summary>The optimized pyramid TIFF, when the image has one.</summary>
    public Rendition? Pyramid => Renditions.FirstOrDefault(r => r.Kind == "Pyramid");
}

/// <summary>
/// The assets a publish job takes: marked readyForPublish, not in the trash, of the given types, in a folder and below
/// it; a set's members in the trash are left out of it.
/// </summary>
public sealed class PublishableAssets(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<PublishableAsset>> ListAsync(
        long companyId, string folder, IReadOnlyCollection<AssetType> types, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the asset rows and everything hanging off them.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var rows = new List<(Asset Asset, int? Width, int? Height, long? Duration)>();
        await using (var command = new NpgsqlCommand(
            """
            select a.id, c.handle, a.folder, a.name, a.file_name, a.kind, a.size_bytes, a.checksum, a.original_key, a.ready_for_publish,
                   a.publish_state, a.modified_at, a.trash_state, a.width, a.height, a.duration_ms
            from assets a join companies c on c.id = a.company_id
            where a.company_id = @company and a.ready_for_publish and a.kind = any(@kinds) and a.trash_state = 'NotInTrash'
              and (@folder = '' or a.folder = @folder or starts_with(a.folder, @folder || '/'))
            order by a.folder, a.file_name
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("company", companyId);
            command.Parameters.AddWithValue("kinds", types.Select(t => t.ToString()).ToArray());
            command.Parameters.AddWithValue("folder", folder);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var asset = AssetStore.Read(reader);
                rows.Add((asset, reader.IsDBNull(13) ? null : reader.GetInt32(13), reader.IsDBNull(14) ? null : reader.GetInt32(14),
                    reader.IsDBNull(15) ? null : reader.GetInt64(15)));
            }
        }

        var ids = rows.Select(r => r.Asset.Id).ToArray();
        var renditions = new Dictionary<long, List<Rendition>>();
        await using (var command = new NpgsqlCommand(
            "select asset_id, kind, name, storage_key, size_bytes, width, height from asset_renditions where asset_id = any(@ids) order by kind, name",
            connection, transaction))
        {
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var list = renditions.TryGetValue(reader.GetInt64(0), out var found) ? found : renditions[reader.GetInt64(0)] = [];
                list.Add(new Rendition(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                    reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt32(6)));
            }
        }

        var metadata = new Dictionary<long, Dictionary<string, string>>();
        await using (var command = new NpgsqlCommand(
            "select asset_id, key, value from asset_metadata where asset_id = any(@ids) order by key", connection, transaction))
        {
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var values = metadata.TryGetValue(reader.GetInt64(0), out var found)
                    ? found
                    : metadata[reader.GetInt64(0)] = new Dictionary<string, string>(StringComparer.Ordinal);
                values[reader.GetString(1)] = reader.GetString(2);
            }
        }

        var members = new Dictionary<long, List<Asset>>();
        await using (var command = new NpgsqlCommand(
            $"""
            select m.set_id, {AssetStore.Columns}
            from set_members m join assets a on a.id = m.member_id join companies c on c.id = a.company_id
            where m.set_id = any(@ids) and a.trash_state = 'NotInTrash' order by m.set_id, m.position
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var list = members.TryGetValue(reader.GetInt64(0), out var found) ? found : members[reader.GetInt64(0)] = [];
                list.Add(AssetStore.Read(reader, 1));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return rows.Select(r => new PublishableAsset(r.Asset, r.Width, r.Height, r.Duration,
                renditions.GetValueOrDefault(r.Asset.Id) ?? [],
                (IReadOnlyDictionary<string, string>?)metadata.GetValueOrDefault(r.Asset.Id) ?? new Dictionary<string, string>(),
                members.GetValueOrDefault(r.Asset.Id) ?? []))
            .ToList();
    }

    /// <summary>Notes on the asset rows that they are published now (what clients see as the publish state).</summary>
    public async Task MarkPublishedAsync(IReadOnlyCollection<long> assetIds, CancellationToken cancellationToken)
    {
        if (assetIds.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand("update assets set publish_state = 'Published' where id = any(@ids) and publish_state <> 'Published'");
        command.Parameters.AddWithValue("ids", assetIds.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
