using Npgsql;
using NpgsqlTypes;

namespace IpsApi.Assets.Store;

/// <summary>
/// A new or replaced asset, ready to be written: its files are already in the store under fresh keys. A new asset's
/// name is its file name without the extension; a replaced one keeps its name. <paramref name="User"/> is who made it
/// (the job's submitter); <paramref name="GeneratedFrom"/> the asset a job made it from (a PDF a page was ripped from).
/// <paramref name="AssetId"/> names the row to update (reprocessing an asset found by handle), wherever it is now:
/// renamed, moved or put in the trash meanwhile.
/// </summary>
public sealed record AssetWrite(
    long CompanyId,
    string CompanyHandle,
    string Folder,
    string FileName,
    AssetType Type,
    long Size,
    string Checksum,
    string OriginalKey,
    AssetFacts Facts,
    bool ReadyForPublish,
    bool PreservePublishState,
    IReadOnlyList<Rendition> Renditions,
    IReadOnlyDictionary<string, string> Metadata,
    string? User = null,
    long? GeneratedFrom = null,
    string? GenerationEngine = null,
    long? AssetId = null);

/// <summary>The assets, asset_metadata and asset_renditions tables.</summary>
public sealed class AssetStore(NpgsqlDataSource dataSource)
{
    /// <summary>The columns <see cref="Read"/> reads, in its order.</summary>
    public const string Columns =
        "a.id, c.handle, a.folder, a.name, a.file_name, a.kind, a.size_bytes, a.checksum, a.original_key, a.ready_for_publish, a.publish_state, a.modified_at, a.trash_state";

    /// <summary>The live asset (not in the trash) at folder/fileName: what an upload to that path replaces.</summary>
    public async Task<Asset?> FindAsync(long companyId, string folder, string fileName, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
             select {Columns} from assets a join companies c on c.id = a.company_id
             where a.company_id = @company and a.folder = @folder and a.file_name = @name and a.trash_state = 'NotInTrash'
             """);
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("folder", folder);
        command.Parameters.AddWithValue("name", fileName);
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>The asset, in the trash or not; an emptied one is gone.</summary>
    public async Task<Asset?> GetAsync(long companyId, long assetId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
             select {Columns} from assets a join companies c on c.id = a.company_id
             where a.company_id = @company and a.id = @id and a.trash_state <> 'InEmptiedTrash'
             """);
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("id", assetId);
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>Which of <paramref name="ids"/> are assets of the company, in the trash or not (one query, whatever the count).</summary>
    public async Task<IReadOnlySet<long>> ExistingIdsAsync(long companyId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var found = new HashSet<long>();
        if (ids.Count == 0)
        {
            return found;
        }

        await using var command = dataSource.CreateCommand("select id from assets where company_id = @company and id = any(@ids) and trash_state <> 'InEmptiedTrash'");
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("ids", ids.Distinct().ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetInt64(0));
        }

        return found;
    }

    /// <summary>The width and height of those of <paramref name="ids"/> that are images of the company with a known size.</summary>
    public async Task<IReadOnlyDictionary<long, (int Width, int Height)>> ImageSizesAsync(
        long companyId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<long, (int, int)>();
        if (ids.Count == 0)
        {
            return sizes;
        }

        await using var command = dataSource.CreateCommand(
            "select id, width, height from assets where company_id = @company and id = any(@ids) and kind = 'Image' and width > 0 and height > 0");
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("ids", ids.Distinct().ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sizes[reader.GetInt64(0)] = (reader.GetInt32(1), reader.GetInt32(2));
        }

        return sizes;
    }

    /// <summary>
    /// The asset a client's handle names, when it is a well-formed handle of this company's asset; null otherwise,
    /// so a handle of another company reads exactly like one of no asset.
    /// </summary>
    public async Task<Asset?> FindByHandleAsync(long companyId, string companyHandle, string? handle, CancellationToken cancellationToken) =>
        AssetHandles.TryParse(handle, out var owner, out var id) && string.Equals(owner, companyHandle, StringComparison.Ordinal)
            ? await GetAsync(companyId, id, cancellationToken)
            : null;

    /// <summary>
    /// The company's image assets, in id order after <paramref name="afterId"/>, whose optimized pyramid is missing or
    /// was made before the asset's original last changed: what optimizeImagesJob has to (re)make.
    /// </summary>
    public async Task<IReadOnlyList<Asset>> ImagesNeedingPyramidAsync(long companyId, long afterId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
             select {Columns} from assets a join companies c on c.id = a.company_id
             where a.company_id = @company and a.kind = 'Image' and a.id > @after and a.trash_state = 'NotInTrash'
               and not exists (select 1 from asset_renditions r
                               where r.asset_id = a.id and r.kind = 'Pyramid' and r.created_at >= a.modified_at)
             order by a.id
             """);
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("after", afterId);
        var found = new List<Asset>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(Read(reader));
        }

        return found;
    }

    /// <summary>
    /// Creates the asset, or replaces the one at the same path: row, facts, renditions and metadata in one
    /// transaction. Returns the asset and the storage keys it no longer uses (for the caller to delete once
    /// this committed).
    /// </summary>
    public async Task<(Asset Asset, IReadOnlyList<string> Replaced)> SaveAsync(AssetWrite write, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var replaced = new List<string>();
        long? existingId = null;
        // Lock the row being replaced, so two runs writing the same path take turns.
        await using (var find = new NpgsqlCommand(
            """
            select a.id, a.original_key,
                   coalesce((select array_agg(r.storage_key) from asset_renditions r where r.asset_id = a.id), array[]::text[])
            from assets a
            where a.company_id = @company
              and (case when @asset = 0 then a.folder = @folder and a.file_name = @name and a.trash_state = 'NotInTrash' else a.id = @asset end)
            for update of a
            """, connection, transaction))
        {
            find.Parameters.AddWithValue("company", write.CompanyId);
            find.Parameters.AddWithValue("folder", write.Folder);
            find.Parameters.AddWithValue("name", write.FileName);
            find.Parameters.AddWithValue("asset", write.AssetId ?? 0L);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                existingId = reader.GetInt64(0);
                replaced.Add(reader.GetString(1));
                replaced.AddRange(reader.GetFieldValue<string[]>(2));
            }
            else if (write.AssetId is { } gone)
            {
                throw new InvalidOperationException($"Asset {gone} is no longer there to update.");
            }
        }

        await using var upsert = new NpgsqlCommand(
            existingId is null
                ? """
                  insert into assets (company_id, folder, name, file_name, kind, size_bytes, checksum, original_key, width, height, format,
                                      color_space, page_count, duration_ms, codec, ready_for_publish, publish_state, created_by,
                                      last_modified_by, generated_from, generation_engine)
                  values (@company, @folder, @ipsName, @name, @kind, @size, @checksum, @key, @width, @height, @format,
                          @colorSpace, @pages, @duration, @codec, @ready, case when @ready then 'MarkedForPublish' else 'NotPublished' end,
                          @user, @user, @generatedFrom, @engine)
                  returning id, modified_at, ready_for_publish, publish_state, name
                  """
                : """
                  update assets set kind = @kind, size_bytes = @size, checksum = @checksum, original_key = @key, width = @width,
                                    height = @height, format = @format, color_space = @colorSpace, page_count = @pages,
                                    duration_ms = @duration, codec = @codec, modified_at = now(), last_modified = now(),
                                    last_modified_by = coalesce(@user, last_modified_by),
                                    generated_from = coalesce(@generatedFrom, generated_from),
                                    generation_engine = coalesce(@engine, generation_engine),
                                    ready_for_publish = case when @preserve then ready_for_publish else @ready end,
                                    publish_state = case when @preserve then publish_state
                                                         when @ready then 'MarkedForPublish' else 'NotPublished' end
                  where id = @id
                  returning id, modified_at, ready_for_publish, publish_state, name
                  """, connection, transaction);
        upsert.Parameters.AddWithValue("company", write.CompanyId);
        upsert.Parameters.AddWithValue("folder", write.Folder);
        upsert.Parameters.AddWithValue("name", write.FileName);
        upsert.Parameters.AddWithValue("ipsName", AssetNames.NameOf(write.FileName, write.Type));
        upsert.Parameters.AddWithValue("kind", write.Type.ToString());
        upsert.Parameters.AddWithValue("size", write.Size);
        upsert.Parameters.AddWithValue("checksum", write.Checksum);
        upsert.Parameters.AddWithValue("key", write.OriginalKey);
        upsert.Parameters.Add(Int("width", write.Facts.Width));
        upsert.Parameters.Add(Int("height", write.Facts.Height));
        upsert.Parameters.Add(Text("format", write.Facts.Format));
        upsert.Parameters.Add(Text("colorSpace", write.Facts.ColorSpace));
        upsert.Parameters.Add(Int("pages", write.Facts.PageCount));
        upsert.Parameters.Add(new NpgsqlParameter("duration", NpgsqlDbType.Bigint) { Value = (object?)write.Facts.DurationMs ?? DBNull.Value });
        upsert.Parameters.Add(Text("codec", write.Facts.Codec));
        upsert.Parameters.AddWithValue("ready", write.ReadyForPublish);
        upsert.Parameters.AddWithValue("preserve", write.PreservePublishState);
        upsert.Parameters.AddWithValue("id", existingId ?? 0L);
        upsert.Parameters.Add(Text("user", write.User));
        upsert.Parameters.Add(new NpgsqlParameter("generatedFrom", NpgsqlDbType.Bigint) { Value = (object?)write.GeneratedFrom ?? DBNull.Value });
        upsert.Parameters.Add(Text("engine", write.GenerationEngine));

        long id;
        DateTimeOffset modified;
        bool ready;
        string publishState;
        string ipsName;
        await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            id = reader.GetInt64(0);
            modified = reader.GetFieldValue<DateTimeOffset>(1);
            ready = reader.GetBoolean(2);
            publishState = reader.GetString(3);
            ipsName = reader.GetString(4);
        }

        await using (var clear = new NpgsqlBatch(connection, transaction))
        {
            foreach (var table in new[] { "asset_renditions", "asset_metadata" })
            {
                var delete = new NpgsqlBatchCommand($"delete from {table} where asset_id = @id");
                delete.Parameters.AddWithValue("id", id);
                clear.BatchCommands.Add(delete);
            }

            foreach (var rendition in write.Renditions)
            {
                var insert = new NpgsqlBatchCommand(
                    "insert into asset_renditions (asset_id, kind, name, storage_key, size_bytes, width, height) values (@id, @kind, @name, @key, @size, @width, @height)");
                insert.Parameters.AddWithValue("id", id);
                insert.Parameters.AddWithValue("kind", rendition.Kind);
                insert.Parameters.AddWithValue("name", rendition.Name);
                insert.Parameters.AddWithValue("key", rendition.StorageKey);
                insert.Parameters.AddWithValue("size", rendition.Size);
                insert.Parameters.Add(Int("width", rendition.Width));
                insert.Parameters.Add(Int("height", rendition.Height));
                clear.BatchCommands.Add(insert);
            }

            foreach (var (key, value) in write.Metadata)
            {
                var insert = new NpgsqlBatchCommand("insert into asset_metadata (asset_id, key, value) values (@id, @key, @value)");
                insert.Parameters.AddWithValue("id", id);
                insert.Parameters.AddWithValue("key", key);
                insert.Parameters.AddWithValue("value", value);
                clear.BatchCommands.Add(insert);
            }

            // Its files were noted as intents before they went into the store: they are this asset's from this commit on.
            clear.BatchCommands.Add(FileIntents.Settled([write.OriginalKey, .. write.Renditions.Select(r => r.StorageKey)]));
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var asset = new Asset(id, write.CompanyHandle, write.Folder, ipsName, write.FileName, write.Type, write.Size, write.Checksum,
            write.OriginalKey, ready, publishState, modified);
        return (asset, replaced);
    }

    /// <summary>
    /// Creates the set at folder/name, or updates the set there, with exactly these members in this order, in one
    /// transaction. Returns null, writing nothing, when an asset that is not a set already has that path.
    /// </summary>
    public async Task<(Asset Set, bool Created)?> SaveSetAsync(
        long companyId, string companyHandle, string folder, string name, AssetType type, IReadOnlyList<long> memberIds, bool readyForPublish,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long? existingId = null;
        await using (var find = new NpgsqlCommand(
            """
            select id, kind from assets
            where company_id = @company and folder = @folder and file_name = @name and trash_state = 'NotInTrash'
            for update
            """, connection, transaction))
        {
            find.Parameters.AddWithValue("company", companyId);
            find.Parameters.AddWithValue("folder", folder);
            find.Parameters.AddWithValue("name", name);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetString(1) is not (nameof(AssetType.ImageSet) or nameof(AssetType.SwatchSet) or nameof(AssetType.ECatalog)))
                {
                    return null;
                }

                existingId = reader.GetInt64(0);
            }
        }

        // A set has no file: no size, checksum or storage key of its own.
        await using var upsert = new NpgsqlCommand(
            existingId is null
                ? """
                  insert into assets (company_id, folder, name, file_name, kind, size_bytes, checksum, original_key, ready_for_publish, publish_state)
                  values (@company, @folder, @name, @name, @kind, 0, '', '', @ready, case when @ready then 'MarkedForPublish' else 'NotPublished' end)
                  returning id
                  """
                : """
                  update assets set kind = @kind, modified_at = now(), last_modified = now(), ready_for_publish = @ready,
                                    publish_state = case when @ready then 'MarkedForPublish' else publish_state end
                  where id = @id returning id
                  """, connection, transaction);
        upsert.Parameters.AddWithValue("company", companyId);
        upsert.Parameters.AddWithValue("folder", folder);
        upsert.Parameters.AddWithValue("name", name);
        upsert.Parameters.AddWithValue("kind", type.ToString());
        upsert.Parameters.AddWithValue("ready", readyForPublish);
        upsert.Parameters.AddWithValue("id", existingId ?? 0L);
        var id = (long)(await upsert.ExecuteScalarAsync(cancellationToken))!;

        await using (var members = new NpgsqlBatch(connection, transaction))
        {
            var clear = new NpgsqlBatchCommand("delete from set_members where set_id = @id");
            clear.Parameters.AddWithValue("id", id);
            members.BatchCommands.Add(clear);
            for (var position = 0; position < memberIds.Count; position++)
            {
                var insert = new NpgsqlBatchCommand("insert into set_members (set_id, position, member_id) values (@id, @position, @member)");
                insert.Parameters.AddWithValue("id", id);
                insert.Parameters.AddWithValue("position", position);
                insert.Parameters.AddWithValue("member", memberIds[position]);
                members.BatchCommands.Add(insert);
            }

            await members.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var set = await GetAsync(companyId, id, cancellationToken);
        return (set!, existingId is null);
    }

    /// <summary>The members of a set, in order.</summary>
    public async Task<IReadOnlyList<Asset>> SetMembersAsync(long companyId, long setId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
             select {Columns} from set_members m join assets a on a.id = m.member_id join companies c on c.id = a.company_id
             where m.set_id = @set and a.company_id = @company and a.trash_state <> 'InEmptiedTrash' order by m.position
             """);
        command.Parameters.AddWithValue("set", setId);
        command.Parameters.AddWithValue("company", companyId);
        var members = new List<Asset>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            members.Add(Read(reader));
        }

        return members;
    }

    /// <summary>Sets metadata values on an asset (a metadata file beside the images, extracted PDF words).</summary>
    public async Task SetMetadataAsync(long assetId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var (key, value) in values)
        {
            var upsert = new NpgsqlBatchCommand(
                "insert into asset_metadata (asset_id, key, value) values (@id, @key, @value) on conflict (asset_id, key) do update set value = excluded.value");
            upsert.Parameters.AddWithValue("id", assetId);
            upsert.Parameters.AddWithValue("key", key);
            upsert.Parameters.AddWithValue("value", value);
            batch.BatchCommands.Add(upsert);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> MetadataAsync(long assetId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select key, value from asset_metadata where asset_id = @id order by key");
        command.Parameters.AddWithValue("id", assetId);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values[reader.GetString(0)] = reader.GetString(1);
        }

        return values;
    }

    public async Task<IReadOnlyList<Rendition>> RenditionsAsync(long assetId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select kind, name, storage_key, size_bytes, width, height from asset_renditions where asset_id = @id order by kind, name");
        command.Parameters.AddWithValue("id", assetId);
        var renditions = new List<Rendition>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            renditions.Add(new Rendition(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetInt32(5)));
        }

        return renditions;
    }

    private static async Task<Asset?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>An asset from <see cref="Columns"/>, starting at column <paramref name="first"/>.</summary>
    public static Asset Read(NpgsqlDataReader reader, int first = 0) =>
        new(reader.GetInt64(first), reader.GetString(first + 1), reader.GetString(first + 2), reader.GetString(first + 3), reader.GetString(first + 4),
            Enum.Parse<AssetType>(reader.GetString(first + 5)), reader.GetInt64(first + 6), reader.GetString(first + 7), reader.GetString(first + 8),
            reader.GetBoolean(first + 9), reader.GetString(first + 10), reader.GetFieldValue<DateTimeOffset>(first + 11), reader.GetString(first + 12));

    private static NpgsqlParameter Int(string name, int? value) => new(name, NpgsqlDbType.Integer) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}
