using System.IO.Compression;
using System.ServiceModel;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Wire;

namespace IpsApi.IntegrationTests.AssetOperations;

/// <summary>
/// The asset operations through a .NET ServiceModel client (the contract in src/IpsApi.Wire, as a WSDL-generated proxy
/// holds it): the sequence integrations run after an upload, end to end. Every asset operation through the same
/// client: Interop/ClientStacks/ServiceModelStackTests.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AssetServiceModelTests(ServerFixture server)
{
    [Fact]
    public async Task Upload_find_rename_page_export_download_delete_and_the_search_no_longer_finds_it()
    {
        var tenant = await server.NewTenantAsync();
        using var client = new IpsClient(server.ServiceAddress, tenant);
        var api = client.Api;
        var id = Guid.NewGuid().ToString("N")[..8];
        var red = TestMedia.SolidImage(60, 40, ".jpg", red: 220, green: 20, blue: 20);
        var blue = TestMedia.SolidImage(30, 20, ".png", red: 20, green: 20, blue: 220);

        // 1. Two images by URL into a folder.
        await client.SubmitAsync(new SubmitJobParam
        {
            CompanyHandle = tenant.CompanyHandle,
            JobName = "upload",
            UploadUrlsJob = new UploadUrlsJob
            {
                UrlArray = new UploadUrlArray
                {
                    Items =
                    [
                        new UploadUrl { SourceUrl = server.Files.Add($"{id}/SKU_alt1.jpg", red), DestPath = $"{tenant.CompanyName}/catalog/spring/SKU_alt1.jpg" },
                        new UploadUrl { SourceUrl = server.Files.Add($"{id}/SKU_alt2.png", blue), DestPath = "catalog/spring/SKU_alt2.png" },
                    ],
                },
                Overwrite = true, ReadyForPublish = false, CreateMask = false, EmailSetting = "None",
            },
        });
        var upload = await server.WaitForRunAsync(tenant, "upload", r => r.EndedAt is not null);
        Assert.Equal(("Done", 2), (upload.State, upload.FileSuccess));

        // 2. getAssetsByName, as integrations find what they uploaded.
        var byName = (await api.GetAssetsByNameAsync(new GetAssetsByNameRequest
        {
            AuthHeader = client.Auth,
            GetAssetsByNameParam = new GetAssetsByNameParam { CompanyHandle = tenant.CompanyHandle, NameArray = new StringArray { Items = ["SKU_alt1", "SKU_alt2"] } },
        })).GetAssetsByNameReturn.AssetArray!.Items;
        Assert.Equal(["SKU_alt1", "SKU_alt2"], byName.Select(a => a.Name));
        Assert.Equal(["Image", "Image"], byName.Select(a => a.Type));
        Assert.Equal((60, 40), (byName[0].ImageInfo!.Width, byName[0].ImageInfo!.Height));
        Assert.Equal(tenant.Email, byName[0].CreateUser);
        Assert.True(DateTime.UtcNow - byName[0].Created!.Value.ToUniversalTime() < TimeSpan.FromHours(1));
        var handles = byName.Select(a => a.AssetHandle!).ToList();

        // 3. getAssets of the handles found, three fields only.
        var three = (await api.GetAssetsAsync(new GetAssetsRequest
        {
            AuthHeader = client.Auth,
            GetAssetsParam = new GetAssetsParam
            {
                CompanyHandle = tenant.CompanyHandle, AssetHandleArray = new HandleArray { Items = handles },
                ResponseFieldArray = new StringArray { Items = ["assetHandle", "fileName", "folder"] },
            },
        })).GetAssetsReturn.AssetArray!.Items;
        Assert.Equal(["SKU_alt1.jpg", "SKU_alt2.png"], three.Select(a => a.FileName));
        Assert.All(three, a => Assert.Equal($"{tenant.CompanyName}/catalog/spring/", a.Folder));
        Assert.All(three, a => Assert.Null(a.Name));

        // 4. renameAsset: the handle stays, the name and file name change.
        await api.RenameAssetAsync(new RenameAssetRequest
        {
            AuthHeader = client.Auth,
            RenameAssetParam = new RenameAssetParam { CompanyHandle = tenant.CompanyHandle, AssetHandle = handles[0], NewName = "SKU_red", ValidateName = true },
        });

        // 5. searchAssets paged, one asset a page: totalRows is right on every page.
        var pages = new List<(int? Total, List<string> Names)>();
        for (var page = 1; page <= 3; page++)
        {
            var answer = (await api.SearchAssetsAsync(new SearchAssetsRequest
            {
                AuthHeader = client.Auth,
                SearchAssetsParam = new SearchAssetsParam
                {
                    CompanyHandle = tenant.CompanyHandle, Folder = "catalog/spring", RecordsPerPage = 1, ResultsPage = page, SortBy = "Name",
                },
            })).SearchAssetsReturn;
            pages.Add((answer.TotalRows, answer.AssetArray?.Items.Select(a => a.FileName!).ToList() ?? []));
        }

        Assert.Equal([2, 2, 2], pages.Select(p => p.Total));
        Assert.Equal(["SKU_alt2.png", "SKU_red.jpg", ""], pages.Select(p => string.Join(",", p.Names)));

        // 6. exportJob of what was found; 7. the link downloaded: the renamed asset under its new name.
        await client.SubmitAsync(new SubmitJobParam
        {
            CompanyHandle = tenant.CompanyHandle,
            JobName = "export",
            ExportJob = new ExportJob { AssetHandleArray = new HandleArray { Items = handles }, Fmt = "orig", EmailSetting = "None" },
        });
        await server.WaitForRunAsync(tenant, "export", r => r.EndedAt is not null);
        var details = (await api.GetJobLogDetailsAsync(new GetJobLogDetailsRequest
        {
            AuthHeader = client.Auth,
            GetJobLogDetailsParam = new GetJobLogDetailsParam { CompanyHandle = tenant.CompanyHandle, OriginalName = "export" },
        })).GetJobLogDetailsReturn.JobLogArray!.Items.Single().DetailArray!.Items;
        var link = details.Single(d => d.LogType == "ExportDownload").AssetName!;
        using var zip = new ZipArchive(await server.Http.GetStreamAsync(link));
        Assert.Equal(["catalog/spring/SKU_alt2.png", "catalog/spring/SKU_red.jpg"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        await using (var entry = zip.GetEntry("catalog/spring/SKU_red.jpg")!.Open())
        using (var copy = new MemoryStream())
        {
            await entry.CopyToAsync(copy);
            Assert.Equal(red, copy.ToArray());
        }

        // 8. deleteAsset; 9. the search no longer finds it.
        await api.DeleteAssetAsync(new DeleteAssetRequest
        {
            AuthHeader = client.Auth, DeleteAssetParam = new DeleteAssetParam { CompanyHandle = tenant.CompanyHandle, AssetHandle = handles[0] },
        });
        var after = (await api.SearchAssetsAsync(new SearchAssetsRequest
        {
            AuthHeader = client.Auth,
            SearchAssetsParam = new SearchAssetsParam { CompanyHandle = tenant.CompanyHandle, Folder = "catalog/spring" },
        })).SearchAssetsReturn;
        Assert.Equal(1, after.TotalRows);
        Assert.Equal(["SKU_alt2"], after.AssetArray!.Items.Select(a => a.Name));
    }
}
