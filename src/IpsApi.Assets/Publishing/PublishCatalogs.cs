using System.Text.Json;
using IpsApi.Assets.Files;
using Npgsql;
using NpgsqlTypes;

namespace IpsApi.Assets.Publishing;

/// <summary>
/// The publish_catalogs and publish_entries tables and the published files under each company's publish/ folder.
/// Writers go through a <see cref="CatalogDraft"/>; readers see the current version only.
/// </summary>
public sealed class PublishCatalogs(NpgsqlDataSource dataSource, IFileStore files)
{
    internal const string EntryColumns =
        "e.name, e.display_name, e.asset_id, e.asset_type, e.folder, e.source, e.file, e.content_type, e.size_bytes, e.width, e.height, "
        + "e.modified, e.members, e.metadata::text, e.search_text";

    /// <summary>
    /// Starts a new version of the company's catalog of this kind. Publishes of one catalog take turns (a database
    /// lock held by the draft until it is disposed), so two jobs never build on the same version.
    /// </summary>
    public async Task<CatalogDraft> BeginAsync(long companyId, CompanyStorage company, CatalogKind kind, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var lockCommand = new NpgsqlCommand("select pg_advisory_lock(@key)", connection))
            {
                lockCommand.Parameters.AddWithValue("key", CatalogDraft.LockKey(companyId, kind));
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            // Rows of a version that never became current (its publish failed) are of no use to anyone.
            await using (var cleanup = new NpgsqlCommand(
                """
                delete from publish_entries where company_id = @company and kind = @kind
                  and version <> coalesce((select version from publish_catalogs where company_id = @company and kind = @kind), -1)
                """, connection))
            {
                cleanup.Parameters.AddWithValue("company", companyId);
                cleanup.Parameters.AddWithValue("kind", kind.ToString());
                await cleanup.ExecuteNonQueryAsync(cancellationToken);
            }

            long? version = null;
            DateTimeOffset? publishedAt = null;
            var searchable = false;
            await using (var current = new NpgsqlCommand(
                "select version, published_at, search from publish_catalogs where company_id = @company and kind = @kind", connection))
            {
                current.Parameters.AddWithValue("company", companyId);
                current.Parameters.AddWithValue("kind", kind.ToString());
                await using var reader = await current.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    version = reader.GetInt64(0);
                    publishedAt = reader.GetFieldValue<DateTimeOffset>(1);
                    searchable = reader.GetBoolean(2);
                }
            }

            var entries = new Dictionary<string, PublishedEntry>(StringComparer.Ordinal);
            if (version is not null)
            {
                await using var list = new NpgsqlCommand(
                    $"select {EntryColumns} from publish_entries e where e.company_id = @company and e.kind = @kind and e.version = @version", connection);
                list.Parameters.AddWithValue("company", companyId);
                list.Parameters.AddWithValue("kind", kind.ToString());
                list.Parameters.AddWithValue("version", version.Value);
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var entry = ReadEntry(reader, 0);
                    entries[entry.Name] = entry;
                }
            }

            long next;
            await using (var sequence = new NpgsqlCommand("select nextval('publish_versions')", connection))
            {
                next = (long)(await sequence.ExecuteScalarAsync(cancellationToken))!;
            }

            return new CatalogDraft(connection, files, companyId, company, kind, next, publishedAt, searchable, entries);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The entry named <paramref name="name"/> of the current version of a company's catalog; null when not published.</summary>
    public async Task<PublishedItem?> FindAsync(string companyHandle, CatalogKind kind, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
             select c.version, co.storage_folder, {EntryColumns}
             from companies co
             join publish_catalogs c on c.company_id = co.id and c.kind = @kind
             join publish_entries e on e.company_id = c.company_id and e.kind = c.kind and e.version = c.version
             where co.handle = @company and e.name = @name
             """);
        command.Parameters.AddWithValue("company", companyHandle);
        command.Parameters.AddWithValue("kind", kind.ToString());
        command.Parameters.AddWithValue("name", PublishedEntry.KeyOf(name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var entry = ReadEntry(reader, 2);
        return new PublishedItem(entry, reader.GetInt64(0), entry.File is null ? null : FilePath(new CompanyStorage(reader.GetString(1)), kind, entry.File));
    }

    /// <summary>
    /// The entry named <paramref name="name"/> in the first of <paramref name="kinds"/> that has one (current
    /// versions only); null when none does.
    /// </summary>
    public async Task<(CatalogKind Kind, PublishedItem Item)?> FindFirstAsync(
        string companyHandle, IReadOnlyList<CatalogKind> kinds, string name, CancellationToken cancellationToken)
    {
        var kindNames = kinds.Select(k => k.ToString()).ToArray();
        await using var command = dataSource.CreateCommand(
            $"""
             select c.version, c.kind, co.storage_folder, {EntryColumns}
             from companies co
             join publish_catalogs c on c.company_id = co.id and c.kind = any(@kinds)
             join publish_entries e on e.company_id = c.company_id and e.kind = c.kind and e.version = c.version
             where co.handle = @company and e.name = @name
             order by array_position(@kinds, c.kind) limit 1
             """);
        command.Parameters.AddWithValue("company", companyHandle);
        command.Parameters.AddWithValue("kinds", kindNames);
        command.Parameters.AddWithValue("name", PublishedEntry.KeyOf(name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var kind = Enum.Parse<CatalogKind>(reader.GetString(1));
        var entry = ReadEntry(reader, 3);
        return (kind, new PublishedItem(entry, reader.GetInt64(0), entry.File is null ? null : FilePath(new CompanyStorage(reader.GetString(2)), kind, entry.File)));
    }

    /// <summary>Every entry of the current version, in name order (a sitemap, a metadata index).</summary>
    public async Task<IReadOnlyList<PublishedEntry>> ListAsync(long companyId, CatalogKind kind, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
             select {EntryColumns}
             from publish_catalogs c
             join publish_entries e on e.company_id = c.company_id and e.kind = c.kind and e.version = c.version
             where c.company_id = @company and c.kind = @kind order by e.name
             """);
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("kind", kind.ToString());
        var entries = new List<PublishedEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadEntry(reader, 0));
        }

        return entries;
    }

    /// <summary>
    /// Names of entries of the current version whose search index holds every word; empty when the version was
    /// not published with search.
    /// </summary>
    public async Task<IReadOnlyList<string>> SearchAsync(string companyHandle, CatalogKind kind, IReadOnlyList<string> words, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select e.display_name
            from companies co
            join publish_catalogs c on c.company_id = co.id and c.kind = @kind and c.search
            join publish_entries e on e.company_id = c.company_id and e.kind = c.kind and e.version = c.version
            where co.handle = @company
              and (select bool_and(strpos(e.search_text, w) > 0) from unnest(@words) w)
            order by e.name limit @limit
            """);
        command.Parameters.AddWithValue("company", companyHandle);
        command.Parameters.AddWithValue("kind", kind.ToString());
        command.Parameters.AddWithValue("words", words.Select(w => w.ToLowerInvariant()).ToArray());
        command.Parameters.AddWithValue("limit", limit);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>The local path of a published file.</summary>
    public string FilePath(CompanyStorage company, CatalogKind kind, string file) => files.LocalPath(company.Published(kind.Folder(), file));

    internal static PublishedEntry ReadEntry(NpgsqlDataReader reader, int first)
    {
        int? OptionalInt(int i) => reader.IsDBNull(first + i) ? null : reader.GetInt32(first + i);
        string? OptionalText(int i) => reader.IsDBNull(first + i) ? null : reader.GetString(first + i);
        return new PublishedEntry(
            reader.GetString(first), reader.GetString(first + 1), reader.IsDBNull(first + 2) ? null : reader.GetInt64(first + 2),
            reader.GetString(first + 3), reader.GetString(first + 4), reader.GetString(first + 5), OptionalText(6), OptionalText(7),
            reader.GetInt64(first + 8), OptionalInt(9), OptionalInt(10), reader.GetFieldValue<DateTimeOffset>(first + 11),
            reader.IsDBNull(first + 12) ? null : reader.GetFieldValue<string[]>(first + 12),
            OptionalText(13) is { } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) : null,
            OptionalText(14));
    }

    internal static void WriteEntry(NpgsqlBinaryImporter importer, long companyId, CatalogKind kind, long version, PublishedEntry entry)
    {
        importer.StartRow();
        importer.Write(companyId, NpgsqlDbType.Bigint);
        importer.Write(kind.ToString(), NpgsqlDbType.Text);
        importer.Write(version, NpgsqlDbType.Bigint);
        importer.Write(entry.Name, NpgsqlDbType.Text);
        importer.Write(entry.DisplayName, NpgsqlDbType.Text);
        WriteOrNull(importer, entry.AssetId, NpgsqlDbType.Bigint);
        importer.Write(entry.AssetType, NpgsqlDbType.Text);
        importer.Write(entry.Folder, NpgsqlDbType.Text);
        importer.Write(entry.Source, NpgsqlDbType.Text);
        WriteOrNull(importer, entry.File, NpgsqlDbType.Text);
        WriteOrNull(importer, entry.ContentType, NpgsqlDbType.Text);
        importer.Write(entry.Size, NpgsqlDbType.Bigint);
        WriteOrNull(importer, entry.Width, NpgsqlDbType.Integer);
        WriteOrNull(importer, entry.Height, NpgsqlDbType.Integer);
        importer.Write(entry.Modified, NpgsqlDbType.TimestampTz);
        WriteOrNull(importer, entry.Members?.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        WriteOrNull(importer, entry.Metadata is null ? null : JsonSerializer.Serialize(entry.Metadata), NpgsqlDbType.Jsonb);
        WriteOrNull(importer, entry.SearchText, NpgsqlDbType.Text);
    }

    private static void WriteOrNull(NpgsqlBinaryImporter importer, long? value, NpgsqlDbType type)
    {
        if (value is { } number)
        {
            importer.Write(number, type);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static void WriteOrNull(NpgsqlBinaryImporter importer, int? value, NpgsqlDbType type)
    {
        if (value is { } number)
        {
            importer.Write(number, type);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static void WriteOrNull<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : class
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }
}
