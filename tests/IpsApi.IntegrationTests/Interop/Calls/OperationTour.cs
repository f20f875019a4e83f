using System.Xml.Linq;
using IpsApi.Assets.Store;
using IpsApi.IntegrationTests.AssetOperations;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Accounts;
using Microsoft.Extensions.DependencyInjection;
using static IpsApi.IntegrationTests.Interop.Calls.OperationBodies;

namespace IpsApi.IntegrationTests.Interop.Calls;

/// <summary>
/// Calls every operation of the server once in one company, in an order that gives each what it acts on: a
/// scheduled job (paused, resumed, executed, then deleted), its finished run (read through the three log
/// operations) and a running job (seen by getActiveJobs, then stopped); the company found by its name, its user,
/// membership and settings; folders created, listed, renamed, moved and deleted; assets found by name, handle,
/// folder and metadata, given metadata and a publish state, renamed, moved, and sent through the trash (written
/// through the server's store, so the tour needs no upload job). How a call travels (envelope
/// version, namespace, endpoint) is the caller's: <c>call(caller, operation, paramElement)</c> returns the Return
/// element, having checked it is an answer and not a fault. The caller is the tenant's user, or for
/// getCompanySettings (which the IPS API gives administrators only) an IpsCompanyAdmin of the same company.
/// </summary>
public sealed class OperationTour(ServerFixture server, TestTenant tenant, string ns, Func<TestTenant, string, string, Task<XElement>> call)
{
    private readonly XNamespace _ns = ns;

    public List<string> Called { get; } = [];

    public async Task RunAsync()
    {
        await JobsAsync();
        await CompanyAsync();
        await FoldersAsync();
        await AssetsAsync();

        Assert.Equal(OperationBodies.Operations, Called.Distinct().Order(StringComparer.Ordinal));
    }

    private async Task JobsAsync()
    {
        var company = tenant.CompanyHandle;

        var handle = Text(await CallAsync("submitJob", SubmitJob(ns, company, "scheduled", ImageServingPublish, FarFutureCron)), "jobHandle");
        Assert.Equal($"{company}|scheduled|", handle);

        var scheduled = Items(await CallAsync("getScheduledJobs", GetScheduledJobs(ns, company, handle)), "jobArray");
        Assert.Equal(handle, Text(Assert.Single(scheduled), "jobHandle"));
        Assert.Equal("Normal", Text(scheduled[0], "triggerState"));

        await CallAsync("pauseJob", ControlJob(ns, "pauseJob", company, handle));
        await CallAsync("resumeJob", ControlJob(ns, "resumeJob", company, handle));
        await CallAsync("executeJob", ControlJob(ns, "executeJob", company, handle));
        await server.WaitForRunAsync(tenant, "scheduled", r => r.EndedAt is not null);

        var logs = Items(await CallAsync("getJobLogs", GetJobLogs(ns, company)), "jobLogArray");
        Assert.Equal("scheduled", Text(Assert.Single(logs), "jobName"));
        var details = Items(await CallAsync("getJobLogDetails", GetJobLogDetails(ns, company, "scheduled")), "jobLogArray");
        Assert.NotEmpty(Assert.Single(details).Element(_ns + "detailArray")!.Elements(_ns + "items"));
        Assert.Empty(Items(await CallAsync("getAssetJobLogs", GetAssetJobLogs(ns, company, "a|never-named")), "jobLogArray"));

        await CallAsync("submitJob", SubmitJob(ns, company, "slow", SlowOptimizeImages));
        await server.WaitForRunAsync(tenant, "slow", r => r.State == "Running");
        var running = Assert.Single(Items(await CallAsync("getActiveJobs", GetActiveJobs(ns, company)), "jobArray"));
        Assert.Equal("slow", Text(running, "name"));
        await CallAsync("stopJob", ControlJob(ns, "stopJob", company, Text(running, "jobHandle")));
        // Wait for the stop to land, so no run of this test outlives it.
        await server.WaitForRunAsync(tenant, "slow", r => r.EndedAt is not null);

        await CallAsync("deleteJob", ControlJob(ns, "deleteJob", company, handle));
        Assert.Empty(Items(await CallAsync("getScheduledJobs", GetScheduledJobs(ns, company)), "jobArray"));
    }

    /// <summary>What an integration asks first: the handle and root path of its company by name, then who it is.</summary>
    private async Task CompanyAsync()
    {
        var info = Child(await CallAsync("getCompanyInfo", GetCompanyInfo(ns, companyName: tenant.CompanyName)), "companyInfo");
        Assert.Equal((tenant.CompanyHandle, tenant.CompanyName, $"{tenant.CompanyName}/"),
            (Text(info, "companyHandle"), Text(info, "name"), Text(info, "rootPath")));

        var membership = Assert.Single(Items(await CallAsync("getCompanyMembership", GetCompanyMembership(ns)), "membershipArray"));
        Assert.Equal((tenant.CompanyHandle, "IpsUser"), (Text(Child(membership, "company"), "companyHandle"), Text(membership, "role")));

        var user = Child(await CallAsync("getUserInfo", GetUserInfo(ns)), "userInfo");
        Assert.Equal((tenant.UserHandle, tenant.Email), (Text(user, "userHandle"), Text(user, "email")));

        var login = await CallAsync("checkLogin", CheckLogin(ns, tenant.CompanyHandle, tenant.Email, tenant.Password));
        Assert.Equal("ValidLogin", Text(login, "status"));

        var admin = await server.NewColleagueAsync(tenant, UserRole.IpsCompanyAdmin);
        var settings = Child(await CallAsync(admin, "getCompanySettings", GetCompanySettings(ns, tenant.CompanyHandle)), "settings");
        Assert.Equal(server.Services.GetRequiredService<ServerTimeZone>().Zone.Id, Text(settings, "timeZone"));
    }

    /// <summary>Folders written in the forms clients use; their handles stay through a rename and a move.</summary>
    private async Task FoldersAsync()
    {
        var company = tenant.CompanyHandle;
        var root = tenant.CompanyName;

        var shoes = Text(await CallAsync("createFolder", CreateFolder(ns, company, $"/{root}/products/shoes/")), "folderHandle");
        var archive = Text(await CallAsync("createFolder", CreateFolder(ns, company, "archive")), "folderHandle");
        Assert.StartsWith($"f|{company}|", shoes, StringComparison.Ordinal);

        var products = Items(await CallAsync("getFolders", GetFolders(ns, company, "products")), "folderArray");
        Assert.Equal([$"{root}/products/", $"{root}/products/shoes/"], products.Select(f => Text(f, "path")));
        Assert.Equal(shoes, Text(products[1], "folderHandle"));

        Assert.Equal(shoes, Text(await CallAsync("renameFolder", RenameFolder(ns, company, shoes, "boots")), "folderHandle"));
        Assert.Equal(shoes, Text(await CallAsync("moveFolder", MoveFolder(ns, company, shoes, archive)), "folderHandle"));

        var tree = Assert.Single(Items(await CallAsync("getFolderTree", GetFolderTree(ns, company, null, -1)), "folders"));
        Assert.Equal($"{root}/", Text(tree, "path"));
        var top = Items(tree, "subfolderArray");
        Assert.Equal([$"{root}/archive/", $"{root}/products/"], top.Select(f => Text(f, "path")));
        var moved = Assert.Single(Items(top[0], "subfolderArray"));
        Assert.Equal((shoes, $"{root}/archive/boots/"), (Text(moved, "folderHandle"), Text(moved, "path")));

        await CallAsync("deleteFolder", DeleteFolder(ns, company, shoes));
        var archived = Assert.Single(Items(await CallAsync("getFolderTree", GetFolderTree(ns, company, $"{root}/archive/", 1)), "folders"));
        Assert.Equal("false", Text(archived, "hasSubfolders"));
        Assert.Null(archived.Element(_ns + "subfolderArray"));
    }

    /// <summary>What integrations do after an upload: find the assets, describe them, tidy them up, delete them.</summary>
    private async Task AssetsAsync()
    {
        var company = tenant.CompanyHandle;
        await AssetSteps.AddAsync(server, tenant, "tour/one.jpg");
        await AssetSteps.AddAsync(server, tenant, "tour/two.jpg");
        var doc = AssetSteps.Handle(tenant, await AssetSteps.AddAsync(server, tenant, "tour/doc.pdf", AssetType.Pdf));

        var found = Items(await CallAsync("getAssetsByName", GetAssetsByName(ns, company, "one", "two")), "assetArray");
        Assert.Equal(["one", "two"], found.Select(a => Text(a, "name")));
        var (one, two) = (Text(found[0], "assetHandle"), Text(found[1], "assetHandle"));
        var three = Assert.Single(Items(await CallAsync("getAssets", GetAssets(ns, company, [one], "assetHandle", "name", "folder")), "assetArray"));
        Assert.Equal(["assetHandle", "name", "folder"], three.Elements().Select(e => e.Name.LocalName));
        Assert.Equal($"{tenant.CompanyName}/tour/", Text(three, "folder"));
        var page = await CallAsync("searchAssets", SearchAssets(ns, company, "tour", 2, 2));
        Assert.Equal(("3", "two"), (Text(page, "totalRows"), Text(Assert.Single(Items(page, "assetArray")), "name")));
        var counts = Items(await CallAsync("getAssetCounts", Param(ns, "getAssetCounts", Field("companyHandle", company))), "countArray");
        Assert.Equal(["Image 2", "Pdf 1"], counts.Select(c => $"{Text(c, "assetType")} {Text(c, "count")}"));
        Assert.Empty((await CallAsync("getAssociatedAssets", OfAsset(ns, "getAssociatedAssets", company, doc))).Elements());

        await CallAsync("setAssetMetadata", SetAssetMetadata(ns, company, one, "color", "red"));
        Assert.Equal("1", Text(await CallAsync("batchSetAssetMetadata", BatchSetAssetMetadata(ns, company, [two], "color", "blue")), "successCount"));
        var red = await CallAsync("searchAssetsByMetadata", SearchAssetsByMetadata(ns, company, "color", "red"));
        Assert.Equal(one, Text(Assert.Single(Items(red, "assetSummaryArray")), "assetHandle"));
        var fields = Items(await CallAsync("getMetadataFields", GetMetadataFields(ns, company, "Image")), "fieldArray");
        Assert.Equal(["color"], fields.Select(f => Text(f, "fieldHandle")));
        await CallAsync("setAssetPublishState", SetAssetPublishState(ns, company, one, "MarkedForPublish"));
        Assert.Equal("1", Text(await CallAsync("setAssetsPublishState", SetAssetsPublishState(ns, company, two, "MarkedForPublish")), "successCount"));

        await CallAsync("renameAsset", RenameAsset(ns, company, one, "uno", validateName: true));
        var archive = Text(await CallAsync("createFolder", CreateFolder(ns, company, "tour/archive")), "folderHandle");
        await CallAsync("moveAsset", MoveAsset(ns, company, one, archive));
        Assert.Equal("1", Text(await CallAsync("moveAssets", MoveAssets(ns, company, two, archive)), "successCount"));
        var moved = Items(await CallAsync("searchAssets", SearchAssets(ns, company, "tour/archive", 10, 1)), "assetArray");
        Assert.Equal(["two", "uno"], moved.Select(a => Text(a, "name")));

        await CallAsync("deleteAsset", OfAsset(ns, "deleteAsset", company, one));
        Assert.Equal("1", Text(await CallAsync("deleteAssets", OfAssets(ns, "deleteAssets", company, two)), "successCount"));
        Assert.Equal("1", Text(await CallAsync("restoreAssetsFromTrash", OfAssets(ns, "restoreAssetsFromTrash", company, two)), "successCount"));
        Assert.Equal("1", Text(await CallAsync("emptyAssetsFromTrash", OfAssets(ns, "emptyAssetsFromTrash", company, one)), "successCount"));
        var left = Items(await CallAsync("getAssetsByName", GetAssetsByName(ns, company, "uno", "two", "doc")), "assetArray");
        Assert.Equal(["doc", "two"], left.Select(a => Text(a, "name")));
    }

    private Task<XElement> CallAsync(string operation, string body) => CallAsync(tenant, operation, body);

    private Task<XElement> CallAsync(TestTenant caller, string operation, string body)
    {
        Called.Add(operation);
        return call(caller, operation, body);
    }

    private List<XElement> Items(XElement returnElement, string array) =>
        returnElement.Element(_ns + array)?.Elements(_ns + "items").ToList()
        ?? throw new InvalidOperationException($"no {array} in {returnElement}");

    private XElement Child(XElement element, string name) =>
        element.Element(_ns + name) ?? throw new InvalidOperationException($"no {name} in {element}");

    private string Text(XElement element, string name) => (string)Child(element, name);
}
