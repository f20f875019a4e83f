using System.Xml.Linq;
using IpsApi.IntegrationTests.AssetWork;
using IpsApi.IntegrationTests.Infrastructure;
using static IpsApi.IntegrationTests.Companies.Calls;

namespace IpsApi.IntegrationTests.Folders;

/// <summary>Folders as rows: created, listed as a tree, renamed and moved under a stable handle, deleted when empty.</summary>
[Collection(ServerCollection.Name)]
public sealed class FolderOperationsTests(ServerFixture server)
{
    private static string Company(TestTenant tenant) => Text("companyHandle", tenant.CompanyHandle);

    private async Task<string> CreateAsync(TestTenant tenant, string path) =>
        (string)(await OkAsync(server, tenant, "createFolder", Company(tenant) + Text("folderPath", path))).Element(Ips + "folderHandle")!;

    private async Task<List<string>> PathsAsync(TestTenant tenant, string? under = null) =>
        [.. (await OkAsync(server, tenant, "getFolders", Company(tenant) + Text("folderPath", under)))
            .Element(Ips + "folderArray")!.Elements(Ips + "items").Select(i => (string)i.Element(Ips + "path")!)];

    [Fact]
    public async Task An_empty_folder_exists_and_every_path_form_names_it()
    {
        var tenant = await server.NewTenantAsync();
        var root = tenant.CompanyName;

        var spin = await CreateAsync(tenant, "/SpinSets");
        var shoes = await CreateAsync(tenant, $"{root}/products/shoes/");

        Assert.Equal([$"{root}/", $"{root}/SpinSets/", $"{root}/products/", $"{root}/products/shoes/"], await PathsAsync(tenant));
        Assert.Equal([$"{root}/products/", $"{root}/products/shoes/"], await PathsAsync(tenant, "products"));
        Assert.Equal([$"{root}/products/", $"{root}/products/shoes/"], await PathsAsync(tenant, $"/{root}/products/"));
        Assert.StartsWith($"f|{tenant.CompanyHandle}|", spin, StringComparison.Ordinal);
        Assert.NotEqual(spin, shoes);
        var again = await FaultAsync(server, tenant, "createFolder", Company(tenant) + Text("folderPath", "products/shoes"));
        Assert.Equal(30001, again.Code);
        Assert.Contains("exists already", again.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFolderTree_nests_subfolders_down_to_the_depth_asked()
    {
        var tenant = await server.NewTenantAsync();
        await CreateAsync(tenant, "a/b/c");
        await CreateAsync(tenant, "a/d");
        await CreateAsync(tenant, "e");

        async Task<XElement> Tree(int depth, string? path = null, string extra = "") =>
            Assert.Single((await OkAsync(server, tenant, "getFolderTree", Company(tenant) + Text("folderPath", path) + $"<depth>{depth}</depth>" + extra))
                .Element(Ips + "folders")!.Elements(Ips + "items"));

        static List<string> Names(XElement folder) =>
            [.. folder.Element(Ips + "subfolderArray")?.Elements(Ips + "items").Select(i => ((string)i.Element(Ips + "path")!).TrimEnd('/').Split('/')[^1]) ?? []];

        var all = await Tree(-1);
        Assert.Equal($"{tenant.CompanyName}/", (string?)all.Element(Ips + "path"));
        Assert.Equal(["a", "e"], Names(all));
        var a = all.Element(Ips + "subfolderArray")!.Elements(Ips + "items").First();
        Assert.Equal(["b", "d"], Names(a));
        Assert.Equal(["c"], Names(a.Element(Ips + "subfolderArray")!.Elements(Ips + "items").First()));

        var top = await Tree(0);
        Assert.Null(top.Element(Ips + "subfolderArray"));
        Assert.True((bool)top.Element(Ips + "hasSubfolders")!);

        var one = await Tree(1, "a");
        Assert.Equal(["b", "d"], Names(one));
        Assert.All(one.Element(Ips + "subfolderArray")!.Elements(Ips + "items"), i => Assert.Null(i.Element(Ips + "subfolderArray")));

        var pathsOnly = await Tree(0, "a/b", "<responseFieldArray><items>path</items></responseFieldArray>");
        Assert.Equal([Ips + "path"], pathsOnly.Elements().Select(e => e.Name));
        Assert.Equal(30002, (await FaultAsync(server, tenant, "getFolderTree", Company(tenant))).Code);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "getFolderTree", Company(tenant) + Text("folderPath", "nowhere") + "<depth>1</depth>")).Code);
    }

    [Fact]
    public async Task A_folder_made_by_an_upload_is_a_row_and_its_assets_follow_renames_and_moves_under_the_same_handle()
    {
        var tenant = await server.NewTenantAsync();
        // A leading '/' and the company's root path are how real clients write destPath.
        await AssetWorkSteps.UploadAsync(server, tenant, [($"/{tenant.CompanyName}/catalog/spring/a.png", TestMedia.SolidImage(32, 32, ".png"))]);
        var asset = await AssetWorkSteps.AssetAsync(server, tenant, "catalog/spring/a.png");
        var target = await CreateAsync(tenant, "archive");

        var spring = (string)(await OkAsync(server, tenant, "getFolders", Company(tenant) + Text("folderPath", "catalog/spring")))
            .Element(Ips + "folderArray")!.Elements(Ips + "items").Single().Element(Ips + "folderHandle")!;
        var renamed = await OkAsync(server, tenant, "renameFolder", Company(tenant) + Text("folderHandle", spring) + Text("folderName", "summer"));
        var moved = await OkAsync(server, tenant, "moveFolder", Company(tenant) + Text("folderHandle", spring) + Text("destFolderHandle", target));

        Assert.Equal(spring, (string?)renamed.Element(Ips + "folderHandle"));
        Assert.Equal(spring, (string?)moved.Element(Ips + "folderHandle"));
        var after = await AssetWorkSteps.AssetAsync(server, tenant, "archive/summer/a.png");
        Assert.Equal(asset.Id, after.Id);
        Assert.True(File.Exists(AssetWorkSteps.Stored(server, after.OriginalKey)));
        var paths = await PathsAsync(tenant);
        Assert.Contains($"{tenant.CompanyName}/archive/summer/", paths);
        Assert.DoesNotContain($"{tenant.CompanyName}/catalog/spring/", paths);
    }

    [Fact]
    public async Task A_folder_with_assets_is_not_deleted_and_an_empty_one_is()
    {
        var tenant = await server.NewTenantAsync();
        await AssetWorkSteps.UploadAsync(server, tenant, [("full/inner/a.png", TestMedia.SolidImage(16, 16, ".png"))]);
        var full = (string)(await OkAsync(server, tenant, "getFolders", Company(tenant) + Text("folderPath", "full")))
            .Element(Ips + "folderArray")!.Elements(Ips + "items").First().Element(Ips + "folderHandle")!;
        var empty = await CreateAsync(tenant, "empty/below");
        var emptyTop = (string)(await OkAsync(server, tenant, "getFolders", Company(tenant) + Text("folderPath", "empty")))
            .Element(Ips + "folderArray")!.Elements(Ips + "items").First().Element(Ips + "folderHandle")!;
        var root = (string)(await OkAsync(server, tenant, "getFolders", Company(tenant)))
            .Element(Ips + "folderArray")!.Elements(Ips + "items").First().Element(Ips + "folderHandle")!;

        var refused = await FaultAsync(server, tenant, "deleteFolder", Company(tenant) + Text("folderHandle", full));
        await OkAsync(server, tenant, "deleteFolder", Company(tenant) + Text("folderHandle", emptyTop));
        var rootRefused = await FaultAsync(server, tenant, "deleteFolder", Company(tenant) + Text("folderHandle", root));

        Assert.Equal(30001, refused.Code);
        Assert.Contains("holds 1 asset", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(30001, rootRefused.Code);
        var paths = await PathsAsync(tenant);
        Assert.Contains($"{tenant.CompanyName}/full/inner/", paths);
        Assert.DoesNotContain(paths, p => p.Contains("/empty/", StringComparison.Ordinal));
        Assert.Equal(30001, (await FaultAsync(server, tenant, "deleteFolder", Company(tenant) + Text("folderHandle", empty))).Code);
    }

    [Fact]
    public async Task Bad_paths_names_and_other_companies_folders_are_refused_and_change_nothing()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();
        var mine = await CreateAsync(tenant, "mine/child");
        var mineTop = (string)(await OkAsync(server, tenant, "getFolders", Company(tenant) + Text("folderPath", "mine")))
            .Element(Ips + "folderArray")!.Elements(Ips + "items").First().Element(Ips + "folderHandle")!;
        var theirs = await CreateAsync(other, "theirs");
        var before = await PathsAsync(tenant);

        Assert.Equal(30001, (await FaultAsync(server, tenant, "createFolder", Company(tenant) + Text("folderPath", "a/../../escape"))).Code);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "createFolder", Company(tenant) + Text("folderPath", "a\tb"))).Code);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "createFolder", Company(tenant) + Text("folderPath", "a//b"))).Code);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "renameFolder", Company(tenant) + Text("folderHandle", mine) + Text("folderName", "x/y"))).Code);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "renameFolder", Company(tenant) + Text("folderHandle", mine) + Text("folderName", ".."))).Code);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "moveFolder", Company(tenant) + Text("folderHandle", mineTop) + Text("destFolderHandle", mine))).Code);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "deleteFolder", Company(tenant) + Text("folderHandle", theirs))).Code);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "renameFolder", Company(tenant) + Text("folderHandle", theirs) + Text("folderName", "x"))).Code);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "moveFolder", Company(tenant) + Text("folderHandle", mine) + Text("destFolderHandle", theirs))).Code);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "moveFolder", Company(tenant) + Text("folderHandle", mine) + Text("destFolderHandle", "f|x"))).Code);
        var foreignCompany = await FaultAsync(server, tenant, "getFolders", Text("companyHandle", other.CompanyHandle));
        Assert.Equal(20006, foreignCompany.Code);

        Assert.Equal(before, await PathsAsync(tenant));
        Assert.Equal([$"{other.CompanyName}/", $"{other.CompanyName}/theirs/"], await PathsAsync(other));
    }

    [Fact]
    public async Task Impersonation_is_for_administrators_and_groups_do_not_exist_here()
    {
        var tenant = await server.NewTenantAsync();
        var admin = await server.NewTenantAsync(IpsApi.Jobs.Accounts.UserRole.IpsAdmin);

        var asUser = await FaultAsync(server, tenant, "getFolders", Company(tenant) + Text("accessUserHandle", tenant.UserHandle));
        var group = await FaultAsync(server, tenant, "getFolders", Company(tenant) + Text("accessGroupHandle", "g|1"));
        var allowed = await OkAsync(server, admin, "getFolders", Company(tenant) + Text("accessUserHandle", tenant.UserHandle));

        Assert.Equal(20004, asUser.Code);
        Assert.Equal(20008, group.Code);
        Assert.Equal($"{tenant.CompanyName}/", (string?)allowed.Element(Ips + "folderArray")!.Elements(Ips + "items").First().Element(Ips + "path"));
    }
}
