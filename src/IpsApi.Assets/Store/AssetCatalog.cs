using Npgsql;

namespace IpsApi.Assets.Store;

/// <summary>An asset as the asset operations show it: its row, where it is, who made and changed it.</summary>
public sealed record AssetView(
    long Id,
    string Folder,
    long? FolderId,
    string Name,
    string FileName,
    AssetType Kind,
    string TypeName,
    string TrashState,
    bool ReadyForPublish,
    DateTimeOffset Created,
    string? CreatedBy,
    DateTimeOffset LastModified,
    string? LastModifiedBy,
    long Size,
    int? Width,
    int? Height,
    IReadOnlyDictionary<string, string>? Metadata)
{
    public string? SubType => AssetTypeNames.SubTypeOf(Kind);
}

/// <summary>A rendition listed with its asset: kind (Mask, Thumbnail, Page, Encode), name and pixel size.</summary>
public sealed record RenditionView(long AssetId, string Kind, string Name, long Size, int? Width, int? Height);

/// <summary>
/// Reads of a company's asset catalog for the asset operations: by handle, by name, by search, counted, and how
/// assets hang together. Every read is scoped to one company; assets emptied from the trash are never read.
/// </summary>
public sealed class AssetCatalog(NpgsqlDataSource dataSource)
{
    /// <summary>Most assets one list or page answers with.</summary>
    public const int MaxAssets = 10_000;

    private const string ViewColumns =
        """
        a.id, a.folder, f.id, a.name, a.file_name, a.kind, a.type_name, a.trash_state, a.ready_for_publish, a.created_at, a.created_by,
        a.last_modified, a.last_modified_by, a.size_bytes, a.width, a.height
        """;

    private const string MetadataColumns = ", md.keys, md.values";

    private const string MetadataJoin =
        """
        left join lateral (select array_agg(m.key order by m.key) as keys, array_agg(m.value order by m.key) as values
                           from asset_metadata m where m.asset_id = a.id) md on true
        """;

    /// <summary>
    /// The assets the filter takes, in name order, at most <paramref name="limit"/>; with their metadata when
    /// <paramref name="withMetadata"/>.
    /// </summary>
    public async Task<IReadOnlyList<AssetView>> ListAsync(
        long companyId, string companyName, AssetFilter filter, bool withMetadata, int limit, CancellationToken cancellationToken)
    {
        await using var command = ListCommand(companyId, companyName, filter, withMetadata, limit);
        return (await ReadAsync(command, withMetadata, hasTotal: false, cancellationToken)).Assets;
    }

    /// <summary>The one statement <see cref="ListAsync"/> runs (the search benchmark runs it directly and reads its plan).</summary>
    public NpgsqlCommand ListCommand(long companyId, string companyName, AssetFilter filter, bool withMetadata, int limit)
    {
        var command = dataSource.CreateCommand();
        var sql = new AssetSql(command, companyName + "/");
        command.CommandText = PageFirst("", sql.Where(companyId, filter), AssetSql.OrderBy(AssetSort.Name, false), $"limit {sql.Param(limit)}", withMetadata);
        return command;
    }

    /// <summary>One page of what the filter takes, and how many assets it takes in all.</summary>
    public async Task<(IReadOnlyList<AssetView> Assets, long Total)> SearchAsync(
        long companyId, string companyName, AssetFilter filter, AssetPage page, bool withMetadata, CancellationToken cancellationToken)
    {
        await using var command = SearchCommand(companyId, companyName, filter, page, withMetadata);
        var (assets, total) = await ReadAsync(command, withMetadata, hasTotal: true, cancellationToken);
        if (assets.Count == 0 && page.Page > 1)
        {
            total = await CountAsync(companyId, companyName, filter, cancellationToken);
        }

        return (assets, total);
    }

    /// <summary>
    /// The one statement <see cref="SearchAsync"/> runs: the page and, with each row, the total (only a page past the
    /// end needs a count of its own).
    /// </summary>
    public NpgsqlCommand SearchCommand(long companyId, string companyName, AssetFilter filter, AssetPage page, bool withMetadata)
    {
        var command = dataSource.CreateCommand();
        var sql = new AssetSql(command, companyName + "/");
        command.CommandText = PageFirst(
            "count(*) over () as total_rows, ", sql.Where(companyId, filter), AssetSql.OrderBy(page.Sort, page.Descending),
            $"limit {sql.Param(page.PageSize)} offset {sql.Param((long)(page.Page - 1) * page.PageSize)}", withMetadata);
        return command;
    }

    /// <summary>
    /// The page is chosen from the assets alone and only its rows are joined to their folder and metadata: a filter
    /// that takes a few hundred assets for a page of 100 looks up 100 folders and metadata sets, not all of them.
    /// </summary>
    private static string PageFirst(string total, string where, string orderBy, string window, bool withMetadata) =>
        $"""
         select {(total.Length > 0 ? "a.total_rows, " : "")}{ViewColumns}{(withMetadata ? MetadataColumns : "")}
         from (select {total}a.* from assets a where {where} order by {orderBy} {window}) a
         left join folders f on f.company_id = a.company_id and f.path = a.folder
         {(withMetadata ? MetadataJoin : "")}
         order by {orderBy}
         """;

    public async Task<long> CountAsync(long companyId, string companyName, AssetFilter filter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var sql = new AssetSql(command, companyName + "/");
        command.CommandText = $"select count(*) from assets a where {sql.Where(companyId, filter)}";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>How many live assets of each type the company has, the types in name order.</summary>
    public async Task<IReadOnlyList<(string TypeName, long Count)>> CountByTypeAsync(long companyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select type_name, count(*) from assets where company_id = @company and trash_state = 'NotInTrash'
            group by type_name order by type_name
            """);
        command.Parameters.AddWithValue("company", companyId);
        var counts = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return counts;
    }

    /// <summary>The live sets (image and swatch sets, eCatalogs) that have the asset as a member, in name order.</summary>
    public Task<IReadOnlyList<AssetView>> ContainersAsync(long companyId, long assetId, bool withMetadata, CancellationToken cancellationToken) =>
        RelatedAsync(withMetadata, "join set_members s on s.set_id = a.id where s.member_id = @asset and a.company_id = @company",
            "order by a.name, a.id", companyId, assetId, cancellationToken);

    /// <summary>A set's live members, in the set's order.</summary>
    public Task<IReadOnlyList<AssetView>> MembersAsync(long companyId, long setId, bool withMetadata, CancellationToken cancellationToken) =>
        RelatedAsync(withMetadata, "join set_members s on s.member_id = a.id where s.set_id = @asset and a.company_id = @company",
            "order by s.position", companyId, setId, cancellationToken);

    /// <summary>The live assets a job generated from this one (the pages ripped from a PDF), in name order.</summary>
    public Task<IReadOnlyList<AssetView>> GeneratedAsync(long companyId, long assetId, bool withMetadata, CancellationToken cancellationToken) =>
        RelatedAsync(withMetadata, "where a.generated_from = @asset and a.company_id = @company", "order by a.name, a.id",
            companyId, assetId, cancellationToken);

    /// <summary>The live asset this one was generated from, if any, and the engine that made it.</summary>
    public async Task<(AssetView Source, string Engine)?> GeneratorAsync(
        long companyId, long assetId, bool withMetadata, CancellationToken cancellationToken)
    {
        var found = await RelatedAsync(withMetadata,
            "join assets g on g.generated_from = a.id where g.id = @asset and a.company_id = @company", "", companyId, assetId, cancellationToken);
        if (found.Count == 0)
        {
            return null;
        }

        await using var command = dataSource.CreateCommand("select coalesce(generation_engine, '') from assets where id = @id");
        command.Parameters.AddWithValue("id", assetId);
        return (found[0], (string)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    /// <summary>The renditions made from the asset that clients can tell apart: masks, thumbnails, page images, encodes.</summary>
    public async Task<IReadOnlyList<RenditionView>> RenditionsAsync(long assetId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select asset_id, kind, name, size_bytes, width, height from asset_renditions
            where asset_id = @id and kind in ('Mask', 'Thumbnail', 'Page', 'Encode') order by kind, name
            """);
        command.Parameters.AddWithValue("id", assetId);
        var list = new List<RenditionView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new RenditionView(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetInt32(5)));
        }

        return list;
    }

    /// <summary>The metadata fields the company uses on assets of these stored types (all types: null), by name.</summary>
    public async Task<IReadOnlyList<string>> MetadataFieldsAsync(long companyId, IReadOnlyCollection<string>? typeNames, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select distinct key from metadata_fields
            where company_id = @company and (@types::text[] is null or type_name = any(@types))
            order by key
            """);
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.Add(new NpgsqlParameter("types", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text)
        {
            Value = typeNames is null ? DBNull.Value : typeNames.ToArray(),
        });
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private async Task<IReadOnlyList<AssetView>> RelatedAsync(
        bool withMetadata, string from, string orderBy, long companyId, long assetId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
             select {ViewColumns}{(withMetadata ? MetadataColumns : "")}
             from assets a left join folders f on f.company_id = a.company_id and f.path = a.folder
             {(withMetadata ? MetadataJoin : "")}
             {from} and a.trash_state = 'NotInTrash'
             {orderBy}
             limit {MaxAssets}
             """);
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("asset", assetId);
        return (await ReadAsync(command, withMetadata, hasTotal: false, cancellationToken)).Assets;
    }

    private static async Task<(IReadOnlyList<AssetView> Assets, long Total)> ReadAsync(
        NpgsqlCommand command, bool withMetadata, bool hasTotal, CancellationToken cancellationToken)
    {
        var list = new List<AssetView>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var o = hasTotal ? 1 : 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (hasTotal)
            {
                total = reader.GetInt64(0);
            }

            Dictionary<string, string>? metadata = null;
            if (withMetadata)
            {
                metadata = new Dictionary<string, string>(StringComparer.Ordinal);
                if (!reader.IsDBNull(o + 16))
                {
                    var keys = reader.GetFieldValue<string[]>(o + 16);
                    var values = reader.GetFieldValue<string[]>(o + 17);
                    for (var i = 0; i < keys.Length; i++)
                    {
                        metadata[keys[i]] = values[i];
                    }
                }
            }

            list.Add(new AssetView(
                reader.GetInt64(o), reader.GetString(o + 1), reader.IsDBNull(o + 2) ? null : reader.GetInt64(o + 2), reader.GetString(o + 3),
                reader.GetString(o + 4), Enum.Parse<AssetType>(reader.GetString(o + 5)), reader.GetString(o + 6), reader.GetString(o + 7),
                reader.GetBoolean(o + 8), reader.GetFieldValue<DateTimeOffset>(o + 9), reader.IsDBNull(o + 10) ? null : reader.GetString(o + 10),
                reader.GetFieldValue<DateTimeOffset>(o + 11), reader.IsDBNull(o + 12) ? null : reader.GetString(o + 12), reader.GetInt64(o + 13),
                reader.IsDBNull(o + 14) ? null : reader.GetInt32(o + 14), reader.IsDBNull(o + 15) ? null : reader.GetInt32(o + 15), metadata));
        }

        return (list, total);
    }
}
