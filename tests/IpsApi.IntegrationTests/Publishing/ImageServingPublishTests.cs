using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Server.Admin;
using static IpsApi.IntegrationTests.AssetWork.AssetWorkSteps;
using static IpsApi.IntegrationTests.Publishing.PublishSteps;

namespace IpsApi.IntegrationTests.Publishing;

/// <summary>imageServingPublishJob and /is/image: publish, then fetch what was published as a browser would.</summary>
[Collection(ServerCollection.Name)]
public sealed class ImageServingPublishTests(ServerFixture server)
{
    [Fact]
    public async Task An_image_is_404_before_publish_and_rendered_in_the_asked_size_and_format_after()
    {
        var tenant = await server.NewTenantAsync();
        await UploadAsync(server, tenant, [("products/shoe.jpg", TestMedia.FramedImage(1200, 800, 40, ".jpg"))], readyForPublish: true);
        var image = $"/is/image/{tenant.CompanyHandle}/shoe";

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(server, $"{image}?wid=300")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(server, $"/is/image/no-such-company/shoe")).StatusCode);

        var run = await PublishImagesAsync(server, tenant, "Full");

        Assert.Equal(("Done", 1), (run.State, run.FileSuccess));
        Assert.Equal("full", await SubTypeAsync(server, run.Id));
        var details = await server.DetailsAsync(run.Id);
        Assert.Equal("BeginImageServingPublish", details[0].LogType);
        Assert.Equal("EndImageServingPublish", details[^1].LogType);
        Assert.Contains(details, d => d.LogType == "ImageServingPublishSuccess" && d.AssetName == "products/shoe.jpg");
        Assert.Equal("Published", (await AssetAsync(server, tenant, "products/shoe.jpg")).PublishState);

        var png = await GetAsync(server, $"{image}?wid=300&fmt=png");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal((300, 200, "pngload_buffer"), Drop3(await DecodeAsync(png)));
        Assert.Equal((200, 200, "jpegload_buffer"), Drop3(await DecodeAsync(await GetAsync(server, $"{image}?wid=200&hei=200&fit=crop&fmt=jpeg&qlt=70"))));
        Assert.Equal((150, 100, "webpload_buffer"), Drop3(await DecodeAsync(await GetAsync(server, $"{image}?hei=100&fmt=webp"))));
        Assert.Equal((120, 80, "tiffload_buffer"), Drop3(await DecodeAsync(await GetAsync(server, $"{image}?wid=120&fmt=tif"))));
        Assert.Equal((300, 200, "jpegload_buffer"), Drop3(await DecodeAsync(await GetAsync(server, $"{image}?scl=4"))));
        Assert.Equal((200, 300, "jpegload_buffer"), Drop3(await DecodeAsync(await GetAsync(server, $"{image}?wid=200&rotate=90"))));
        Assert.Equal((150, 100, "jpegload_buffer"), Drop3(await DecodeAsync(await GetAsync(server, $"{image}?crop=0,0,600,400&wid=150"))));
        // No size asked: image serving's default box (400 pixels here), never larger than the image.
        Assert.Equal((400, 267, "jpegload_buffer"), Drop3(await DecodeAsync(await GetAsync(server, image))));

        // fit=fit: exactly the box, the rest in the background colour; constrain: only as large as the image needs.
        var boxed = await GetAsync(server, $"{image}?wid=300&hei=300&fit=fit&bgc=ff0000&fmt=png");
        Assert.Equal((300, 300, "pngload_buffer"), Drop3(await DecodeAsync(boxed)));
        Assert.Equal([255, 0, 0], (await PixelAsync(boxed, 150, 10)).Take(3));
        Assert.Equal((300, 200, "jpegload_buffer"), Drop3(await DecodeAsync(await GetAsync(server, $"{image}?wid=300&hei=300&fit=constrain"))));

        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(server, $"{image}?wid=20000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(server, $"{image}?wid=3000&hei=3000&fit=stretch&scl=0.01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(server, $"{image}?fmt=gif")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(server, $"{image}?req=bogus")).StatusCode);
        // Modifiers this server does not know are left out, as image serving does.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(server, $"{image}?wid=100&op_sharpen=1")).StatusCode);

        var properties = await (await GetAsync(server, $"{image}?req=imageprops")).Content.ReadAsStringAsync();
        Assert.Contains("image.width=1200\n", properties, StringComparison.Ordinal);
        Assert.Contains("image.height=800\n", properties, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incremental_publishes_only_the_changed_image_and_leaves_the_other_files_untouched()
    {
        var tenant = await server.NewTenantAsync();
        await UploadAsync(server, tenant,
            [("a.jpg", TestMedia.SolidImage(300, 200, ".jpg", 200, 30, 30)), ("b.jpg", TestMedia.SolidImage(300, 200, ".jpg", 30, 30, 200))],
            readyForPublish: true);
        await PublishImagesAsync(server, tenant, "Full");
        var before = PublishedFiles(server, tenant, "image");
        Assert.Equal(2, before.Count);
        await Task.Delay(1100); // a rewritten file would show a later modification time

        await UploadAsync(server, tenant, [("b.jpg", TestMedia.SolidImage(300, 200, ".jpg", 30, 200, 30))], readyForPublish: true);
        var run = await PublishImagesAsync(server, tenant, "Incremental");

        Assert.Equal(("Done", 1), (run.State, run.FileSuccess));
        Assert.Equal("increment", await SubTypeAsync(server, run.Id));
        Assert.Equal(0, await PublishLocksHeldAsync(server, tenant));
        Assert.Equal(["b.jpg"], (await server.DetailsAsync(run.Id)).Where(d => d.LogType == "ImageServingPublishSuccess").Select(d => d.AssetName));
        var after = PublishedFiles(server, tenant, "image");
        Assert.Equal(2, after.Count);
        var untouched = Assert.Single(after.Keys.Intersect(before.Keys));
        Assert.Equal(before[untouched], after[untouched]);

        var green = await PixelAsync(await GetAsync(server, $"/is/image/{tenant.CompanyHandle}/b?wid=50&fmt=png"), 25, 25);
        Assert.True(green[1] > 150 && green[0] < 80, string.Join(",", green));
        var red = await PixelAsync(await GetAsync(server, $"/is/image/{tenant.CompanyHandle}/a?wid=50&fmt=png"), 25, 25);
        Assert.True(red[0] > 150 && red[1] < 80, string.Join(",", red));
    }

    [Fact]
    public async Task Full_removes_an_image_no_longer_marked_for_publish_and_contextHandle_limits_it_to_a_folder()
    {
        var tenant = await server.NewTenantAsync();
        var pixels = TestMedia.SolidImage(64, 64, ".jpg");
        await UploadAsync(server, tenant, [("spring/keep.jpg", pixels), ("spring/drop.jpg", pixels), ("fall/other.jpg", pixels)], readyForPublish: true);
        await PublishImagesAsync(server, tenant, "Full", contextHandle: "spring");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(server, $"/is/image/{tenant.CompanyHandle}/drop")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(server, $"/is/image/{tenant.CompanyHandle}/other")).StatusCode);

        await UploadAsync(server, tenant, [("spring/drop.jpg", pixels)], readyForPublish: false);
        var run = await PublishImagesAsync(server, tenant, "Full");

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(server, $"/is/image/{tenant.CompanyHandle}/drop")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(server, $"/is/image/{tenant.CompanyHandle}/keep")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(server, $"/is/image/{tenant.CompanyHandle}/other")).StatusCode);
        Assert.Contains(await server.DetailsAsync(run.Id), d => d.LogType == "ImageServingPublishSuccess" && d.AssetName == "drop"
            && d.Message.StartsWith("Removed from the catalog", StringComparison.Ordinal));
        Assert.Equal(2, PublishedFiles(server, tenant, "image").Count);
    }

    [Fact]
    public async Task A_cached_image_is_revalidated_with_304_until_a_publish_changes_it()
    {
        var tenant = await server.NewTenantAsync();
        await UploadAsync(server, tenant, [("logo.png", TestMedia.SolidImage(100, 100, ".png"))], readyForPublish: true);
        await PublishImagesAsync(server, tenant, "Full");
        var url = $"/is/image/{tenant.CompanyHandle}/logo?wid=40";

        var first = await GetAsync(server, url);
        var etag = first.Headers.ETag!;
        Assert.True(first.Headers.CacheControl!.Public);
        Assert.True(first.Headers.CacheControl.MaxAge > TimeSpan.Zero);
        var modified = first.Content.Headers.LastModified!.Value;

        var byTag = await GetAsync(server, url, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(server, url, r => r.Headers.IfModifiedSince = modified)).StatusCode);
        Assert.NotEqual(etag, (await GetAsync(server, $"{url}&fmt=png")).Headers.ETag);

        await UploadAsync(server, tenant, [("logo.png", TestMedia.SolidImage(100, 100, ".png", 250, 250, 0))], readyForPublish: true);
        await PublishImagesAsync(server, tenant, "Incremental");

        var changed = await GetAsync(server, url, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task A_published_set_lists_its_members_and_FullWithSearch_makes_names_and_metadata_searchable()
    {
        var tenant = await server.NewTenantAsync();
        var image = TestMedia.SolidImage(120, 60, ".jpg");
        await UploadAsync(server, tenant, [("shots/BOOT7_side.jpg", image), ("shots/BOOT7_back.jpg", image)], readyForPublish: true);
        Assert.Equal(0, await AdminCommand.RunAsync(["setscript", "set", tenant.CompanyHandle, "views", @"^(?<set>[A-Z0-9]+)_(?<view>\w+)\.\w+$", "ImageSet"],
            TextWriter.Null, TextWriter.Null, ServerFixture.ConnectionString));
        var handles = new List<string>();
        foreach (var name in new[] { "BOOT7_side.jpg", "BOOT7_back.jpg" })
        {
            handles.Add(Handle(tenant, await AssetAsync(server, tenant, $"shots/{name}")));
        }

        await RunAsync(server, tenant, "sets",
            $"<automatedSetGenerationJob><assetHandleArray>{Handles(handles)}</assetHandleArray><destFolder>sets/</destFolder>"
            + "<readyForPublish>true</readyForPublish><autoSetCreationOptions><autoSetsArray><items>views</items></autoSetsArray></autoSetCreationOptions>"
            + "<emailSetting>None</emailSetting></automatedSetGenerationJob>");
        var run = await PublishImagesAsync(server, tenant, "FullWithSearch");
        Assert.Equal("fullwithsearch", await SubTypeAsync(server, run.Id));

        var response = await GetAsync(server, $"/is/image/{tenant.CompanyHandle}/BOOT7?req=set,xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = XElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("img", (string?)set.Attribute("type"));
        Assert.Equal([$"{tenant.CompanyHandle}/BOOT7_back", $"{tenant.CompanyHandle}/BOOT7_side"],
            set.Elements("item").Select(i => (string)i.Element("i")!.Attribute("n")!));
        Assert.All(set.Elements("item"), i => Assert.Equal(("120", "60"), ((string)i.Element("dx")!, (string)i.Element("dy")!)));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(server, $"/is/image/{tenant.CompanyHandle}/NOSET?req=set,xml")).StatusCode);

        var found = await (await GetAsync(server, $"/is/search/{tenant.CompanyHandle}?q=boot7 side")).Content.ReadAsStringAsync();
        Assert.Equal("BOOT7_side\n", found);
    }

    [Fact]
    public async Task A_reader_during_a_publish_sees_the_old_catalog_or_the_new_one_never_a_mix()
    {
        var tenant = await server.NewTenantAsync();
        var names = Enumerable.Range(1, 12).Select(i => $"item{i:00}").ToList();
        await UploadAsync(server, tenant, names.Select(n => ($"batch/{n}.jpg", TestMedia.SolidImage(800, 600, ".jpg"))).ToList(), readyForPublish: true);

        var jobName = $"{Real}atomic {Guid.NewGuid():N}";
        await server.SubmitAsync(tenant, jobName,
            "<imageServingPublishJob><publishType>Full</publishType><emailSetting>None</emailSetting></imageServingPublishJob>");
        var passes = new List<List<bool>>();
        while (true)
        {
            var ended = (await server.RunsAsync(tenant, jobName)).Any(r => r.EndedAt is not null);
            // In publish order: a catalog written piece by piece would show an early item while a later one is missing.
            var pass = new List<bool>();
            foreach (var name in names)
            {
                pass.Add((await GetAsync(server, $"/is/image/{tenant.CompanyHandle}/{name}?req=imageprops")).StatusCode == HttpStatusCode.OK);
            }

            passes.Add(pass);
            if (ended)
            {
                break;
            }
        }

        Assert.All(passes, pass => Assert.True(pass.SkipWhile(seen => !seen).All(seen => seen), string.Join(",", pass)));
        Assert.All(passes[^1], Assert.True);
    }

    private static (int, int, string) Drop3((int Width, int Height, int Bands, string Loader) decoded) =>
        (decoded.Width, decoded.Height, decoded.Loader);
}
