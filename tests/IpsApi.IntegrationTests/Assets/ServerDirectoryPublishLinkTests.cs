using System.Net;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Assets;

/// <summary>serverDirectoryPublishJob publishes the files of the server directory and nothing that a link leads to.</summary>
[Collection(ServerCollection.Name)]
public sealed class ServerDirectoryPublishLinkTests(ServerFixture server)
{
    [Fact]
    public async Task Links_to_folders_and_files_outside_are_not_published()
    {
        var tenant = await server.NewTenantAsync();
        var outside = Directory.CreateTempSubdirectory("ipsapi-outside-").FullName;
        Directory.CreateDirectory(Path.Combine(outside, "sub"));
        await File.WriteAllTextAsync(Path.Combine(outside, "sub", "secret.txt"), "outside the storage root");
        await File.WriteAllTextAsync(Path.Combine(outside, "passwd"), "outside the storage root");
        var serverRoot = server.FoldersOf(tenant).Server;
        Directory.CreateDirectory(Path.Combine(serverRoot, "site"));
        await File.WriteAllTextAsync(Path.Combine(serverRoot, "site", "index.html"), "<h1>ours</h1>");
        Directory.CreateSymbolicLink(Path.Combine(serverRoot, "lnk"), outside);
        File.CreateSymbolicLink(Path.Combine(serverRoot, "site", "passwd"), Path.Combine(outside, "passwd"));

        await server.SubmitAsync(tenant, "publish with links", "<serverDirectoryPublishJob><emailSetting>None</emailSetting></serverDirectoryPublishJob>");
        var run = await server.WaitForRunAsync(tenant, "publish with links", r => r.EndedAt is not null);

        Assert.Equal(("Done", 1, 0), (run.State, run.FileSuccess, run.FileError));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(tenant, "site/index.html"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(tenant, "lnk/sub/secret.txt"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(tenant, "site/passwd"));
        Assert.DoesNotContain(await server.DetailsAsync(run.Id), d => (d.AssetName ?? "").Contains("secret", StringComparison.Ordinal)
            || (d.AssetName ?? "").Contains("passwd", StringComparison.Ordinal));
    }

    private async Task<HttpStatusCode> StatusAsync(TestTenant tenant, string path)
    {
        using var response = await server.Http.GetAsync(new Uri(server.BaseAddress, $"/is/content/{tenant.CompanyHandle}/{path}"));
        return response.StatusCode;
    }
}
