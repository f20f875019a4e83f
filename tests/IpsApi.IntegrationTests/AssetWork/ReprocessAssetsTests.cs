using IpsApi.IntegrationTests.Infrastructure;
using static IpsApi.IntegrationTests.AssetWork.AssetWorkSteps;

namespace IpsApi.IntegrationTests.AssetWork;

/// <summary>reprocessAssetsJob end to end: the listed assets are processed again from their originals with new options.</summary>
[Collection(ServerCollection.Name)]
public sealed class ReprocessAssetsTests(ServerFixture server)
{
    [Fact]
    public async Task A_crop_and_a_mask_replace_the_renditions_and_the_original_stays()
    {
        var tenant = await server.NewTenantAsync();
        await UploadAsync(server, tenant, [("shots/object.png", TestMedia.FramedImage(400, 300, 50))], readyForPublish: true);
        var before = await AssetAsync(server, tenant, "shots/object.png");

        var handles = new[] { Handle(tenant, before) };
        var run = await RunAsync(server, tenant, "reprocess",
            $"<reprocessAssetsJob><assetHandleArray>{Handles(handles)}</assetHandleArray><readyForPublish>false</readyForPublish>"
            + "<preservePublishState>true</preservePublishState><createMask>true</createMask>"
            + "<knockoutBackgroundOptions><corner>UpperLeft</corner><tolerance>0.1</tolerance><fillMethod>FloodFill</fillMethod></knockoutBackgroundOptions>"
            + "<manualCropOptions><left>10</left><right>20</right><top>30</top><bottom>40</bottom></manualCropOptions>"
            + "<emailSetting>None</emailSetting></reprocessAssetsJob>");

        Assert.Equal(("Done", 1, 0, 0), (run.State, run.FileSuccess, run.FileError, run.FileWarning));
        var after = await AssetAsync(server, tenant, "shots/object.png");
        Assert.Equal((before.Id, before.OriginalKey, before.Checksum), (after.Id, after.OriginalKey, after.Checksum));
        Assert.True(File.Exists(Stored(server, after.OriginalKey)));
        Assert.True(after.ReadyForPublish); // preservePublishState wins over readyForPublish=false
        var pyramid = Stored(server, after.Renditions["Pyramid:optimized"]);
        Assert.Equal((370, 230), (TestMedia.Size(pyramid).Width, TestMedia.Size(pyramid).Height));
        Assert.False(File.Exists(Stored(server, before.Renditions["Pyramid:optimized"]))); // the old pyramid went with the swap
        var mask = Stored(server, after.Renditions["Mask:mask"]);
        Assert.True(TestMedia.Pixel(mask, 5, 5)[0] < 10, "the knocked-out frame is transparent in the mask");
        Assert.True(TestMedia.Pixel(mask, 185, 115)[0] > 245, "the object is opaque in the mask");

        var details = await server.DetailsAsync(run.Id);
        Assert.Equal("shots/object.png", details.Single(d => d.LogType == "ReprocessSuccess").AssetName);
    }

    [Fact]
    public async Task Without_preservePublishState_readyForPublish_is_set_and_a_pdf_is_reprocessed_with_its_options()
    {
        var tenant = await server.NewTenantAsync();
        await UploadAsync(server, tenant, [("docs/brochure.pdf", TestMedia.Pdf("Spring shoes", "Summer sandals"))]);
        var before = await AssetAsync(server, tenant, "docs/brochure.pdf");
        Assert.DoesNotContain(before.Renditions.Keys, k => k.StartsWith("Page:", StringComparison.Ordinal));

        var run = await RunAsync(server, tenant, "reprocess pdf",
            $"<reprocessAssetsJob><assetHandleArray>{Handles([Handle(tenant, before)])}</assetHandleArray><readyForPublish>true</readyForPublish>"
            + "<createMask>false</createMask><pdfOptions><process>Rasterize</process><resolution>72</resolution>"
            + "<extractSearchWords>true</extractSearchWords></pdfOptions><emailSetting>None</emailSetting></reprocessAssetsJob>");

        Assert.Equal(("Done", 1), (run.State, run.FileSuccess));
        var after = await AssetAsync(server, tenant, "docs/brochure.pdf");
        Assert.True(after.ReadyForPublish);
        Assert.Equal("MarkedForPublish", after.PublishState);
        Assert.Equal((300, 200, 3), TestMedia.Size(Stored(server, after.Renditions["Page:page-2"])));
        Assert.Contains("sandals", after.Metadata["searchWords"], StringComparison.Ordinal);
    }
}
