using System.Security;
using System.Xml.Linq;
using IpsApi.Assets.Files;
using IpsApi.Assets.Store;
using IpsApi.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static IpsApi.IntegrationTests.Companies.Calls;

namespace IpsApi.IntegrationTests.AssetOperations;

/// <summary>
/// What the asset operation tests share: assets written through the server's own store (a real original file under
/// the storage root, rows as ingest writes them) when a test needs many of them quickly, and the calls as XML.
/// </summary>
internal static class AssetSteps
{
    public static string Company(TestTenant tenant) => Text("companyHandle", tenant.CompanyHandle);

    public static string Items(params string[] values) => string.Concat(values.Select(v => $"<items>{SecurityElement.Escape(v)}</items>"));

    public static string Array(string name, params string[] values) => $"<{name}>{Items(values)}</{name}>";

    /// <summary>
    /// An asset at <paramref name="path"/> (folder and file name) of the tenant's company, with a small original file;
    /// <paramref name="ripFrom"/> makes it a page ripped from that PDF, as ripPdfsJob records one.
    /// </summary>
    public static async Task<AssetRow> AddAsync(
        ServerFixture server, TestTenant tenant, string path, AssetType type = AssetType.Image, IReadOnlyDictionary<string, string>? metadata = null,
        int size = 100, bool readyForPublish = false, string? user = null, long? ripFrom = null)
    {
        var (companyId, storageFolder) = await CompanyAsync(server, tenant);
        var folder = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
        var fileName = path[(path.LastIndexOf('/') + 1)..];
        var files = server.Services.GetRequiredService<IFileStore>();
        var storage = new CompanyStorage(storageFolder);
        var work = files.CreateWorkFolder(storage);
        var source = Path.Combine(work, "original");
        await File.WriteAllBytesAsync(source, new byte[size]);
        var key = storage.Original(Guid.NewGuid().ToString("N")[..12], fileName);
        var stored = await files.PutAsync(key, source, CancellationToken.None);
        Directory.Delete(work, recursive: true);
        await server.Services.GetRequiredService<AssetStore>().SaveAsync(new AssetWrite(
            companyId, tenant.CompanyHandle, folder, fileName, type, stored.Size, stored.Sha256, key,
            type == AssetType.Image ? new AssetFacts(64, 48, "jpeg", "srgb") : new AssetFacts(), readyForPublish, PreservePublishState: false, [],
            metadata ?? new Dictionary<string, string>(), user ?? tenant.Email, ripFrom, ripFrom is null ? null : "PostScriptRip"), CancellationToken.None);
        return await AssetRow.LoadAsync(server, tenant.CompanyHandle, path) ?? throw new InvalidOperationException($"no asset {path}");
    }

    public static async Task<(long Id, string StorageFolder)> CompanyAsync(ServerFixture server, TestTenant tenant)
    {
        await using var command = server.Db.CreateCommand("select id, storage_folder from companies where handle = @handle");
        command.Parameters.AddWithValue("handle", tenant.CompanyHandle);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetString(1));
    }

    public static string Handle(TestTenant tenant, AssetRow asset) => $"a|{tenant.CompanyHandle}|{asset.Id}";

    /// <summary>The items of an array of a Return element.</summary>
    public static List<XElement> ItemsOf(XElement answer, string array) =>
        answer.Element(Ips + array)?.Elements(Ips + "items").ToList() ?? [];

    public static string Field(XElement item, string name) => (string?)item.Element(Ips + name) ?? throw new InvalidOperationException($"no {name} in {item}");

    /// <summary>The names of the assets of a Return's assetArray, in order.</summary>
    public static List<string> Names(XElement answer, string array = "assetArray") => [.. ItemsOf(answer, array).Select(i => Field(i, "name"))];

    /// <summary>searchAssets with the given inner elements; the names found and totalRows.</summary>
    public static async Task<(List<string> Names, int Total)> SearchAsync(ServerFixture server, TestTenant tenant, string inner)
    {
        var answer = await OkAsync(server, tenant, "searchAssets", Company(tenant) + inner);
        return (Names(answer), (int?)answer.Element(Ips + "totalRows") ?? -1);
    }

    /// <summary>searchAssets as one comparable value: the names found, comma-separated, and totalRows.</summary>
    public static async Task<(string Names, int Total)> FoundAsync(ServerFixture server, TestTenant tenant, string inner) =>
        await SearchAsync(server, tenant, inner) is var (names, total) ? (string.Join(",", names), total) : default;

    /// <summary>The counts and per-asset details of a batch operation's answer.</summary>
    public static (int Success, int Warning, int Error, List<string> Reasons) Counts(XElement answer) =>
        ((int)answer.Element(Ips + "successCount")!, (int)answer.Element(Ips + "warningCount")!, (int)answer.Element(Ips + "errorCount")!,
            [.. ItemsOf(answer, "warningDetailArray").Concat(ItemsOf(answer, "errorDetailArray")).Select(i => Field(i, "reason"))]);

    public static (int Success, int Warning, int Error) Tally(XElement answer) => Counts(answer) is var (s, w, e, _) ? (s, w, e) : default;

    /// <summary>An asset row as stored right now (whatever its path), or null once it is gone.</summary>
    public static async Task<(string Name, string FileName, string Folder, string TrashState, bool Ready)?> RowAsync(ServerFixture server, long id)
    {
        await using var command = server.Db.CreateCommand("select name, file_name, folder, trash_state, ready_for_publish from assets where id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4))
            : null;
    }

    public static async Task<Dictionary<string, string>> MetadataAsync(ServerFixture server, long id)
    {
        await using var command = server.Db.CreateCommand("select key, value from asset_metadata where asset_id = @id");
        command.Parameters.AddWithValue("id", id);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values[reader.GetString(0)] = reader.GetString(1);
        }

        return values;
    }
}
