using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;
using static IpsApi.IntegrationTests.AssetOperations.AssetSteps;
using static IpsApi.IntegrationTests.Companies.Calls;

namespace IpsApi.IntegrationTests.AssetOperations;

/// <summary>
/// Tenant isolation and roles: whatever handle or folder a caller sends, no operation returns, counts, moves or changes
/// another company's asset, and each role gets exactly what the IPS documentation grants it.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AssetIsolationTests(ServerFixture server)
{
    [Fact]
    public async Task Another_companys_assets_and_folders_are_never_returned_counted_moved_or_changed()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();
        var mine = await AddAsync(server, tenant, "mine/a.jpg");
        var theirs = await AddAsync(server, other, "theirs/secret.jpg", metadata: new Dictionary<string, string> { ["k"] = "v" });
        var theirFolder = (string)(await OkAsync(server, other, "createFolder", Company(other) + Text("folderPath", "vault"))).Element(Ips + "folderHandle")!;
        var before = await RowAsync(server, theirs.Id);
        // Their handle as it is, and their asset's id under my company's handle: neither names an asset of mine.
        foreach (var handle in new[] { Handle(other, theirs), $"a|{tenant.CompanyHandle}|{theirs.Id}" })
        {
            var h = Text("assetHandle", handle);
            Assert.Empty(ItemsOf(await OkAsync(server, tenant, "getAssets", Company(tenant) + Array("assetHandleArray", handle)), "assetArray"));
            foreach (var (operation, inner) in new[]
                     {
                         ("deleteAsset", h),
                         ("renameAsset", h + Text("newName", "stolen") + "<validateName>false</validateName>"),
                         ("moveAsset", h + Text("folderHandle", "mine")),
                         ("setAssetMetadata", h + "<updateArray><items><fieldHandle>k</fieldHandle><value>changed</value></items></updateArray>"),
                         ("setAssetPublishState", h + Text("publishState", "MarkedForPublish")),
                         ("getAssociatedAssets", h),
                     })
            {
                var (code, reason) = await FaultAsync(server, tenant, operation, Company(tenant) + inner);
                Assert.Equal(30001, code);
                Assert.Contains("no asset", reason, StringComparison.Ordinal);
            }

            foreach (var operation in new[] { "deleteAssets", "restoreAssetsFromTrash", "emptyAssetsFromTrash" })
            {
                Assert.Equal((0, 0, 1), Tally(await OkAsync(server, tenant, operation, Company(tenant) + Array("assetHandleArray", handle))));
            }

            Assert.Equal((0, 0, 1), Tally(await OkAsync(server, tenant, "moveAssets", Company(tenant)
                + $"<assetMoveArray><items><assetHandle>{handle}</assetHandle><folderHandle>mine</folderHandle></items></assetMoveArray>")));
            Assert.Equal((0, 0, 1), Tally(await OkAsync(server, tenant, "setAssetsPublishState", Company(tenant)
                + $"<publishStateUpdateArray><items><assetHandle>{handle}</assetHandle><publishState>MarkedForPublish</publishState></items></publishStateUpdateArray>")));
            Assert.Equal((0, 0, 1), Tally(await OkAsync(server, tenant, "batchSetAssetMetadata", Company(tenant)
                + $"<updateArray><items>{Array("assetHandleArray", handle)}<updateArray><items><fieldHandle>k</fieldHandle><value>x</value></items></updateArray></items></updateArray>")));
        }

        Assert.Empty(ItemsOf(await OkAsync(server, tenant, "getAssetsByName", Company(tenant) + Array("nameArray", "secret")), "assetArray"));
        Assert.Equal(("a", 1), await FoundAsync(server, tenant, "<includeSubfolders>true</includeSubfolders><trashState>Any</trashState>"));
        Assert.Equal(0, (int)(await OkAsync(server, tenant, "searchAssetsByMetadata", Company(tenant)
            + "<metadataConditionArray><items><fieldHandle>k</fieldHandle><op>Equals</op><value>v</value></items></metadataConditionArray>")).Element(Ips + "totalRows")!);
        Assert.Equal(["1"], ItemsOf(await OkAsync(server, tenant, "getAssetCounts", Company(tenant)), "countArray").Select(i => Field(i, "count")));
        Assert.Empty(ItemsOf(await OkAsync(server, tenant, "getMetadataFields", Company(tenant) + Text("assetType", "Asset")), "fieldArray"));
        // My asset into their folder, by handle or by their path: no such folder in my company.
        Assert.Equal(30001, (await FaultAsync(server, tenant, "moveAsset", Company(tenant) + Text("assetHandle", Handle(tenant, mine)) + Text("folderHandle", theirFolder))).Code);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "searchAssets", Company(tenant) + Text("folder", "theirs"))).Code);
        // Their company, named outright: not a member.
        Assert.Equal(20006, (await FaultAsync(server, tenant, "getAssets", Company(other) + Array("assetHandleArray", Handle(other, theirs)))).Code);

        Assert.Equal(before, await RowAsync(server, theirs.Id));
        Assert.Equal(new Dictionary<string, string> { ["k"] = "v" }, await MetadataAsync(server, theirs.Id));
        Assert.Equal("mine", (await RowAsync(server, mine.Id))!.Value.Folder);
    }

    [Fact]
    public async Task An_ImagePortalUser_reads_assets_as_documented_and_changes_none()
    {
        var tenant = await server.NewTenantAsync(UserRole.ImagePortalUser);
        var asset = await AddAsync(server, tenant, "p/one.jpg");
        var handle = Text("assetHandle", Handle(tenant, asset));

        await OkAsync(server, tenant, "getAssets", Company(tenant) + Array("assetHandleArray", Handle(tenant, asset)));
        await OkAsync(server, tenant, "searchAssets", Company(tenant) + Text("folder", "p"));
        await OkAsync(server, tenant, "searchAssetsByMetadata", Company(tenant));
        await OkAsync(server, tenant, "getAssetCounts", Company(tenant));
        await OkAsync(server, tenant, "getAssociatedAssets", Company(tenant) + handle);
        await OkAsync(server, tenant, "getMetadataFields", Company(tenant) + Text("assetType", "Image"));
        foreach (var (operation, inner) in new[]
                 {
                     ("getAssetsByName", Array("nameArray", "one")),
                     ("deleteAsset", handle),
                     ("renameAsset", handle + Text("newName", "two") + "<validateName>false</validateName>"),
                     ("setAssetPublishState", handle + Text("publishState", "MarkedForPublish")),
                 })
        {
            Assert.Equal(20003, (await FaultAsync(server, tenant, operation, Company(tenant) + inner)).Code);
        }

        Assert.Equal(("one", "one.jpg", "p", "NotInTrash", false), await RowAsync(server, asset.Id));
    }
}
