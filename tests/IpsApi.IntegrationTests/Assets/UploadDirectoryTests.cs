using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Assets;

/// <summary>uploadDirectoryJob: the company's server directory read into the catalog, never outside it.</summary>
[Collection(ServerCollection.Name)]
public sealed class UploadDirectoryTests(ServerFixture server)
{
    [Fact]
    public async Task Files_of_the_server_directory_arrive_in_destFolder_with_subfolders_and_metadata()
    {
        var tenant = await server.NewTenantAsync();
        var source = Path.Combine(server.FoldersOf(tenant).Server, "incoming");
        Directory.CreateDirectory(Path.Combine(source, "shoes"));
        await File.WriteAllBytesAsync(Path.Combine(source, "banner.png"), TestMedia.SolidImage(400, 300, ".png"));
        await File.WriteAllBytesAsync(Path.Combine(source, "shoes", "red.jpg"), TestMedia.SolidImage(300, 300, ".jpg"));
        await File.WriteAllTextAsync(Path.Combine(source, "shoes", "shoes.metadata.tsv"), "name\ttitle\tseason\nred.jpg\tRed shoe\tspring\nblue.jpg\tBlue shoe\tsummer\n");

        var run = await UploadAsync(tenant, "dir", "incoming", "catalog", includeSubfolders: true, processMetadata: true);

        Assert.Equal(("Done", 2, 0, 2), (run.State, run.FileSuccess, run.FileError, run.TotalFiles));
        Assert.NotNull(await AssetRow.LoadAsync(server, tenant.CompanyHandle, "catalog/banner.png"));
        var red = (await AssetRow.LoadAsync(server, tenant.CompanyHandle, "catalog/shoes/red.jpg"))!;
        Assert.Equal("Red shoe", red.Metadata["title"]);
        Assert.Equal("spring", red.Metadata["season"]);
        Assert.Null(await AssetRow.LoadAsync(server, tenant.CompanyHandle, "catalog/shoes/shoes.metadata.tsv"));
        Assert.True(File.Exists(Path.Combine(source, "banner.png"))); // the server directory keeps its files
        var warning = (await server.DetailsAsync(run.Id)).Single(d => d.LogType == "UploadWarning");
        Assert.Equal(("shoes.metadata.tsv", "Metadata for 'blue.jpg' ignored: no such asset"), (warning.AssetName, warning.Message));
    }

    [Fact]
    public async Task Without_includeSubfolders_only_the_top_folder_is_read()
    {
        var tenant = await server.NewTenantAsync();
        var source = Path.Combine(server.FoldersOf(tenant).Server, "flat");
        Directory.CreateDirectory(Path.Combine(source, "deeper"));
        await File.WriteAllBytesAsync(Path.Combine(source, "top.png"), TestMedia.SolidImage(300, 300, ".png"));
        await File.WriteAllBytesAsync(Path.Combine(source, "deeper", "below.png"), TestMedia.SolidImage(300, 300, ".png"));

        var run = await UploadAsync(tenant, "flat", "flat", "", includeSubfolders: false, processMetadata: false);

        Assert.Equal(1, run.FileSuccess);
        Assert.Equal(1, await AssetRow.CountAsync(server, tenant.CompanyHandle));
    }

    [Fact]
    public async Task A_link_that_leaves_the_server_directory_is_not_followed()
    {
        var tenant = await server.NewTenantAsync();
        var outside = Directory.CreateTempSubdirectory("ipsapi-outside-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(outside, "secret.png"), TestMedia.SolidImage(300, 300, ".png"));
        var source = Path.Combine(server.FoldersOf(tenant).Server, "linked");
        Directory.CreateDirectory(source);
        File.CreateSymbolicLink(Path.Combine(source, "secret.png"), Path.Combine(outside, "secret.png"));
        Directory.CreateSymbolicLink(Path.Combine(source, "elsewhere"), outside);
        Directory.CreateSymbolicLink(Path.Combine(server.FoldersOf(tenant).Server, "escape"), outside);

        var linked = await UploadAsync(tenant, "linked", "linked", "", includeSubfolders: true, processMetadata: false);
        var escape = await UploadAsync(tenant, "escape", "escape", "", includeSubfolders: true, processMetadata: false);

        Assert.Equal((0, 0), (linked.FileSuccess, linked.TotalFiles));
        Assert.Equal((0, 1), (escape.FileSuccess, escape.FileError));
        Assert.Contains(await server.DetailsAsync(escape.Id), d => d.LogType == "UploadError"
            && d.Message == "The server directory 'escape' does not exist in the company's server folder");
        Assert.Equal(0, await AssetRow.CountAsync(server, tenant.CompanyHandle));
    }

    [Fact]
    public async Task A_folder_reached_through_a_link_that_leaves_the_server_directory_is_not_read()
    {
        var tenant = await server.NewTenantAsync();
        var outside = Directory.CreateTempSubdirectory("ipsapi-outside-").FullName;
        Directory.CreateDirectory(Path.Combine(outside, "sub"));
        await File.WriteAllBytesAsync(Path.Combine(outside, "sub", "secret.png"), TestMedia.SolidImage(300, 300, ".png"));
        var serverRoot = server.FoldersOf(tenant).Server;
        Directory.CreateDirectory(serverRoot);
        Directory.CreateSymbolicLink(Path.Combine(serverRoot, "lnk"), outside);

        var runs = new List<RunRow>();
        foreach (var (job, serverDir) in new[] { ("below", "lnk/sub"), ("slashed", "/lnk/sub/") })
        {
            runs.Add(await UploadAsync(tenant, job, serverDir, "", includeSubfolders: true, processMetadata: false));
        }

        foreach (var run in runs)
        {
            Assert.Equal((0, 1), (run.FileSuccess, run.FileError));
            Assert.Contains(await server.DetailsAsync(run.Id), d => d.LogType == "UploadError" && d.Message.StartsWith("The server directory", StringComparison.Ordinal));
        }

        Assert.Equal(0, await AssetRow.CountAsync(server, tenant.CompanyHandle));
    }

    [Fact]
    public async Task A_link_inside_the_server_directory_that_stays_inside_reads_the_folder_it_names()
    {
        var tenant = await server.NewTenantAsync();
        var serverRoot = server.FoldersOf(tenant).Server;
        Directory.CreateDirectory(Path.Combine(serverRoot, "real", "sub"));
        await File.WriteAllBytesAsync(Path.Combine(serverRoot, "real", "sub", "inside.png"), TestMedia.SolidImage(300, 300, ".png"));
        Directory.CreateSymbolicLink(Path.Combine(serverRoot, "alias"), Path.Combine(serverRoot, "real"));

        var run = await UploadAsync(tenant, "alias", "alias/sub", "in", includeSubfolders: false, processMetadata: false);

        Assert.Equal(("Done", 1), (run.State, run.FileSuccess));
        Assert.NotNull(await AssetRow.LoadAsync(server, tenant.CompanyHandle, "in/inside.png"));
    }

    [Fact]
    public async Task A_serverDir_that_climbs_out_is_refused_at_submit()
    {
        var tenant = await server.NewTenantAsync();
        var element = "<uploadDirectoryJob><serverDir>../../etc</serverDir><overwrite>true</overwrite><readyForPublish>false</readyForPublish>"
            + "<includeSubfolders>true</includeSubfolders><createMask>false</createMask><processMetadataFiles>false</processMetadataFiles>"
            + "<emailSetting>None</emailSetting></uploadDirectoryJob>";

        var response = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "climb", element)));

        Assert.Equal(30001, response.FaultCode);
        Assert.Contains("serverDir", response.FaultReason, StringComparison.Ordinal);
    }

    private async Task<RunRow> UploadAsync(TestTenant tenant, string jobName, string serverDir, string destFolder, bool includeSubfolders, bool processMetadata)
    {
        var element = $"<uploadDirectoryJob>{(destFolder.Length > 0 ? $"<destFolder>{destFolder}</destFolder>" : "")}<serverDir>{serverDir}</serverDir>"
            + "<overwrite>true</overwrite><readyForPublish>false</readyForPublish>"
            + $"<includeSubfolders>{(includeSubfolders ? "true" : "false")}</includeSubfolders><createMask>false</createMask>"
            + $"<processMetadataFiles>{(processMetadata ? "true" : "false")}</processMetadataFiles><emailSetting>None</emailSetting></uploadDirectoryJob>";
        await server.SubmitAsync(tenant, jobName, element);
        return await server.WaitForRunAsync(tenant, jobName, r => r.EndedAt is not null);
    }
}
