using IpsApi.Assets.Store;
using IpsApi.IntegrationTests.AssetWork;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Server.Admin;
using static IpsApi.IntegrationTests.AssetOperations.AssetSteps;
using static IpsApi.IntegrationTests.Companies.Calls;

namespace IpsApi.IntegrationTests.AssetOperations;

/// <summary>renameAsset, moveAsset(s), metadata and publish state: the asset keeps its handle and files; bad input changes nothing.</summary>
[Collection(ServerCollection.Name)]
public sealed class ChangeAssetsTests(ServerFixture server)
{
    [Fact]
    public async Task A_renamed_asset_keeps_its_handle_and_extension_and_is_found_by_its_new_name()
    {
        var tenant = await server.NewTenantAsync();
        var asset = await AddAsync(server, tenant, "r/old.jpg");
        var handle = Handle(tenant, asset);

        await OkAsync(server, tenant, "renameAsset", Company(tenant) + Text("assetHandle", handle) + Text("newName", "brand new") + "<validateName>true</validateName>");

        Assert.Equal(("brand new", "brand new.jpg", "r", "NotInTrash", false), await RowAsync(server, asset.Id));
        var found = Assert.Single(ItemsOf(await OkAsync(server, tenant, "getAssetsByName", Company(tenant) + Array("nameArray", "brand new")), "assetArray"));
        Assert.Equal(handle, Field(found, "assetHandle"));
        Assert.Empty(ItemsOf(await OkAsync(server, tenant, "getAssetsByName", Company(tenant) + Array("nameArray", "old")), "assetArray"));
        Assert.True(File.Exists(AssetWorkSteps.Stored(server, asset.OriginalKey)));
    }

    [Fact]
    public async Task A_rename_to_a_taken_name_or_an_invalid_one_is_refused_and_changes_nothing()
    {
        var tenant = await server.NewTenantAsync();
        var asset = await AddAsync(server, tenant, "r/mine.jpg");
        await AddAsync(server, tenant, "r/taken.jpg");
        await AddAsync(server, tenant, "elsewhere/Global.png");
        var handle = Text("assetHandle", Handle(tenant, asset));

        async Task<(int, string)> Rename(string name, bool validate) =>
            await FaultAsync(server, tenant, "renameAsset", Company(tenant) + handle + Text("newName", name) + $"<validateName>{(validate ? "true" : "false")}</validateName>");

        var sameFolder = await Rename("taken", validate: false);
        var notUnique = await Rename("global", validate: true);
        var slash = await Rename("a/b", validate: false);
        var missing = await FaultAsync(server, tenant, "renameAsset", Company(tenant) + handle + Text("newName", "x"));

        Assert.Equal(30001, sameFolder.Item1);
        Assert.Contains("'taken.jpg' exists", sameFolder.Item2, StringComparison.Ordinal);
        Assert.Equal(30001, notUnique.Item1);
        Assert.Contains("not unique: elsewhere/Global.png", notUnique.Item2, StringComparison.Ordinal);
        Assert.Equal(30001, slash.Item1);
        Assert.Equal((30002, "Missing required parameter: validateName"), missing);
        Assert.Equal(("mine", "mine.jpg", "r", "NotInTrash", false), await RowAsync(server, asset.Id));
        // Without validateName the same name in another folder is allowed.
        await OkAsync(server, tenant, "renameAsset", Company(tenant) + handle + Text("newName", "Global") + "<validateName>false</validateName>");
        Assert.Equal("Global.jpg", (await RowAsync(server, asset.Id))!.Value.FileName);
    }

    [Fact]
    public async Task Assets_move_by_folder_handle_or_path_and_a_batch_answers_per_asset()
    {
        var tenant = await server.NewTenantAsync();
        var one = await AddAsync(server, tenant, "in/one.jpg");
        var two = await AddAsync(server, tenant, "in/two.jpg");
        var clash = await AddAsync(server, tenant, "in/three.jpg");
        await AddAsync(server, tenant, "out/three.jpg");
        var outHandle = (string)(await OkAsync(server, tenant, "createFolder", Company(tenant) + Text("folderPath", "out/deeper"))).Element(Ips + "folderHandle")!;

        await OkAsync(server, tenant, "moveAsset", Company(tenant) + Text("assetHandle", Handle(tenant, one)) + Text("folderHandle", outHandle));
        Assert.Equal("out/deeper", (await RowAsync(server, one.Id))!.Value.Folder);

        var answer = await OkAsync(server, tenant, "moveAssets", Company(tenant) + "<assetMoveArray>"
            + $"<items><assetHandle>{Handle(tenant, two)}</assetHandle><folderHandle>{tenant.CompanyName}/out/</folderHandle></items>"
            + $"<items><assetHandle>{Handle(tenant, clash)}</assetHandle><folderHandle>out</folderHandle></items>"
            + $"<items><assetHandle>{Handle(tenant, two)}</assetHandle><folderHandle>nowhere</folderHandle></items>"
            + "</assetMoveArray>");

        var (success, warning, error, reasons) = Counts(answer);
        Assert.Equal((1, 0, 2), (success, warning, error));
        Assert.Contains(reasons, r => r.Contains("exists in the destination folder", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("no folder 'nowhere'", StringComparison.Ordinal));
        Assert.Equal("out", (await RowAsync(server, two.Id))!.Value.Folder);
        Assert.Equal("in", (await RowAsync(server, clash.Id))!.Value.Folder);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "moveAsset", Company(tenant) + Text("assetHandle", Handle(tenant, clash)) + Text("folderHandle", "nowhere"))).Code);
    }

    [Fact]
    public async Task Metadata_is_set_on_one_or_many_assets_and_a_bad_update_changes_nothing()
    {
        var tenant = await server.NewTenantAsync();
        var one = await AddAsync(server, tenant, "md/one.jpg", metadata: new Dictionary<string, string> { ["old"] = "x" });
        var two = await AddAsync(server, tenant, "md/two.jpg");

        await OkAsync(server, tenant, "setAssetMetadata", Company(tenant) + Text("assetHandle", Handle(tenant, one)) + "<updateArray>"
            + "<items><fieldHandle>title</fieldHandle><value>Shoe</value></items>"
            + "<items><fieldHandle>custom_attributes.stock</fieldHandle><longVal>12</longVal></items>"
            + "<items><fieldHandle>old</fieldHandle><value></value></items></updateArray>");
        Assert.Equal(new Dictionary<string, string> { ["title"] = "Shoe", ["stock"] = "12" }, await MetadataAsync(server, one.Id));

        var bad = await FaultAsync(server, tenant, "setAssetMetadata", Company(tenant) + Text("assetHandle", Handle(tenant, one)) + "<updateArray>"
            + "<items><fieldHandle>title</fieldHandle><value>Boot</value></items>"
            + "<items><fieldHandle>tags</fieldHandle><setTagValueArray><items>a</items></setTagValueArray></items></updateArray>");
        Assert.Equal(30001, bad.Code);
        Assert.Contains("no tag fields", bad.Reason, StringComparison.Ordinal);
        Assert.Equal("Shoe", (await MetadataAsync(server, one.Id))["title"]);

        var batch = await OkAsync(server, tenant, "batchSetAssetMetadata", Company(tenant) + "<updateArray>"
            + $"<items>{Array("assetHandleArray", Handle(tenant, one), Handle(tenant, two), "a|nobody|1")}"
            + "<updateArray><items><fieldHandle>season</fieldHandle><value>summer</value></items></updateArray></items></updateArray>");
        Assert.Equal((2, 0, 1), Tally(batch));
        Assert.Equal("summer", (await MetadataAsync(server, two.Id))["season"]);

        var fields = ItemsOf(await OkAsync(server, tenant, "getMetadataFields", Company(tenant) + Text("assetType", "Image")), "fieldArray")
            .Select(f => Field(f, "fieldHandle"));
        Assert.Equal(["old", "season", "stock", "title"], fields);
        Assert.Empty(ItemsOf(await OkAsync(server, tenant, "getMetadataFields", Company(tenant) + Text("assetType", "Pdf")), "fieldArray"));
    }

    [Fact]
    public async Task Publish_state_marks_assets_for_the_next_publish()
    {
        var tenant = await server.NewTenantAsync();
        var one = await AddAsync(server, tenant, "ps/one.jpg");
        var two = await AddAsync(server, tenant, "ps/two.jpg", readyForPublish: true);

        await OkAsync(server, tenant, "setAssetPublishState", Company(tenant) + Text("assetHandle", Handle(tenant, one)) + Text("publishState", "MarkedForPublish"));
        var batch = await OkAsync(server, tenant, "setAssetsPublishState", Company(tenant) + "<publishStateUpdateArray>"
            + $"<items><assetHandle>{Handle(tenant, two)}</assetHandle><publishState>NotMarkedForPublish</publishState></items>"
            + "<items><assetHandle>a|x|1</assetHandle><publishState>MarkedForPublish</publishState></items></publishStateUpdateArray>");
        var invalid = await FaultAsync(server, tenant, "setAssetsPublishState", Company(tenant) + "<publishStateUpdateArray>"
            + $"<items><assetHandle>{Handle(tenant, one)}</assetHandle><publishState>NotMarkedForPublish</publishState></items>"
            + $"<items><assetHandle>{Handle(tenant, two)}</assetHandle><publishState>Later</publishState></items></publishStateUpdateArray>");

        Assert.True((await RowAsync(server, one.Id))!.Value.Ready);
        Assert.False((await RowAsync(server, two.Id))!.Value.Ready);
        Assert.Equal((1, 0, 1), Tally(batch));
        Assert.Equal(30001, invalid.Code);
        // Checked before anything changed: the first item's state is not applied.
        Assert.True((await RowAsync(server, one.Id))!.Value.Ready);
        Assert.Contains("publish contexts", (await FaultAsync(server, tenant, "setAssetPublishState", Company(tenant) + Text("assetHandle", Handle(tenant, one))
            + Text("publishState", "MarkedForPublish") + Array("contextHandleArray", "ctx|1"))).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Associated_assets_are_the_sets_holding_an_asset_a_sets_members_and_the_pdf_and_its_pages()
    {
        var tenant = await server.NewTenantAsync();
        await AssetWorkSteps.UploadAsync(server, tenant,
            [("docs/brochure.pdf", TestMedia.Pdf("first page", "second page")), ("sets/SHOE1_front.jpg", TestMedia.SolidImage(16, 16, ".jpg")), ("sets/SHOE1_back.jpg", TestMedia.SolidImage(16, 16, ".jpg"))]);
        Assert.Equal(0, await AdminCommand.RunAsync(["setscript", "set", tenant.CompanyHandle, "shoes", @"^(?<set>[A-Z0-9]+)_(?<view>\w+)\.\w+$", "ImageSet"],
            TextWriter.Null, TextWriter.Null, ServerFixture.ConnectionString));
        var front = await AssetWorkSteps.AssetAsync(server, tenant, "sets/SHOE1_front.jpg");
        var back = await AssetWorkSteps.AssetAsync(server, tenant, "sets/SHOE1_back.jpg");
        await AssetWorkSteps.RunAsync(server, tenant, "sets", $"<automatedSetGenerationJob>{Array("assetHandleArray", Handle(tenant, front), Handle(tenant, back))}"
            + "<readyForPublish>false</readyForPublish><autoSetCreationOptions><autoSetsArray><items>shoes</items></autoSetsArray></autoSetCreationOptions>"
            + "<emailSetting>None</emailSetting></automatedSetGenerationJob>");
        var pdf = await AssetWorkSteps.AssetAsync(server, tenant, "docs/brochure.pdf");
        await AssetWorkSteps.RunAsync(server, tenant, "rip", $"<ripPdfsJob>{Array("pdfHandleArray", Handle(tenant, pdf))}<createMask>false</createMask>"
            + "<emailSetting>None</emailSetting></ripPdfsJob>");
        var set = await AssetWorkSteps.AssetAsync(server, tenant, "sets/SHOE1");
        var page = await AssetWorkSteps.AssetAsync(server, tenant, "docs/brochure-1");

        async Task<System.Xml.Linq.XElement> Associated(AssetRow asset) =>
            await OkAsync(server, tenant, "getAssociatedAssets", Company(tenant) + Text("assetHandle", Handle(tenant, asset)));

        Assert.Equal(["SHOE1"], Names(await Associated(front), "containerArray"));
        Assert.Equal(["SHOE1_back", "SHOE1_front"], Names(await Associated(set), "memberArray"));
        var ofPage = await Associated(page);
        Assert.Equal(["brochure"], Names(ofPage, "derivedArray"));
        var generator = Assert.Single(ItemsOf(ofPage, "generatorArray"));
        Assert.Equal("PostScriptRip", Field(generator, "engine"));
        Assert.Equal(Handle(tenant, pdf), Field(generator.Element(Ips + "originator")!, "assetHandle"));
        var ofPdf = await Associated(pdf);
        var pages = ItemsOf(ofPdf, "generatedArray").Where(g => Field(g, "engine") == "PostScriptRip")
            .Select(g => Field(g.Element(Ips + "generated")!, "name")).ToList();
        Assert.Equal(["brochure-1", "brochure-2"], pages);

        var handlesOnly = await OkAsync(server, tenant, "getAssociatedAssets", Company(tenant) + Text("assetHandle", Handle(tenant, page))
            + Array("responseFieldArray", "generatorArray/items/originator/assetHandle"));
        Assert.Equal(["generatorArray"], handlesOnly.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["assetHandle"], ItemsOf(handlesOnly, "generatorArray")[0].Element(Ips + "originator")!.Elements().Select(e => e.Name.LocalName));
    }
}
