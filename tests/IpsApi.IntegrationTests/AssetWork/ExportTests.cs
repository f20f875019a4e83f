using System.IO.Compression;
using System.Net;
using System.Security;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Server.Admin;
using static IpsApi.IntegrationTests.AssetWork.AssetWorkSteps;

namespace IpsApi.IntegrationTests.AssetWork;

/// <summary>exportJob end to end: the ZIP behind the link in the job log, its entries, formats and sizes.</summary>
[Collection(ServerCollection.Name)]
public sealed class ExportTests(ServerFixture server)
{
    [Fact]
    public async Task Originals_are_zipped_as_stored_behind_an_expiring_link()
    {
        var tenant = await server.NewTenantAsync();
        var jpeg = TestMedia.SolidImage(600, 400, ".jpg");
        var pdf = TestMedia.Pdf("Spring shoes");
        await UploadAsync(server, tenant, [("catalog/shoe.jpg", jpeg), ("docs/brochure.pdf", pdf)]);
        var handles = new[]
        {
            Handle(tenant, await AssetAsync(server, tenant, "catalog/shoe.jpg")),
            Handle(tenant, await AssetAsync(server, tenant, "docs/brochure.pdf")),
        };

        var (run, link) = await ExportAsync(tenant, "orig", handles, "orig");

        Assert.Equal(("Done", 2, 0, 0), (run.State, run.FileSuccess, run.FileWarning, run.FileError));
        Assert.StartsWith($"{server.BaseAddress.GetLeftPart(UriPartial.Authority)}/exports/", link!, StringComparison.Ordinal);
        var zip = await DownloadAsync(link!);
        Assert.Equal(["catalog/shoe.jpg", "docs/brochure.pdf"], zip.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(jpeg, zip["catalog/shoe.jpg"]);
        Assert.Equal(pdf, zip["docs/brochure.pdf"]);
        Assert.Single(Directory.GetFiles(Path.Combine(server.FoldersOf(tenant).Root, "exports"), "*.zip"));
        var details = await server.DetailsAsync(run.Id);
        Assert.StartsWith("The ZIP of 2 files can be downloaded until ", details.Single(d => d.LogType == "ExportDownload").Message, StringComparison.Ordinal);

        // A guessed token and an expired one are both simply not there.
        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync(new Uri(server.BaseAddress, "/exports/" + new string('A', 43)))).StatusCode);
        await server.ExecuteAsync("update export_downloads set expires_at = now() - interval '1 minute' where token = @token",
            ("token", link![(link!.LastIndexOf('/') + 1)..]));
        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Convert_renders_images_with_the_modifiers_and_skips_what_is_not_an_image()
    {
        var tenant = await server.NewTenantAsync();
        await UploadAsync(server, tenant,
        [
            ("shoe.jpg", TestMedia.SolidImage(600, 400, ".jpg", red: 200, green: 30, blue: 30)),
            ("framed.png", TestMedia.FramedImage(400, 300, 50)),
            ("docs/brochure.pdf", TestMedia.Pdf("Spring shoes")),
        ]);
        string[] handles =
        [
            Handle(tenant, await AssetAsync(server, tenant, "shoe.jpg")),
            Handle(tenant, await AssetAsync(server, tenant, "framed.png")),
            Handle(tenant, await AssetAsync(server, tenant, "docs/brochure.pdf")),
        ];

        var (run, link) = await ExportAsync(tenant, "crop png", handles, "convert", modifiers: "wid=200&hei=100&fit=crop&fmt=png");
        var (_, cropLink) = await ExportAsync(tenant, "region", handles[1..2], "convert", modifiers: "crop=50,50,300,200&wid=150&fmt=jpg&qlt=90");

        Assert.Equal(("Done", 2, 1), (run.State, run.FileSuccess, run.FileWarning));
        var zip = await DownloadAsync(link!);
        Assert.Equal(["framed.png", "shoe.png"], zip.Keys.Order(StringComparer.Ordinal));
        var shoe = Save(zip["shoe.png"], ".png");
        Assert.Equal((200, 100), Dims(TestMedia.Size(shoe)));
        var red = TestMedia.Pixel(shoe, 100, 50);
        Assert.True(red[0] > 180 && red[1] < 60, $"the image's colour: {string.Join(',', red)}");
        Assert.Equal((200, 100), Dims(TestMedia.Size(Save(zip["framed.png"], ".png"))));
        Assert.Equal("A Pdf asset cannot be converted to an image; skipped",
            (await server.DetailsAsync(run.Id)).Single(d => d.LogType == "ExportWarning").Message);

        // crop= cuts the frame away before scaling: only the red inside is left.
        var region = Save((await DownloadAsync(cropLink!))["framed.jpg"], ".jpg");
        Assert.Equal((150, 100), Dims(TestMedia.Size(region)));
        var corner = TestMedia.Pixel(region, 1, 1);
        Assert.True(corner[0] > 180 && corner[1] < 80, $"no white frame left: {string.Join(',', corner)}");
    }

    [Fact]
    public async Task A_macro_set_with_the_admin_command_wins_over_is_modifier()
    {
        var tenant = await server.NewTenantAsync();
        await UploadAsync(server, tenant, [("shoe.jpg", TestMedia.SolidImage(600, 400, ".jpg"))]);
        var handle = Handle(tenant, await AssetAsync(server, tenant, "shoe.jpg"));
        var output = new StringWriter();
        Assert.Equal(0, await AdminCommand.RunAsync(["macro", "set", tenant.CompanyHandle, "thumb", "wid=60&fmt=webp&qlt=70"], output, TextWriter.Null,
            ServerFixture.ConnectionString));
        Assert.Equal(64, await AdminCommand.RunAsync(["macro", "set", tenant.CompanyHandle, "bad", "wid=60&blur=3"], TextWriter.Null, TextWriter.Null,
            ServerFixture.ConnectionString));

        var (run, link) = await ExportAsync(tenant, "macro", [handle], "convert", modifiers: "wid=300&fmt=png", macro: "thumb");

        Assert.Equal($"macro thumb of {tenant.CompanyHandle} set", output.ToString().Trim());
        Assert.Equal(("Done", 1), (run.State, run.FileSuccess));
        var zip = await DownloadAsync(link!);
        var webp = Save(zip["shoe.webp"], ".webp");
        Assert.Equal((60, 40), Dims(TestMedia.Size(webp)));
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(zip["shoe.webp"], 0, 4));
    }

    [Theory]
    [InlineData("wid=8192&amp;hei=8192&amp;fit=stretch", "8192 x 8192")]
    [InlineData("wid=8192&amp;hei=8192", "8192 x 6144")]
    [InlineData("scl=0.0001", "640000 x 480000")]
    public async Task A_conversion_larger_than_delivery_renders_is_refused_at_submit_with_30001_and_nothing_stored(string modifiers, string size)
    {
        var tenant = await server.NewTenantAsync();
        await UploadAsync(server, tenant, [("small.jpg", TestMedia.SolidImage(64, 48, ".jpg"))]);
        var handle = Handle(tenant, await AssetAsync(server, tenant, "small.jpg"));

        var response = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "huge",
            $"<exportJob><assetHandleArray>{Handles([handle])}</assetHandleArray><fmt>convert</fmt><is_modifier>{modifiers}</is_modifier>"
            + "<emailSetting>None</emailSetting></exportJob>")));

        Assert.Equal(30001, response.FaultCode);
        Assert.Contains($"would be {size} pixels, more than this server renders (4096 per side, 16777216 in all)", response.FaultReason, StringComparison.Ordinal);
        Assert.Equal(0L, await server.ScalarAsync<long>(
            "select count(*) from jobs j join companies c on c.id = j.company_id where c.handle = @c and j.name = 'huge'", ("c", tenant.CompanyHandle)));
    }

    [Fact]
    public async Task A_macro_that_grew_past_the_limits_after_submit_is_refused_at_run_time_with_nothing_rendered()
    {
        var tenant = await server.NewTenantAsync();
        await UploadAsync(server, tenant, [("small.jpg", TestMedia.SolidImage(64, 48, ".jpg"))]);
        var handle = Handle(tenant, await AssetAsync(server, tenant, "small.jpg"));
        Assert.Equal(0, await AdminCommand.RunAsync(["macro", "set", tenant.CompanyHandle, "grows", "wid=32&fmt=png"], TextWriter.Null, TextWriter.Null,
            ServerFixture.ConnectionString));
        var jobHandle = await server.SubmitAsync(tenant, "later", $"<execTime>{DateTimeOffset.UtcNow.AddDays(7):yyyy-MM-ddTHH:mm:ssZ}</execTime>"
            + $"<exportJob><assetHandleArray>{Handles([handle])}</assetHandleArray><fmt>convert</fmt><macro>grows</macro>"
            + "<emailSetting>None</emailSetting></exportJob>");
        Assert.Equal(0, await AdminCommand.RunAsync(["macro", "set", tenant.CompanyHandle, "grows", "scl=0.0001&fmt=png"], TextWriter.Null, TextWriter.Null,
            ServerFixture.ConnectionString));

        using (var client = new IpsClient(server.ServiceAddress, tenant))
        {
            await client.ExecuteAsync(jobHandle);
        }

        var run = await server.WaitForRunAsync(tenant, "later", r => r.EndedAt is not null);
        var details = await server.DetailsAsync(run.Id);
        Assert.Equal((0, 1), (run.FileSuccess, run.FileError));
        Assert.Contains(details, d => d.LogType == "ExportError" && d.Message ==
            "Not exported: the image would be 640000 x 480000 pixels, more than this server renders (4096 per side, 16777216 in all)");
        Assert.DoesNotContain(details, d => d.LogType == "ExportDownload");
    }

    private async Task<(RunRow Run, string? Link)> ExportAsync(
        TestTenant tenant, string jobName, IReadOnlyList<string> handles, string format, string? modifiers = null, string? macro = null)
    {
        var run = await RunAsync(server, tenant, jobName,
            $"<exportJob><assetHandleArray>{Handles(handles)}</assetHandleArray><fmt>{format}</fmt>"
            + (modifiers is null ? "" : $"<is_modifier>{SecurityElement.Escape(modifiers)}</is_modifier>")
            + (macro is null ? "" : $"<macro>{macro}</macro>")
            + "<emailSetting>None</emailSetting></exportJob>");
        var link = (await server.DetailsAsync(run.Id)).SingleOrDefault(d => d.AssetName?.StartsWith("http", StringComparison.Ordinal) == true)?.AssetName;
        return (run, link);
    }

    /// <summary>Fetches the link as a client would and reads every entry of the ZIP.</summary>
    private async Task<Dictionary<string, byte[]>> DownloadAsync(string link)
    {
        using var response = await server.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        // A download, never a page a browser could run: the same guard as delivered content.
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries[entry.FullName] = copy.ToArray();
        }

        return entries;
    }

    private static string Save(byte[] content, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ipsapi-export-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, content);
        return path;
    }

    private static (int, int) Dims((int Width, int Height, int Bands) size) => (size.Width, size.Height);
}
