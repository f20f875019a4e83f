using System.Net;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Ops;
using IpsApi.IntegrationTests.Reliability;
using static IpsApi.IntegrationTests.AssetWork.AssetWorkSteps;
using static IpsApi.IntegrationTests.Publishing.PublishSteps;

namespace IpsApi.IntegrationTests.Publishing;

/// <summary>A repeated /is/image request is answered from memory; a publish that changes the image renders it anew.</summary>
[Collection(ServerCollection.Name)]
public sealed class RenditionCacheTests(ServerFixture server)
{
    private const string Renditions = "ipsapi_delivery_renditions_total";

    [Fact]
    public async Task A_repeated_request_costs_no_render_and_a_publish_that_changes_the_image_does()
    {
        var tenant = await server.NewTenantAsync();
        await UploadAsync(server, tenant, [("tile.png", TestMedia.SolidImage(120, 120, ".png", 200, 20, 20))], readyForPublish: true);
        await PublishImagesAsync(server, tenant, "Full");
        var url = $"/is/image/{tenant.CompanyHandle}/tile?wid=60&fmt=png";
        var before = await ScrapeAsync();

        var first = await GetAsync(server, url);
        var again = await GetAsync(server, url);
        var afterTwo = await ScrapeAsync();

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(1, Delta(before, afterTwo, "render"));
        Assert.Equal(1, Delta(before, afterTwo, "cache"));

        await UploadAsync(server, tenant, [("tile.png", TestMedia.SolidImage(120, 120, ".png", 20, 20, 200))], readyForPublish: true);
        await PublishImagesAsync(server, tenant, "Incremental");
        var changed = await GetAsync(server, url);
        var afterPublish = await ScrapeAsync();

        Assert.NotEqual(first.Headers.ETag, changed.Headers.ETag);
        var pixel = await PixelAsync(changed, 30, 30);
        Assert.True(pixel[2] > 150 && pixel[0] < 60, $"the republished image is blue, not {string.Join(",", pixel)}");
        Assert.Equal(1, Delta(afterTwo, afterPublish, "render"));
        Assert.Equal(0, Delta(afterTwo, afterPublish, "cache"));
        SecurityReview.Held(
            "The same /is/image request twice, then once more after a publish changed the image",
            "3",
            "the repeat came from the rendition cache (no render, same bytes); after the publish the image was rendered anew, never answered from the older render");
    }

    private Task<PrometheusScrape> ScrapeAsync() => PrometheusScrape.TakeAsync(server.Http, server.BaseAddress);

    private static double Delta(PrometheusScrape before, PrometheusScrape after, string source) =>
        after.Sum(Renditions, ("source", source)) - before.Sum(Renditions, ("source", source));
}
