using IpsApi.Assets.Store;
using IpsApi.IntegrationTests.AssetOperations;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Interop.ClientStacks;

/// <summary>
/// Python zeep against the running server: loads the served WSDL and calls every asset operation over SOAP 1.1,
/// faults included (tests/interop/python/zeep_assets.py), in a company holding zeep/one.jpg, zeep/two.jpg and zeep/doc.pdf.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PythonZeepAssetTests(ServerFixture server)
{
    private static readonly string[] Operations =
    [
        "getAssetsByName", "getAssets", "searchAssets", "searchAssetsByMetadata", "getAssetCounts", "deleteAsset", "deleteAssets",
        "restoreAssetsFromTrash", "emptyAssetsFromTrash", "renameAsset", "moveAsset", "moveAssets", "getAssociatedAssets", "getMetadataFields",
        "setAssetMetadata", "batchSetAssetMetadata", "setAssetPublishState", "setAssetsPublishState",
    ];

    [Fact]
    public async Task A_zeep_client_calls_every_asset_operation_and_reads_each_fault()
    {
        var tenant = await server.NewTenantAsync();
        await AssetSteps.AddAsync(server, tenant, "zeep/one.jpg");
        await AssetSteps.AddAsync(server, tenant, "zeep/two.jpg");
        await AssetSteps.AddAsync(server, tenant, "zeep/doc.pdf", AssetType.Pdf);

        var run = await ScriptRun.StartAsync(server, tenant, "/usr/bin/python3", Path.Combine(RepoPaths.Interop, "python"), "zeep_assets.py");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(Operations, operation => Assert.Contains(run.Lines, l => l.StartsWith($"ok {operation}", StringComparison.Ordinal)));
        Assert.Contains(run.Lines, l => l.StartsWith("fault renameAsset 30001 Invalid parameter assetHandle: no asset", StringComparison.Ordinal));
        Assert.Contains("fault getAssetsByName 30002 Missing required parameter: nameArray", run.Lines);
        Assert.Contains(run.Lines, l => l.StartsWith("fault searchAssets 30001 Invalid parameter sortBy: 'Colour'", StringComparison.Ordinal));
        Assert.Contains("zeep: all asset operations ok", run.Lines);
    }
}
