using System.Security.Cryptography;
using System.Security;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Logs;

namespace IpsApi.IntegrationTests.Assets;

/// <summary>
/// uploadUrlsJob end to end: files served by a loopback HTTP server become assets with their renditions;
/// every option is checked on the files and rows it produces.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class UploadUrlsTests(ServerFixture server)
{
    [Fact]
    public async Task Images_become_assets_with_their_facts_the_original_and_an_optimized_pyramid()
    {
        var tenant = await server.NewTenantAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var jpeg = server.Files.Add($"{id}/shoe.jpg", TestMedia.SolidImage(600, 400, ".jpg"));
        var png = server.Files.Add($"{id}/shoe.png", TestMedia.SolidImage(640, 480, ".png"));
        var tiff = server.Files.Add($"{id}/shoe.tif", TestMedia.SolidImage(300, 300, ".tif"));

        var run = await UploadAsync(tenant, "images", [(jpeg, "catalog/spring/shoe.jpg"), (png, "catalog/spring/shoe.png"), (tiff, "shoe.tif")]);

        Assert.Equal(("Done", 3, 0, 3), (run.State, run.FileSuccess, run.FileError, run.TotalFiles));
        var asset = (await AssetRow.LoadAsync(server, tenant.CompanyHandle, "catalog/spring/shoe.jpg"))!;
        Assert.Equal(("Image", 600, 400), (asset.Kind, asset.Width, asset.Height));
        Assert.Equal("jpeg", asset.Format, ignoreCase: true);
        var original = Path.Combine(server.StorageRoot, asset.OriginalKey);
        Assert.Equal(asset.Checksum, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(original))));
        var pyramid = Path.Combine(server.StorageRoot, asset.Renditions["Pyramid:optimized"]);
        Assert.Equal((600, 400), Dims(TestMedia.Size(pyramid)));
        Assert.Equal((300, 200), Dims(TestMedia.Size(pyramid, page: 1))); // a second, half-size level
        Assert.NotNull(await AssetRow.LoadAsync(server, tenant.CompanyHandle, "shoe.tif"));

        var details = await server.DetailsAsync(run.Id);
        var success = details.Where(d => d.LogType == "UploadSuccess").ToList();
        Assert.Equal(3, success.Count);
        Assert.Contains(success, d => d.AssetName == "catalog/spring/shoe.jpg");
        Assert.Equal(3, details.Count(d => d.LogType == "FileBegin"));
    }

    [Fact]
    public async Task An_existing_asset_is_skipped_without_overwrite_and_replaced_with_it()
    {
        var tenant = await server.NewTenantAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var first = server.Files.Add($"{id}/a.png", TestMedia.SolidImage(300, 300, ".png"));
        var second = server.Files.Add($"{id}/b.png", TestMedia.SolidImage(320, 310, ".png"));
        await UploadAsync(tenant, "first", [(first, "a.png")], readyForPublish: true);
        var before = (await AssetRow.LoadAsync(server, tenant.CompanyHandle, "a.png"))!;

        var skipped = await UploadAsync(tenant, "again", [(second, "a.png")], overwrite: false);
        var unchanged = (await AssetRow.LoadAsync(server, tenant.CompanyHandle, "a.png"))!;
        var replaced = await UploadAsync(tenant, "replace", [(second, "a.png")], overwrite: true, readyForPublish: false, preservePublishState: true);
        var after = (await AssetRow.LoadAsync(server, tenant.CompanyHandle, "a.png"))!;

        Assert.Equal((1, 0), (skipped.FileDuplicate, skipped.FileSuccess));
        Assert.Equal((300, before.Checksum), (unchanged.Width!.Value, unchanged.Checksum));
        Assert.Equal(1, replaced.FileUpdate);
        Assert.Equal((before.Id, 320), (after.Id, after.Width!.Value));
        Assert.True(after.ReadyForPublish); // preservePublishState kept the earlier choice
        Assert.False(File.Exists(Path.Combine(server.StorageRoot, before.OriginalKey))); // the replaced original is gone
        Assert.True(File.Exists(Path.Combine(server.StorageRoot, after.OriginalKey)));
    }

    [Fact]
    public async Task Manual_and_auto_colour_crops_cut_the_pyramid_to_size()
    {
        var tenant = await server.NewTenantAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var framed = server.Files.Add($"{id}/framed.png", TestMedia.FramedImage(400, 300, 50));

        await UploadAsync(tenant, "manual", [(framed, "manual.png")],
            extra: "<manualCropOptions><left>10</left><right>20</right><top>30</top><bottom>40</bottom></manualCropOptions>");
        await UploadAsync(tenant, "auto", [(framed, "auto.png")],
            extra: "<autoColorCropOptions><corner>UpperLeft</corner><tolerance>0.1</tolerance></autoColorCropOptions>");

        var manual = (await AssetRow.LoadAsync(server, tenant.CompanyHandle, "manual.png"))!;
        var auto = (await AssetRow.LoadAsync(server, tenant.CompanyHandle, "auto.png"))!;
        Assert.Equal((370, 230), Dims(TestMedia.Size(Path.Combine(server.StorageRoot, manual.Renditions["Pyramid:optimized"]))));
        var trimmed = Path.Combine(server.StorageRoot, auto.Renditions["Pyramid:optimized"]);
        Assert.Equal((300, 200), Dims(TestMedia.Size(trimmed)));
        var corner = TestMedia.Pixel(trimmed, 0, 0);
        Assert.True(corner[0] > 200 && corner[1] < 60, $"the corner is red after the white frame is trimmed: {string.Join(',', corner)}");
        Assert.Equal((400, 300), (manual.Width!.Value, manual.Height!.Value)); // the original keeps its size
    }

    [Fact]
    public async Task Knockout_makes_the_background_transparent_and_createMask_writes_the_mask()
    {
        var tenant = await server.NewTenantAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var framed = server.Files.Add($"{id}/object.png", TestMedia.FramedImage(300, 200, 40));

        await UploadAsync(tenant, "knockout", [(framed, "object.png")], createMask: true,
            extra: "<knockoutBackgroundOptions><corner>UpperLeft</corner><tolerance>0.1</tolerance><fillMethod>FloodFill</fillMethod></knockoutBackgroundOptions>");

        var asset = (await AssetRow.LoadAsync(server, tenant.CompanyHandle, "object.png"))!;
        var mask = Path.Combine(server.StorageRoot, asset.Renditions["Mask:mask"]);
        Assert.True(TestMedia.Pixel(mask, 5, 5)[0] < 10, "background is transparent in the mask");
        Assert.True(TestMedia.Pixel(mask, 150, 100)[0] > 245, "the object is opaque in the mask");
    }

    [Fact]
    public async Task A_pdf_is_rasterised_page_by_page_and_its_words_extracted()
    {
        var tenant = await server.NewTenantAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var pdf = server.Files.Add($"{id}/brochure.pdf", TestMedia.Pdf("Spring shoes", "Summer sandals", "Autumn boots"));

        var run = await UploadAsync(tenant, "pdf", [(pdf, "docs/brochure.pdf")],
            extra: "<pdfOptions><process>Rasterize</process><resolution>72</resolution><colorspace>Cmyk</colorspace>"
                 + "<extractSearchWords>true</extractSearchWords></pdfOptions>");

        var asset = (await AssetRow.LoadAsync(server, tenant.CompanyHandle, "docs/brochure.pdf"))!;
        Assert.Equal(("Pdf", 3), (asset.Kind, asset.PageCount!.Value));
        Assert.Equal(3, asset.Renditions.Keys.Count(k => k.StartsWith("Page:", StringComparison.Ordinal)));
        // CMYK was asked for, but PNG pages can only be RGB: the pages say so, and so does the log.
        Assert.Equal((300, 200, 3), TestMedia.Size(Path.Combine(server.StorageRoot, asset.Renditions["Page:page-2"])));
        Assert.Contains("sandals", asset.Metadata["searchWords"], StringComparison.Ordinal);
        var warning = (await server.DetailsAsync(run.Id)).Single(d => d.LogType == "UploadWarning");
        Assert.Equal(("docs/brochure.pdf", "pdfOptions colorspace Cmyk: the page images are RGB, since PNG cannot hold CMYK"),
            (warning.AssetName, warning.Message));
        Assert.Equal((1, 1), (run.FileSuccess, run.FileWarning));
    }

    [Fact]
    public async Task A_video_gets_its_facts_a_thumbnail_and_the_asked_encodes()
    {
        var tenant = await server.NewTenantAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var video = server.Files.Add($"{id}/clip.mp4", await TestMedia.VideoAsync());

        await UploadAsync(tenant, "video", [(video, "clip.mp4")],
            tail: "<mediaOptions><videoEncodingPresetsArray><items>webm-480p</items></videoEncodingPresetsArray>"
                 + "<generateThumbnail>true</generateThumbnail><thumbnailOptions><thumbnailTime>1000</thumbnailTime></thumbnailOptions></mediaOptions>");

        var asset = (await AssetRow.LoadAsync(server, tenant.CompanyHandle, "clip.mp4"))!;
        Assert.Equal(("Video", 320, 240, "h264"), (asset.Kind, asset.Width!.Value, asset.Height!.Value, asset.Codec));
        Assert.InRange(asset.DurationMs!.Value, 1900, 2100);
        Assert.Equal((320, 240), Dims(TestMedia.Size(Path.Combine(server.StorageRoot, asset.Renditions["Thumbnail:thumbnail"]))));
        Assert.True(new FileInfo(Path.Combine(server.StorageRoot, asset.Renditions["Encode:webm-480p"])).Length > 0);
    }

    [Fact]
    public async Task A_zip_is_unpacked_into_assets_and_a_zip_slip_entry_is_refused()
    {
        var tenant = await server.NewTenantAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var zip = server.Files.Add($"{id}/bundle.zip", TestMedia.Zip(
            ("one.png", TestMedia.SolidImage(300, 300, ".png")),
            ("nested/two.png", TestMedia.SolidImage(310, 300, ".png"))));
        var evil = server.Files.Add($"{id}/evil.zip", TestMedia.Zip(("../../escape.png", TestMedia.SolidImage(300, 300, ".png"))));

        var unpacked = await UploadAsync(tenant, "zip", [(zip, "bundles/bundle.zip")], tail: "<unCompressOptions><process>UnCompress</process></unCompressOptions>");
        var refused = await UploadAsync(tenant, "evil", [(evil, "bundles/evil.zip")], tail: "<unCompressOptions><process>UnCompress</process></unCompressOptions>");

        Assert.Equal(2, unpacked.FileSuccess);
        Assert.NotNull(await AssetRow.LoadAsync(server, tenant.CompanyHandle, "bundles/one.png"));
        Assert.NotNull(await AssetRow.LoadAsync(server, tenant.CompanyHandle, "bundles/nested/two.png"));
        Assert.Equal((0, 1), (refused.FileSuccess, refused.FileError));
        Assert.Equal(2, await AssetRow.CountAsync(server, tenant.CompanyHandle));
        Assert.Empty(Directory.GetFiles(server.StorageRoot, "escape.png", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Hostile_sources_are_refused_one_by_one_and_the_rest_still_arrives()
    {
        var tenant = await server.NewTenantAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var good = server.Files.Add($"{id}/good.png", TestMedia.SolidImage(300, 300, ".png"));
        var sources = new (string Url, string Dest)[]
        {
            (good, "good.png"),
            ("http://10.255.255.1/private.png", "private.png"),                                 // refused before any connection
            (server.Files.Url("/redirect?to=http://192.168.255.1/x.png"), "redirected.png"),   // redirect target refused
            (server.Files.Url("/hang"), "hang.png"),                                           // gives up after the read timeout
            (server.Files.Url("/claims-huge"), "huge.png"),                                    // over the size limit by its header
            (server.Files.Url("/files/missing.png"), "missing.png"),                           // 404
            (server.Files.Add($"{id}/corrupt.png", [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4, 5]), "corrupt.png"),
        };

        var run = await UploadAsync(tenant, "hostile", sources);

        Assert.Equal(("Done", 1, 6), (run.State, run.FileSuccess, run.FileError));
        Assert.Equal(1, await AssetRow.CountAsync(server, tenant.CompanyHandle));
        var errors = (await server.DetailsAsync(run.Id)).Where(d => d.LogType == "UploadError").ToList();
        Assert.Contains(errors, e => e.AssetName == "private.png" && e.Message.Contains("refused", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.AssetName == "redirected.png" && e.Message.Contains("redirect", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.AssetName == "hang.png");
        Assert.Contains(errors, e => e.AssetName == "huge.png" && e.Message.Contains("limit", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain(server.StorageRoot, e.Message, StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(server.FoldersOf(tenant).Root, "*-download*", SearchOption.AllDirectories));

        // Transfers count what the loopback server really delivered: the good file and the corrupt one (whose
        // body arrived; it is the file that is refused). The five others never arrived.
        var kit = new LogTestKit(server);
        var jobLog = LogTestKit.Items(await kit.OkAsync(tenant, LogBodies.GetJobLogs(tenant.CompanyHandle))).Single();
        Assert.Equal((2, 5, 0), (LogTestKit.Int(jobLog, "transferSuccessCount"), LogTestKit.Int(jobLog, "transferErrorCount"),
            LogTestKit.Int(jobLog, "transferWarningCount")));

        // A German reader reads why in German, the URL and the HTTP status as they were.
        var handle = LogTestKit.HandleOf(tenant, "hostile", run);
        var german = LogTestKit.Items(await kit.OkAsync(tenant, LogBodies.GetJobLogDetails(tenant.CompanyHandle, handle, logTypes: ["UploadError"]),
            extraAuth: "<locale>de-DE</locale>")).Single();
        Assert.Contains(LogTestKit.Details(german), d => LogTestKit.Text(d, "logMessage")
            == $"Nicht von {server.Files.Url("/files/missing.png")} heruntergeladen: Der Server antwortete mit 404 Not Found");
    }

    [Fact]
    public async Task A_post_publish_job_is_submitted_when_the_upload_ends()
    {
        var tenant = await server.NewTenantAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var image = server.Files.Add($"{id}/p.png", TestMedia.SolidImage(300, 300, ".png"));

        await UploadAsync(tenant, "with publish", [(image, "p.png")], post:
            "<postJobOnlyIfFiles>true</postJobOnlyIfFiles><postImageServingPublishJob><publishType>Incremental</publishType><emailSetting>None</emailSetting></postImageServingPublishJob>");

        var follow = await server.WaitForRunAsync(tenant, "with publish_Pub", r => r.EndedAt is not null);
        Assert.NotNull(follow);
    }

    [Fact]
    public async Task Two_gigabytes_download_with_the_server_memory_staying_flat()
    {
        var tenant = await server.NewTenantAsync();
        GC.Collect();
        var before = Environment.WorkingSet;

        var run = await UploadAsync(tenant, "big", [(server.Files.Url("/zeros/2048"), "big.bin")], timeoutSeconds: 300);

        Assert.Equal(1, run.FileSuccess);
        var asset = (await AssetRow.LoadAsync(server, tenant.CompanyHandle, "big.bin"))!;
        Assert.Equal(("Other", 2048L * 1024 * 1024), (asset.Kind, asset.Size));
        Assert.InRange(Environment.WorkingSet - before, long.MinValue, 200L * 1024 * 1024);
        File.Delete(Path.Combine(server.StorageRoot, asset.OriginalKey));
    }

    private async Task<RunRow> UploadAsync(
        TestTenant tenant, string jobName, IReadOnlyList<(string Url, string Dest)> urls, bool overwrite = true, bool readyForPublish = false,
        bool? preservePublishState = null, bool createMask = false, string extra = "", string post = "", string tail = "",
        int timeoutSeconds = 60)
    {
        var items = string.Concat(urls.Select(u => $"<items><sourceUrl>{SecurityElement.Escape(u.Url)}</sourceUrl><destPath>{SecurityElement.Escape(u.Dest)}</destPath></items>"));
        var element = $"<uploadUrlsJob><urlArray>{items}</urlArray><overwrite>{Bool(overwrite)}</overwrite><readyForPublish>{Bool(readyForPublish)}</readyForPublish>"
            + (preservePublishState is { } preserve ? $"<preservePublishState>{Bool(preserve)}</preservePublishState>" : "")
            // Schema order: processing options, emailSetting, the post-job elements, then mediaOptions and later ones (tail).
            + $"<createMask>{Bool(createMask)}</createMask>{extra}<emailSetting>None</emailSetting>{post}{tail}</uploadUrlsJob>";
        await server.SubmitAsync(tenant, jobName, element);
        var runs = await Eventually.WaitAsync(() => server.RunsAsync(tenant, jobName), r => r.Any(x => x.EndedAt is not null),
            $"the run of {jobName}", timeoutSeconds);
        return runs.First(r => r.EndedAt is not null);
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static (int, int) Dims((int Width, int Height, int Bands) size) => (size.Width, size.Height);
}
