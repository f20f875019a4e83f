namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>
/// An asset as stored, with its renditions and metadata: what a user of the catalog would look at. <see cref="Name"/>
/// is its IPS name, <see cref="FileName"/> its file name with the extension.
/// </summary>
public sealed record AssetRow(
    long Id, string Folder, string Name, string FileName, string TrashState, string Kind, long Size, string Checksum, string OriginalKey,
    int? Width, int? Height, string? Format, int? PageCount, long? DurationMs, string? Codec,
    bool ReadyForPublish, string PublishState, DateTimeOffset Modified,
    IReadOnlyDictionary<string, string> Renditions, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>The live asset at the path (folder and file name), or the one in the trash there when no live one is.</summary>
    public static async Task<AssetRow?> LoadAsync(ServerFixture server, string companyHandle, string path)
    {
        var folder = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
        var name = path[(path.LastIndexOf('/') + 1)..];
        await using var command = server.Db.CreateCommand(
            """
            select a.id, a.folder, a.name, a.file_name, a.trash_state, a.kind, a.size_bytes, a.checksum, a.original_key, a.width, a.height, a.format,
                   a.page_count, a.duration_ms, a.codec, a.ready_for_publish, a.publish_state, a.modified_at,
                   (select coalesce(jsonb_object_agg(r.kind || ':' || r.name, r.storage_key), '{}') from asset_renditions r where r.asset_id = a.id)::text,
                   (select coalesce(jsonb_object_agg(m.key, m.value), '{}') from asset_metadata m where m.asset_id = a.id)::text
            from assets a join companies c on c.id = a.company_id
            where c.handle = @company and a.folder = @folder and a.file_name = @name
            order by a.trash_state = 'NotInTrash' desc, a.id desc
            limit 1
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
        return new AssetRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.GetString(5), reader.GetInt64(6), reader.GetString(7), reader.GetString(8), Int(9), Int(10),
            reader.IsDBNull(11) ? null : reader.GetString(11), Int(12), reader.IsDBNull(13) ? null : reader.GetInt64(13),
            reader.IsDBNull(14) ? null : reader.GetString(14), reader.GetBoolean(15), reader.GetString(16), reader.GetFieldValue<DateTimeOffset>(17),
            System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(18))!,
            System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(19))!);
    }

    public static async Task<long> CountAsync(ServerFixture server, string companyHandle)
    {
        await using var command = server.Db.CreateCommand(
            "select count(*) from assets a join companies c on c.id = a.company_id where c.handle = @company");
        command.Parameters.AddWithValue("company", companyHandle);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
