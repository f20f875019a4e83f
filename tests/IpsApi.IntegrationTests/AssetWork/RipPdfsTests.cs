using IpsApi.IntegrationTests.Infrastructure;
using static IpsApi.IntegrationTests.AssetWork.AssetWorkSteps;

namespace IpsApi.IntegrationTests.AssetWork;

/// <summary>ripPdfsJob end to end: a PDF's pages become image assets beside it, each with its pyramid.</summary>
[Collection(ServerCollection.Name)]
public sealed class RipPdfsTests(ServerFixture server)
{
    [Fact]
    public async Task Each_page_becomes_an_image_asset_next_to_the_pdf_and_what_is_not_a_pdf_is_a_warning()
    {
        var tenant = await server.NewTenantAsync();
        await UploadAsync(server, tenant,
        [
            ("docs/brochure.pdf", TestMedia.Pdf("Spring shoes", "Summer sandals", "Autumn boots")),
            ("docs/cover.png", TestMedia.SolidImage(200, 100, ".png")),
        ]);
        var pdf = await AssetAsync(server, tenant, "docs/brochure.pdf");
        var image = await AssetAsync(server, tenant, "docs/cover.png");

        var job = $"<ripPdfsJob><pdfHandleArray>{Handles([Handle(tenant, pdf), Handle(tenant, image)])}</pdfHandleArray>"
            + "<createMask>false</createMask><pdfOptions><resolution>144</resolution><colorspace>Gray</colorspace>"
            + "<extractSearchWords>true</extractSearchWords></pdfOptions><emailSetting>None</emailSetting></ripPdfsJob>";
        var run = await RunAsync(server, tenant, "rip", job);

        Assert.Equal(("Done", 3, 0, 1), (run.State, run.FileSuccess, run.FileError, run.FileWarning));
        for (var page = 1; page <= 3; page++)
        {
            var asset = await AssetAsync(server, tenant, $"docs/brochure-{page}");
            Assert.Equal(("Image", 600, 400), (asset.Kind, asset.Width!.Value, asset.Height!.Value)); // 144 dpi: twice the 72 dpi size
            var pyramid = Stored(server, asset.Renditions["Pyramid:optimized"]);
            Assert.Equal([(600, 400), (300, 200), (150, 100)], Levels(pyramid));
            Assert.True(TestMedia.Pixel(pyramid, 2, 2)[0] > 245, "the page's margin is white");
        }

        Assert.Null(await AssetRow.LoadAsync(server, tenant.CompanyHandle, "docs/brochure-4"));
        Assert.Contains("sandals", (await AssetAsync(server, tenant, "docs/brochure.pdf")).Metadata["searchWords"], StringComparison.Ordinal);
        var details = await server.DetailsAsync(run.Id);
        var begin = details.Single(d => d.LogType == "BeginPdfRip");
        Assert.Equal(("docs/brochure.pdf", "Rasterising 3 pages"), (begin.AssetName, begin.Message));
        Assert.Equal(["docs/brochure-1", "docs/brochure-2", "docs/brochure-3"],
            details.Where(d => d.LogType == "UploadSuccess").Select(d => d.AssetName!));
        Assert.Contains(details, d => d.LogType == "PdfRipWarning" && d.Message == "Not a PDF but Image; skipped" && d.AssetName == "docs/cover.png");

        // Ripping again replaces the pages in place.
        var firstPage = await AssetAsync(server, tenant, "docs/brochure-1");
        var again = await RunAsync(server, tenant, "rip again", job);
        Assert.Equal(3, again.FileUpdate);
        Assert.Equal(firstPage.Id, (await AssetAsync(server, tenant, "docs/brochure-1")).Id);
    }

    [Fact]
    public async Task PdfCatalog_makes_an_eCatalog_of_the_pages_in_order_beside_the_pdf_and_a_second_rip_rewrites_it()
    {
        var tenant = await server.NewTenantAsync();
        // Eleven pages: in page order brochure-10 comes after brochure-9, where sorting by name would put it second.
        var pageTexts = Enumerable.Range(1, 11).Select(n => $"Page {n}").ToArray();
        await UploadAsync(server, tenant, [("docs/brochure.pdf", TestMedia.Pdf(pageTexts))], readyForPublish: true);
        string[] pages = [.. Enumerable.Range(1, 11).Select(n => $"brochure-{n}")];
        var pdf = await AssetAsync(server, tenant, "docs/brochure.pdf");
        var job = $"<ripPdfsJob><pdfHandleArray>{Handles([Handle(tenant, pdf)])}</pdfHandleArray><createMask>false</createMask>"
            + "<pdfOptions><resolution>36</resolution><pdfCatalog>true</pdfCatalog></pdfOptions><emailSetting>None</emailSetting></ripPdfsJob>";

        var run = await RunAsync(server, tenant, "catalog", job);

        Assert.Equal(("Done", 12, 0, 0), (run.State, run.FileSuccess, run.FileError, run.FileWarning)); // eleven pages and the catalog
        var catalog = await AssetAsync(server, tenant, "docs/brochure");
        Assert.Equal(("ECatalog", true), (catalog.Kind, catalog.ReadyForPublish));
        Assert.Equal(pages, await MembersAsync(server, catalog.Id));
        var written = (await server.DetailsAsync(run.Id)).Single(d => d.AssetType == "ECatalog");
        Assert.Equal(("UploadSuccess", "docs/brochure", "eCatalog written with the 11 pages in order"), (written.LogType, written.AssetName, written.Message));

        var again = await RunAsync(server, tenant, "catalog again", job);

        Assert.Equal(12, again.FileUpdate);
        Assert.Equal(catalog.Id, (await AssetAsync(server, tenant, "docs/brochure")).Id);
        Assert.Equal(pages, await MembersAsync(server, catalog.Id));
    }

    [Fact]
    public async Task A_pdf_that_does_not_rasterise_is_a_PdfRipError_and_no_page_is_written()
    {
        var tenant = await server.NewTenantAsync();
        await UploadAsync(server, tenant, [("bad.pdf", TestMedia.Pdf("One page"))]);
        var pdf = await AssetAsync(server, tenant, "bad.pdf");
        await File.WriteAllBytesAsync(Stored(server, pdf.OriginalKey), "%PDF-1.4 truncated"u8.ToArray());

        var run = await RunAsync(server, tenant, "rip bad",
            $"<ripPdfsJob><pdfHandleArray>{Handles([Handle(tenant, pdf)])}</pdfHandleArray><createMask>false</createMask>"
            + "<emailSetting>None</emailSetting></ripPdfsJob>");

        Assert.Equal(("Done", 0, 1), (run.State, run.FileSuccess, run.FileError));
        var error = (await server.DetailsAsync(run.Id)).Single(d => d.LogType == "PdfRipError");
        Assert.Equal("bad.pdf", error.AssetName);
        Assert.StartsWith("The PDF was not rasterised: ", error.Message, StringComparison.Ordinal);
        Assert.Null(await AssetRow.LoadAsync(server, tenant.CompanyHandle, "bad-1"));
    }
}
