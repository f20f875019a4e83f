using IpsApi.IntegrationTests.AssetWork;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Interop.Calls;
using IpsApi.IntegrationTests.Publishing;
using static IpsApi.IntegrationTests.AssetOperations.AssetSteps;
using static IpsApi.IntegrationTests.Companies.Calls;

namespace IpsApi.IntegrationTests.AssetOperations;

/// <summary>The trash: deleted assets leave searches and jobs, come back when restored, and go for good (files too) when emptied.</summary>
[Collection(ServerCollection.Name)]
public sealed class TrashTests(ServerFixture server)
{
    [Fact]
    public async Task A_deleted_asset_is_only_found_in_the_trash_until_it_is_restored()
    {
        var tenant = await server.NewTenantAsync();
        var asset = await AddAsync(server, tenant, "t/gone.jpg");
        await AddAsync(server, tenant, "t/stays.jpg");
        var handle = Handle(tenant, asset);

        await OkAsync(server, tenant, "deleteAsset", Company(tenant) + Text("assetHandle", handle));

        Assert.Equal(("stays", 1), await FoundAsync(server, tenant, Text("folder", "t")));
        Assert.Equal(("gone", 1), await FoundAsync(server, tenant, Text("folder", "t") + "<trashState>InTrash</trashState>"));
        Assert.Equal(("gone,stays", 2), await FoundAsync(server, tenant, Text("folder", "t") + "<trashState>Any</trashState>"));
        Assert.Equal("InTrash", (await RowAsync(server, asset.Id))!.Value.TrashState);
        Assert.True(File.Exists(AssetWorkSteps.Stored(server, asset.OriginalKey)));
        var renamed = await FaultAsync(server, tenant, "renameAsset", Company(tenant) + Text("assetHandle", handle) + Text("newName", "x") + "<validateName>false</validateName>");
        Assert.Equal(30001, renamed.Code);
        Assert.Contains("in the trash", renamed.Reason, StringComparison.Ordinal);

        var again = await OkAsync(server, tenant, "deleteAssets", Company(tenant) + Array("assetHandleArray", handle, "a|someone|5"));
        Assert.Equal((0, 1, 1), Tally(again));

        var restored = await OkAsync(server, tenant, "restoreAssetsFromTrash", Company(tenant) + Array("assetHandleArray", handle));
        Assert.Equal((1, 0, 0), Tally(restored));
        Assert.Equal(("gone,stays", 2), await FoundAsync(server, tenant, Text("folder", "t")));
    }

    [Fact]
    public async Task A_trashed_asset_whose_path_a_new_upload_took_is_not_restored_over_it()
    {
        var tenant = await server.NewTenantAsync();
        var old = await AddAsync(server, tenant, "p/same.jpg");
        await OkAsync(server, tenant, "deleteAsset", Company(tenant) + Text("assetHandle", Handle(tenant, old)));
        var newer = await AddAsync(server, tenant, "p/same.jpg");

        var answer = await OkAsync(server, tenant, "restoreAssetsFromTrash", Company(tenant) + Array("assetHandleArray", Handle(tenant, old)));

        Assert.NotEqual(old.Id, newer.Id);
        Assert.Equal((0, 0, 1), Tally(answer));
        Assert.Contains("another asset has its folder and file name", Assert.Single(Counts(answer).Reasons), StringComparison.Ordinal);
        Assert.Equal("InTrash", (await RowAsync(server, old.Id))!.Value.TrashState);
    }

    [Fact]
    public async Task Emptying_the_trash_removes_the_rows_and_files_and_only_assets_in_the_trash()
    {
        var tenant = await server.NewTenantAsync();
        await AssetWorkSteps.UploadAsync(server, tenant, [("e/photo.jpg", TestMedia.SolidImage(64, 64, ".jpg")), ("e/keep.jpg", TestMedia.SolidImage(8, 8, ".jpg"))]);
        var photo = await AssetWorkSteps.AssetAsync(server, tenant, "e/photo.jpg");
        var keep = await AssetWorkSteps.AssetAsync(server, tenant, "e/keep.jpg");
        var files = photo.Renditions.Values.Append(photo.OriginalKey).Select(k => AssetWorkSteps.Stored(server, k)).ToList();
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        await OkAsync(server, tenant, "deleteAsset", Company(tenant) + Text("assetHandle", Handle(tenant, photo)));

        var answer = await OkAsync(server, tenant, "emptyAssetsFromTrash", Company(tenant) + Array("assetHandleArray", Handle(tenant, photo), Handle(tenant, keep)));

        Assert.Equal((1, 0, 1), Tally(answer));
        Assert.Contains("not in the trash", Assert.Single(Counts(answer).Reasons), StringComparison.Ordinal);
        await Eventually.WaitAsync(() => RowAsync(server, photo.Id), row => row is null, "the emptied asset's row removed");
        Assert.All(files, f => Assert.False(File.Exists(f), f));
        Assert.NotNull(await RowAsync(server, keep.Id));
        Assert.True(File.Exists(AssetWorkSteps.Stored(server, keep.OriginalKey)));
        Assert.Equal((0, 0, 1), Tally(await OkAsync(server, tenant, "restoreAssetsFromTrash", Company(tenant) + Array("assetHandleArray", Handle(tenant, photo)))));
    }

    [Fact]
    public async Task A_folder_whose_only_asset_is_in_the_trash_is_not_deleted_until_the_trash_is_emptied()
    {
        var tenant = await server.NewTenantAsync();
        var asset = await AddAsync(server, tenant, "bin/old.jpg");
        await OkAsync(server, tenant, "deleteAsset", Company(tenant) + Text("assetHandle", Handle(tenant, asset)));
        var folder = (string)(await OkAsync(server, tenant, "getFolders", Company(tenant) + Text("folderPath", "bin")))
            .Element(Ips + "folderArray")!.Element(Ips + "items")!.Element(Ips + "folderHandle")!;

        var refused = await FaultAsync(server, tenant, "deleteFolder", Company(tenant) + Text("folderHandle", folder));
        await OkAsync(server, tenant, "emptyAssetsFromTrash", Company(tenant) + Array("assetHandleArray", Handle(tenant, asset)));
        await OkAsync(server, tenant, "deleteFolder", Company(tenant) + Text("folderHandle", folder));

        Assert.Equal((30001, "Invalid parameter folderHandle: the folder holds 1 asset (in it or its subfolders, 1 of them in the trash); "
            + "move or delete them first, and empty them from the trash"), refused);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "getFolders", Company(tenant) + Text("folderPath", "bin"))).Code);
    }

    [Fact]
    public async Task An_emptied_asset_keeps_its_files_while_a_run_of_its_company_is_in_progress()
    {
        var tenant = await server.NewTenantAsync();
        var asset = await AddAsync(server, tenant, "held/file.jpg");
        var original = AssetWorkSteps.Stored(server, asset.OriginalKey);
        await server.SubmitAsync(tenant, "slow run", OperationBodies.SlowOptimizeImages);
        await server.WaitForRunAsync(tenant, "slow run", r => r.State == "Running");

        await OkAsync(server, tenant, "deleteAsset", Company(tenant) + Text("assetHandle", Handle(tenant, asset)));
        await OkAsync(server, tenant, "emptyAssetsFromTrash", Company(tenant) + Array("assetHandleArray", Handle(tenant, asset)));

        // Gone for every operation at once...
        Assert.Empty(ItemsOf(await OkAsync(server, tenant, "getAssets", Company(tenant) + Array("assetHandleArray", Handle(tenant, asset))), "assetArray"));
        Assert.Equal(0, (await SearchAsync(server, tenant, Text("folder", "held") + "<trashState>Any</trashState>")).Total);
        // ...while its file stays for the run that may have read it.
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.True(File.Exists(original));
        Assert.Equal("InEmptiedTrash", (await RowAsync(server, asset.Id))!.Value.TrashState);

        var running = await server.WaitForRunAsync(tenant, "slow run", r => r.State == "Running");
        await OkAsync(server, tenant, "stopJob", Company(tenant) + Text("jobHandle", $"{tenant.CompanyHandle}|slow run|{running.InstanceName}|{running.Id}"));
        await server.WaitForRunAsync(tenant, "slow run", r => r.EndedAt is not null);
        await Eventually.WaitAsync(() => RowAsync(server, asset.Id), row => row is null, "the emptied asset removed after the run");
        Assert.False(File.Exists(original));
    }

    [Fact]
    public async Task Jobs_naming_a_trashed_asset_skip_it_with_a_warning_and_publishing_leaves_it_out()
    {
        var tenant = await server.NewTenantAsync();
        await AssetWorkSteps.UploadAsync(server, tenant, [("pub/in.jpg", TestMedia.SolidImage(32, 32, ".jpg")), ("pub/out.jpg", TestMedia.SolidImage(32, 32, ".jpg"))],
            readyForPublish: true);
        var kept = await AssetWorkSteps.AssetAsync(server, tenant, "pub/in.jpg");
        var trashed = await AssetWorkSteps.AssetAsync(server, tenant, "pub/out.jpg");
        await OkAsync(server, tenant, "deleteAsset", Company(tenant) + Text("assetHandle", Handle(tenant, trashed)));

        var export = await AssetWorkSteps.RunAsync(server, tenant, "export", $"<exportJob>{Array("assetHandleArray", Handle(tenant, kept), Handle(tenant, trashed))}"
            + "<fmt>orig</fmt><emailSetting>None</emailSetting></exportJob>");
        var details = await server.DetailsAsync(export.Id);
        var publish = await PublishSteps.PublishImagesAsync(server, tenant, "Full");

        Assert.Equal("Done", export.State);
        Assert.Contains(details, d => d.LogType == "ExportWarning" && d.AssetName == "pub/out.jpg" && d.Message.Contains("in the trash", StringComparison.Ordinal));
        Assert.Contains(details, d => d.LogType == "ExportSuccess" && d.AssetName == "pub/in.jpg");
        Assert.Equal("Done", publish.State);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await PublishSteps.GetAsync(server, $"/is/image/{tenant.CompanyHandle}/in")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await PublishSteps.GetAsync(server, $"/is/image/{tenant.CompanyHandle}/out")).StatusCode);
    }
}
