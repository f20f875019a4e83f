using System.Xml.Linq;
using IpsApi.Assets.Store;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Interop.Calls;
using static IpsApi.IntegrationTests.Interop.Calls.OperationBodies;

namespace IpsApi.IntegrationTests.AssetOperations;

/// <summary>
/// Every asset operation in every IPS namespace clients send (dated and beta ones too) and both SOAP versions: the
/// answer comes in the namespace of the request, shaped as the schema says.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AssetNamespaceTests(ServerFixture server)
{
    public static TheoryData<string, bool> Cases()
    {
        var cases = new TheoryData<string, bool>();
        foreach (var version in IpsVersions.Tested)
        {
            cases.Add(version, false);
        }

        cases.Add("", true);
        cases.Add("2014-04-03", true);
        cases.Add("2017-10-29-beta", true);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_asset_operation_answers_in_the_namespace_of_the_request(string version, bool soap12)
    {
        var tenant = await server.NewTenantAsync();
        var ns = IpsVersions.Namespace(version);
        XNamespace x = ns;
        var one = AssetSteps.Handle(tenant, await AssetSteps.AddAsync(server, tenant, "n/one.jpg", metadata: new Dictionary<string, string> { ["k"] = "v" }));
        var two = AssetSteps.Handle(tenant, await AssetSteps.AddAsync(server, tenant, "n/two.pdf", AssetType.Pdf));
        var company = Field("companyHandle", tenant.CompanyHandle);
        var called = new List<string>();

        async Task<XElement> Call(string operation, string inner)
        {
            called.Add(operation);
            var response = await server.PostAsync(
                Envelope(soap12, AuthHeader(IpsVersions.Unversioned, tenant.Email, tenant.Password), Param(ns, operation, company + inner)), soapAction: operation);
            Assert.True(response.Status == 200 && !response.IsFault, $"{operation}: {response.Text}");
            WireAnswer.AssertReturn(response.BodyElement, operation, ns);
            return response.BodyElement;
        }

        string Items(string name, params string[] values) => $"<{name}>{string.Concat(values.Select(v => Field("items", v)))}</{name}>";

        Assert.Equal(2, (await Call("getAssetsByName", Items("nameArray", "one", "two"))).Element(x + "assetArray")!.Elements(x + "items").Count());
        Assert.Single((await Call("getAssets", Items("assetHandleArray", one))).Element(x + "assetArray")!.Elements(x + "items"));
        var search = await Call("searchAssets", Field("folder", "n")
            + "<systemFieldConditionArray><items><field>Name</field><op>StartsWith</op><value>o</value></items></systemFieldConditionArray>"
            + "<metadataConditionArray><items><fieldHandle>k</fieldHandle><op>Equals</op><value>v</value></items></metadataConditionArray>");
        Assert.Equal("1", (string?)search.Element(x + "totalRows"));
        await Call("searchAssetsByMetadata", "<filter><folder>n</folder></filter>" + Items("responseMetadataArray", "k"));
        await Call("getAssetCounts", "");
        await Call("getMetadataFields", Field("assetType", "Asset"));
        await Call("getAssociatedAssets", Field("assetHandle", one));
        await Call("setAssetMetadata", Field("assetHandle", one) + "<updateArray><items><fieldHandle>k</fieldHandle><value>w</value></items></updateArray>");
        await Call("batchSetAssetMetadata", $"<updateArray><items>{Items("assetHandleArray", one, two)}<updateArray><items><fieldHandle>k</fieldHandle><value>z</value></items></updateArray></items></updateArray>");
        await Call("setAssetPublishState", Field("assetHandle", one) + Field("publishState", "MarkedForPublish"));
        await Call("setAssetsPublishState", $"<publishStateUpdateArray><items>{Field("assetHandle", two)}{Field("publishState", "MarkedForPublish")}</items></publishStateUpdateArray>");
        await Call("renameAsset", Field("assetHandle", one) + Field("newName", "uno") + Field("validateName", "true"));
        await Call("moveAsset", Field("assetHandle", one) + Field("folderHandle", "/"));
        await Call("moveAssets", $"<assetMoveArray><items>{Field("assetHandle", two)}{Field("folderHandle", "n")}</items></assetMoveArray>");
        await Call("deleteAsset", Field("assetHandle", two));
        var deleted = await Call("deleteAssets", Items("assetHandleArray", one, two));
        Assert.Equal(("1", "1"), ((string?)deleted.Element(x + "successCount"), (string?)deleted.Element(x + "warningCount")));
        await Call("restoreAssetsFromTrash", Items("assetHandleArray", one));
        await Call("emptyAssetsFromTrash", Items("assetHandleArray", two));

        Assert.Equal(18, called.Distinct().Count());
    }
}
