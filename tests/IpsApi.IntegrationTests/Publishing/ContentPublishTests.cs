using System.Net;
using System.Net.Http.Headers;
using System.Security;
using System.Xml.Linq;
using IpsApi.Assets.Store;
using IpsApi.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static IpsApi.IntegrationTests.AssetWork.AssetWorkSteps;
using static IpsApi.IntegrationTests.Publishing.PublishSteps;

namespace IpsApi.IntegrationTests.Publishing;

/// <summary>The other publish jobs and /is/content: videos with ranges, the video sitemap, metadata, render files.</summary>
[Collection(ServerCollection.Name)]
public sealed class ContentPublishTests(ServerFixture server)
{
    [Fact]
    public async Task A_published_video_is_served_with_range_requests_and_listed_in_the_video_sitemap()
    {
        var tenant = await server.NewTenantAsync();
        var video = await TestMedia.VideoAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var upload = await RunAsync(server, tenant, $"upload {id}",
            $"<uploadUrlsJob><urlArray><items><sourceUrl>{SecurityElement.Escape(server.Files.Add($"{id}/clip.mp4", video))}</sourceUrl>"
            + "<destPath>films/clip.mp4</destPath></items></urlArray><overwrite>true</overwrite><readyForPublish>true</readyForPublish>"
            + "<createMask>false</createMask><emailSetting>None</emailSetting>"
            + "<mediaOptions><generateThumbnail>true</generateThumbnail></mediaOptions></uploadUrlsJob>");
        Assert.Equal("Done", upload.State);
        var clip = $"/is/content/{tenant.CompanyHandle}/clip";
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(server, clip)).StatusCode);

        var run = await RunAsync(server, tenant, "videos",
            "<videoPublishJob><emailSetting>None</emailSetting><contextHandle>films</contextHandle></videoPublishJob>");

        Assert.Equal(("Done", 1), (run.State, run.FileSuccess));
        var details = await server.DetailsAsync(run.Id);
        Assert.Equal(["BeginVideoPublish", "VideoPublishSuccess", "EndVideoPublish"],
            details.Select(d => d.LogType).Where(t => t.Contains("VideoPublish", StringComparison.Ordinal)));
        var whole = await GetAsync(server, clip);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("video/mp4", whole.Content.Headers.ContentType!.MediaType);
        Assert.Equal(video, await whole.Content.ReadAsByteArrayAsync());
        Assert.Contains("bytes", whole.Headers.AcceptRanges);

        var part = await GetAsync(server, clip, r => r.Headers.Range = new RangeHeaderValue(100, 199));
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(video[100..200], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal((100L, 199L, (long)video.Length), (part.Content.Headers.ContentRange!.From!.Value, part.Content.Headers.ContentRange.To!.Value,
            part.Content.Headers.ContentRange.Length!.Value));
        var tail = await GetAsync(server, clip, r => r.Headers.Range = new RangeHeaderValue(null, 10));
        Assert.Equal(video[^10..], await tail.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable,
            (await GetAsync(server, clip, r => r.Headers.Range = new RangeHeaderValue(video.Length + 10, null))).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(server, clip, r => r.Headers.IfNoneMatch.Add(whole.Headers.ETag!))).StatusCode);
        var thumbnail = await GetAsync(server, $"{clip}-thumbnail");
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal((320, 240), Drop((await DecodeAsync(thumbnail))));

        var sitemapRun = await RunAsync(server, tenant, $"{Real}sitemap", "<createVideoSitemapJob/>");
        Assert.Equal(("Done", 1), (sitemapRun.State, sitemapRun.FileSuccess));
        var sitemapUrl = $"/is/content/{tenant.CompanyHandle}/video-sitemap.xml";
        var sitemap = await GetAsync(server, sitemapUrl);
        Assert.Equal(HttpStatusCode.OK, sitemap.StatusCode);
        XNamespace s = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace v = "http://www.google.com/schemas/sitemap-video/1.1";
        var url = XDocument.Parse(await sitemap.Content.ReadAsStringAsync()).Root!.Elements(s + "url").Single();
        Assert.EndsWith(clip, (string)url.Element(s + "loc")!, StringComparison.Ordinal);
        Assert.EndsWith(clip, (string)url.Element(v + "video")!.Element(v + "content_loc")!, StringComparison.Ordinal);
        Assert.EndsWith($"{clip}-thumbnail", (string)url.Element(v + "video")!.Element(v + "thumbnail_loc")!, StringComparison.Ordinal);
        Assert.Equal("2", (string)url.Element(v + "video")!.Element(v + "duration")!);

        var unchanged = await RunAsync(server, tenant, $"{Real}sitemap again", "<createVideoSitemapJob/>");
        Assert.Contains(await server.DetailsAsync(unchanged.Id), d => d.Message.StartsWith("Video sitemap unchanged", StringComparison.Ordinal));
        Assert.Equal(sitemap.Headers.ETag, (await GetAsync(server, sitemapUrl)).Headers.ETag);
        await RunAsync(server, tenant, $"{Real}sitemap forced", "<createVideoSitemapJob><forceUpdate>true</forceUpdate></createVideoSitemapJob>");
        Assert.NotEqual(sitemap.Headers.ETag, (await GetAsync(server, sitemapUrl)).Headers.ETag);
    }

    [Fact]
    public async Task Metadata_is_published_when_it_changed_or_when_forced_and_read_back_as_userdata()
    {
        var tenant = await server.NewTenantAsync();
        var pixels = TestMedia.SolidImage(32, 32, ".jpg");
        await UploadAsync(server, tenant, [("m/one.jpg", pixels), ("m/two.jpg", pixels)], readyForPublish: true);
        var store = server.Services.GetRequiredService<AssetStore>();
        var one = await AssetAsync(server, tenant, "m/one.jpg");
        await store.SetMetadataAsync(one.Id, new Dictionary<string, string> { ["title"] = "First", ["color"] = "red" }, CancellationToken.None);

        var first = await RunAsync(server, tenant, $"{Real}metadata 1", "<metadataPublishJob/>");
        Assert.Equal(("Done", 2), (first.State, first.FileSuccess));
        Assert.Equal("BeginMetadata", (await server.DetailsAsync(first.Id))[0].LogType);
        var userdata = await GetAsync(server, $"/is/image/{tenant.CompanyHandle}/one?req=userdata");
        Assert.Equal("color=red\ntitle=First\n", await userdata.Content.ReadAsStringAsync());

        await store.SetMetadataAsync(one.Id, new Dictionary<string, string> { ["color"] = "blue" }, CancellationToken.None);
        var second = await RunAsync(server, tenant, $"{Real}metadata 2", "<metadataPublishJob><forcePublish>false</forcePublish></metadataPublishJob>");
        Assert.Equal(["m/one.jpg"], (await server.DetailsAsync(second.Id)).Where(d => d.LogType == "MetadataSuccess").Select(d => d.AssetName));
        Assert.Equal("color=blue\ntitle=First\n", await (await GetAsync(server, $"/is/image/{tenant.CompanyHandle}/one?req=userdata")).Content.ReadAsStringAsync());

        var forced = await RunAsync(server, tenant, $"{Real}metadata 3", "<metadataPublishJob><forcePublish>true</forcePublish></metadataPublishJob>");
        Assert.Equal(2, forced.FileSuccess);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(server, $"/is/image/{tenant.CompanyHandle}/nothing?req=userdata")).StatusCode);
    }

    [Fact]
    public async Task Render_files_are_published_from_the_render_folder_as_they_were_uploaded()
    {
        var tenant = await server.NewTenantAsync();
        var material = TestMedia.SolidImage(40, 40, ".png");
        await UploadAsync(server, tenant, [("render/materials/wood.png", material), ("elsewhere/wood2.png", material)], readyForPublish: true);

        var run = await RunAsync(server, tenant, "render",
            "<imageRenderingPublishJob><emailSetting>None</emailSetting></imageRenderingPublishJob>");

        Assert.Equal(("Done", 1), (run.State, run.FileSuccess));
        Assert.Contains(await server.DetailsAsync(run.Id), d => d.LogType == "ImageRenderingPublishSuccess" && d.AssetName == "render/materials/wood.png");
        var wood = await GetAsync(server, $"/is/content/{tenant.CompanyHandle}/render/materials/wood.png");
        Assert.Equal(HttpStatusCode.OK, wood.StatusCode);
        Assert.Equal("image/png", wood.Content.Headers.ContentType!.MediaType);
        Assert.Equal(material, await wood.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(server, $"/is/content/{tenant.CompanyHandle}/elsewhere/wood2.png")).StatusCode);
    }

    private static (int, int) Drop((int Width, int Height, int Bands, string Loader) decoded) => (decoded.Width, decoded.Height);
}
