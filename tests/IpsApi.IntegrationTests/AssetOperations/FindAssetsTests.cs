using IpsApi.Assets.Store;
using IpsApi.IntegrationTests.AssetWork;
using IpsApi.IntegrationTests.Infrastructure;
using static IpsApi.IntegrationTests.AssetOperations.AssetSteps;
using static IpsApi.IntegrationTests.Companies.Calls;

namespace IpsApi.IntegrationTests.AssetOperations;

/// <summary>getAssetsByName, getAssets and getAssetCounts: what an integration calls right after its upload job.</summary>
[Collection(ServerCollection.Name)]
public sealed class FindAssetsTests(ServerFixture server)
{
    [Fact]
    public async Task An_uploaded_file_is_found_by_its_name_without_extension_in_any_folder_and_answered_with_what_the_server_knows()
    {
        var tenant = await server.NewTenantAsync();
        await AssetWorkSteps.UploadAsync(server, tenant, [("products/shoes/SKU_alt1.jpg", TestMedia.SolidImage(40, 30, ".jpg"))]);
        await AddAsync(server, tenant, "other/SKU_alt2.png");
        var row = await AssetWorkSteps.AssetAsync(server, tenant, "products/shoes/SKU_alt1.jpg");

        var answer = await OkAsync(server, tenant, "getAssetsByName", Company(tenant) + Array("nameArray", "SKU_alt1", "sku_ALT2", "nothing"));

        Assert.Equal(["SKU_alt1", "SKU_alt2"], Names(answer));
        var asset = ItemsOf(answer, "assetArray")[0];
        Assert.Equal($"a|{tenant.CompanyHandle}|{row.Id}", Field(asset, "assetHandle"));
        Assert.Equal("Image", Field(asset, "type"));
        Assert.Equal("SKU_alt1.jpg", Field(asset, "fileName"));
        Assert.Equal($"{tenant.CompanyName}/products/shoes/", Field(asset, "folder"));
        Assert.StartsWith($"f|{tenant.CompanyHandle}|", Field(asset, "folderHandle"), StringComparison.Ordinal);
        Assert.Equal("NotInTrash", Field(asset, "trashState"));
        Assert.Equal("false", Field(asset, "readyForPublish"));
        Assert.Equal(tenant.Email, Field(asset, "createUser"));
        Assert.Equal(tenant.Email, Field(asset, "lastModifyUser"));
        var image = asset.Element(Ips + "imageInfo")!;
        Assert.Equal(("40", "30", row.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ((string)image.Element(Ips + "width")!, (string)image.Element(Ips + "height")!, (string)image.Element(Ips + "fileSize")!));
        // Nothing this server has no data for: no subType for an image, no metadata it does not have.
        Assert.Null(asset.Element(Ips + "subType"));
        Assert.Null(asset.Element(Ips + "metadataArray"));
    }

    [Fact]
    public async Task A_client_asking_for_three_fields_gets_three_and_excluded_fields_are_left_out()
    {
        var tenant = await server.NewTenantAsync();
        await AddAsync(server, tenant, "a/one.jpg", metadata: new Dictionary<string, string> { ["color"] = "red" });

        var three = await OkAsync(server, tenant, "getAssetsByName",
            Company(tenant) + Array("nameArray", "one") + Array("responseFieldArray", "assetHandle", "name", "assetArray/items/imageInfo/width"));
        var item = Assert.Single(ItemsOf(three, "assetArray"));
        Assert.Equal(["assetHandle", "name", "imageInfo"], item.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["width"], item.Element(Ips + "imageInfo")!.Elements().Select(e => e.Name.LocalName));

        var without = Assert.Single(ItemsOf(await OkAsync(server, tenant, "getAssetsByName",
            Company(tenant) + Array("nameArray", "one") + Array("excludeFieldArray", "metadataArray", "imageInfo", "created")), "assetArray"));
        Assert.Null(without.Element(Ips + "metadataArray"));
        Assert.Null(without.Element(Ips + "imageInfo"));
        Assert.Null(without.Element(Ips + "created"));
        Assert.NotNull(without.Element(Ips + "lastModified"));

        var all = Assert.Single(ItemsOf(await OkAsync(server, tenant, "getAssetsByName", Company(tenant) + Array("nameArray", "one")), "assetArray"));
        var metadata = Assert.Single(all.Element(Ips + "metadataArray")!.Elements(Ips + "items"));
        Assert.Equal(("color", "red"), (Field(metadata, "name"), Field(metadata, "value")));

        var unknown = await FaultAsync(server, tenant, "getAssetsByName", Company(tenant) + Array("nameArray", "one") + Array("responseFieldArray", "colour"));
        Assert.Equal(30001, unknown.Code);
        Assert.Contains("'colour'", unknown.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAssetsByName_filters_by_type_and_leaves_out_the_trash()
    {
        var tenant = await server.NewTenantAsync();
        await AddAsync(server, tenant, "x/item.jpg");
        await AddAsync(server, tenant, "y/item.pdf", AssetType.Pdf);
        var trashed = await AddAsync(server, tenant, "z/item.tif");
        await OkAsync(server, tenant, "deleteAsset", Company(tenant) + Text("assetHandle", Handle(tenant, trashed)));

        async Task<List<string>> Files(string extra) =>
            [.. ItemsOf(await OkAsync(server, tenant, "getAssetsByName", Company(tenant) + Array("nameArray", "item") + extra), "assetArray")
                .Select(i => Field(i, "fileName")).Order(StringComparer.Ordinal)];

        Assert.Equal(["item.jpg", "item.pdf"], await Files(""));
        Assert.Equal(["item.pdf"], await Files(Array("assetTypeArray", "Pdf")));
        Assert.Equal(["item.pdf"], await Files(Array("excludeAssetTypeArray", "Image")));
        Assert.Equal(30002, (await FaultAsync(server, tenant, "getAssetsByName", Company(tenant))).Code);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "getAssetsByName", Company(tenant) + Array("nameArray", "item") + Array("assetTypeArray", "Picture"))).Code);
    }

    [Fact]
    public async Task GetAssets_answers_the_handles_in_the_order_given_trash_included_and_nothing_for_a_handle_of_no_asset()
    {
        var tenant = await server.NewTenantAsync();
        var first = await AddAsync(server, tenant, "b.jpg");
        var second = await AddAsync(server, tenant, "a.jpg");
        await OkAsync(server, tenant, "deleteAsset", Company(tenant) + Text("assetHandle", Handle(tenant, second)));

        var answer = await OkAsync(server, tenant, "getAssets",
            Company(tenant) + Array("assetHandleArray", Handle(tenant, first), "a|nowhere|1", Handle(tenant, second), $"a|{tenant.CompanyHandle}|999999999"));

        Assert.Equal(["b", "a"], Names(answer));
        Assert.Equal(["NotInTrash", "InTrash"], ItemsOf(answer, "assetArray").Select(i => Field(i, "trashState")));
        Assert.Equal(30002, (await FaultAsync(server, tenant, "getAssets", Company(tenant) + "<assetHandleArray/>")).Code);
    }

    [Fact]
    public async Task GetAssetCounts_counts_each_type_of_the_company_and_not_the_trash()
    {
        var tenant = await server.NewTenantAsync();
        await AddAsync(server, tenant, "1.jpg");
        await AddAsync(server, tenant, "2.jpg");
        await AddAsync(server, tenant, "doc.pdf", AssetType.Pdf);
        await AddAsync(server, tenant, "logo.svg", AssetType.Other);
        var gone = await AddAsync(server, tenant, "3.jpg");
        await OkAsync(server, tenant, "deleteAsset", Company(tenant) + Text("assetHandle", Handle(tenant, gone)));

        var counts = ItemsOf(await OkAsync(server, tenant, "getAssetCounts", Company(tenant)), "countArray")
            .ToDictionary(i => Field(i, "assetType"), i => int.Parse(Field(i, "count"), System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new Dictionary<string, int> { ["Image"] = 2, ["Pdf"] = 1, ["Svg"] = 1 }, counts);
    }
}
