namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>An asset as stored, with its renditions and metadata: what a user of the catalog would look at.</summary>
public sealed record AssetRow(
    long Id, string Folder, string Name, string Kind, long Size, string Checksum, string OriginalKey,
    int? Width, int? Height, string? Format, int? PageCount, long? DurationMs, string? Codec,
    bool ReadyForPublish, string PublishState, DateTimeOffset Modified,
    IReadOnlyDictionary<string, string> Renditions, IReadOnlyDictionary<string, string> Metadata)
{
    public static async Task<AssetRow?> LoadAsync(ServerFixture server, string companyHandle, string path)
    {
        var folder = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
        var name = path[(path.LastIndexOf('/') + 1)..];
        await using var command = server.Db.CreateCommand(
            """
            select a.id, a.folder, a.name, a.kind, a.size_bytes, a.checksum, a.original_key, a.width, a.height, a.format,
                   a.page_count, a.duration_ms, a.codec, a.ready_for_publish, a.publish_state, a.modified_at,
                   (select coalesce(jsonb_object_agg(r.kind || ':' || r.name, r.storage_key), '{}') from asset_renditions r where r.asset_id = a.id)::text,
                   (select coalesce(jsonb_object_agg(m.key, m.value), '{}') from asset_metadata m where m.asset_id = a.id)::text
            from assets a join companies c on c.id = a.company_id
            where c.handle = @company and a.folder = @folder and a.name = @name
            """);
        command.Parameters.AddWithValue("company", companyHandle);
        command.Parameters.AddWithValue("folder", folder);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        int? Int(int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);
        return new AssetRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
            reader.GetString(5), reader.GetString(6), Int(7), Int(8), reader.IsDBNull(9) ? null : reader.GetString(9), Int(10),
            reader.IsDBNull(11) ? null : reader.GetInt64(11), reader.IsDBNull(12) ? null : reader.GetString(12), reader.GetBoolean(13),
            reader.GetString(14), reader.GetFieldValue<DateTimeOffset>(15),
            System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(16))!,
            System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(17))!);
    }

    public static async Task<long> CountAsync(ServerFixture server, string companyHandle)
    {
        await using var command = server.Db.CreateCommand(
            "select count(*) from assets a join companies c on c.id = a.company_id where c.handle = @company");
        command.Parameters.AddWithValue("company", companyHandle);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
