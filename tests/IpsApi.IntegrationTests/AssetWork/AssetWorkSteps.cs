using System.Security;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.AssetWork;

/// <summary>The steps the asset work tests share: assets made by a real upload, a job run to its end.</summary>
internal static class AssetWorkSteps
{
    /// <summary>Serves the files and uploads them through uploadUrlsJob, so the assets are exactly what ingest makes.</summary>
    public static async Task UploadAsync(
        ServerFixture server, TestTenant tenant, IReadOnlyList<(string Dest, byte[] Content)> files, bool readyForPublish = false, string extra = "")
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var items = string.Concat(files.Select(f =>
            $"<items><sourceUrl>{SecurityElement.Escape(server.Files.Add($"{id}/{f.Dest}", f.Content))}</sourceUrl>"
            + $"<destPath>{SecurityElement.Escape(f.Dest)}</destPath></items>"));
        var run = await RunAsync(server, tenant, $"upload {id}",
            $"<uploadUrlsJob><urlArray>{items}</urlArray><overwrite>true</overwrite><readyForPublish>{Bool(readyForPublish)}</readyForPublish>"
            + $"<createMask>false</createMask>{extra}<emailSetting>None</emailSetting></uploadUrlsJob>");
        Assert.Equal(("Done", files.Count), (run.State, run.FileSuccess + run.FileUpdate));
    }

    /// <summary>Submits the job and waits for its run to end.</summary>
    public static async Task<RunRow> RunAsync(ServerFixture server, TestTenant tenant, string jobName, string element)
    {
        await server.SubmitAsync(tenant, jobName, element);
        var runs = await Eventually.WaitAsync(() => server.RunsAsync(tenant, jobName), r => r.Any(x => x.EndedAt is not null),
            $"the run of {jobName}", 120);
        return runs.First(r => r.EndedAt is not null);
    }

    public static async Task<AssetRow> AssetAsync(ServerFixture server, TestTenant tenant, string path) =>
        await AssetRow.LoadAsync(server, tenant.CompanyHandle, path) ?? throw new Xunit.Sdk.XunitException($"no asset {path}");

    public static string Handle(TestTenant tenant, AssetRow asset) => $"a|{tenant.CompanyHandle}|{asset.Id}";

    public static string Handles(IEnumerable<string> handles) =>
        string.Concat(handles.Select(h => $"<items>{SecurityElement.Escape(h)}</items>"));

    public static string Stored(ServerFixture server, string key) => Path.Combine(server.StorageRoot, key);

    /// <summary>Width and height of each level of a pyramid TIFF, largest first.</summary>
    public static IReadOnlyList<(int Width, int Height)> Levels(string tiff)
    {
        using var first = NetVips.Image.NewFromFile(tiff);
        var pages = first.Contains("n-pages") ? (int)first.Get("n-pages") : 1;
        return Enumerable.Range(0, pages).Select(p => TestMedia.Size(tiff, p)).Select(s => (s.Width, s.Height)).ToList();
    }

    /// <summary>One directory (pyramid level) of a TIFF as libtiff's tiffinfo describes it.</summary>
    public sealed record TiffLevel(int Width, int Height, int? TileWidth, int? TileHeight, string Compression, bool ReducedResolution);

    /// <summary>
    /// Every directory of a TIFF, read by libtiff's own <c>tiffinfo</c>: an independent reader, so a tile table or
    /// size tag the server's writer got wrong shows here as it would to any other TIFF reader.
    /// </summary>
    public static async Task<IReadOnlyList<TiffLevel>> TiffLevelsAsync(string tiff)
    {
        var start = new System.Diagnostics.ProcessStartInfo("tiffinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tiff);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0 && errors.Length == 0, $"tiffinfo: {errors}");
        var levels = new List<TiffLevel>();
        foreach (var directory in output.Split("TIFF Directory at offset", StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            int? Number(string pattern) =>
                System.Text.RegularExpressions.Regex.Match(directory, pattern) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
            var compression = System.Text.RegularExpressions.Regex.Match(directory, @"Compression Scheme: (.+)").Groups[1].Value.Trim();
            levels.Add(new TiffLevel(Number(@"Image Width: (\d+)")!.Value, Number(@"Image Length: (\d+)")!.Value, Number(@"Tile Width: (\d+)"),
                Number(@"Tile Length: (\d+)"), compression, directory.Contains("reduced-resolution image", StringComparison.Ordinal)));
        }

        return levels;
    }

    /// <summary>The file names of a set's members, in the set's order.</summary>
    public static async Task<IReadOnlyList<string>> MembersAsync(ServerFixture server, long setId)
    {
        await using var command = server.Db.CreateCommand(
            "select a.file_name from set_members m join assets a on a.id = m.member_id where m.set_id = @set order by m.position");
        command.Parameters.AddWithValue("set", setId);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public static string Bool(bool value) => value ? "true" : "false";
}
