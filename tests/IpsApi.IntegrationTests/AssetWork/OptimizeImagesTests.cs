using IpsApi.Assets.Processing;
using IpsApi.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static IpsApi.IntegrationTests.AssetWork.AssetWorkSteps;

namespace IpsApi.IntegrationTests.AssetWork;

/// <summary>optimizeImagesJob end to end: only images without a current pyramid get one, made as ingest makes it.</summary>
[Collection(ServerCollection.Name)]
public sealed class OptimizeImagesTests(ServerFixture server)
{
    // The shared server puts a slow test executor in front of this type; jobs named so get the real one.
    private const string Real = IpsApi.TestHost.SlowStepsExecutor.RealJobPrefix;

    private const string Job = "<optimizeImagesJob><emailSetting>None</emailSetting></optimizeImagesJob>";

    [Fact]
    public async Task Missing_and_stale_pyramids_are_made_again_current_ones_are_left_and_a_broken_original_fails_alone()
    {
        var tenant = await server.NewTenantAsync();
        await UploadAsync(server, tenant,
        [
            ("stale.jpg", TestMedia.SolidImage(600, 400, ".jpg")),
            ("missing.png", TestMedia.SolidImage(640, 480, ".png", red: 200, green: 20, blue: 20)),
            ("current.png", TestMedia.SolidImage(300, 300, ".png")),
            ("broken.png", TestMedia.SolidImage(300, 300, ".png")),
        ]);
        var stale = await AssetAsync(server, tenant, "stale.jpg");
        var missing = await AssetAsync(server, tenant, "missing.png");
        var current = await AssetAsync(server, tenant, "current.png");
        var broken = await AssetAsync(server, tenant, "broken.png");
        // A pyramid made before the original changed, a pyramid lost, and an original that no longer decodes.
        await server.ExecuteAsync("update asset_renditions set created_at = created_at - interval '1 hour' where asset_id = @id and kind = 'Pyramid'",
            ("id", stale.Id));
        await server.ExecuteAsync("update assets set modified_at = now() where id = @id", ("id", stale.Id));
        foreach (var lost in new[] { missing, broken })
        {
            File.Delete(Stored(server, lost.Renditions["Pyramid:optimized"]));
            await server.ExecuteAsync("delete from asset_renditions where asset_id = @id and kind = 'Pyramid'", ("id", lost.Id));
        }

        await File.WriteAllBytesAsync(Stored(server, broken.OriginalKey), "not an image any more"u8.ToArray());

        var run = await RunAsync(server, tenant, $"{Real}first", Job);

        Assert.Equal(("Done", 2, 1, 3), (run.State, run.FileSuccess, run.FileError, run.TotalFiles));
        var staleAfter = await AssetAsync(server, tenant, "stale.jpg");
        var missingAfter = await AssetAsync(server, tenant, "missing.png");
        Assert.NotEqual(stale.Renditions["Pyramid:optimized"], staleAfter.Renditions["Pyramid:optimized"]);
        Assert.False(File.Exists(Stored(server, stale.Renditions["Pyramid:optimized"]))); // the stale pyramid is gone
        Assert.Equal(stale.OriginalKey, staleAfter.OriginalKey);
        Assert.True(File.Exists(Stored(server, staleAfter.OriginalKey))); // and the original stays
        var pyramid = Stored(server, missingAfter.Renditions["Pyramid:optimized"]);
        var levels = Levels(pyramid);
        Assert.Equal([(640, 480), (320, 240), (160, 120)], levels); // halved down to the 256 tile size
        var red = TestMedia.Pixel(pyramid, 320, 240);
        Assert.True(red[0] > 180 && red[1] < 50, $"the pyramid has the original's pixels: {string.Join(',', red)}");
        Assert.Equal(current.Renditions, (await AssetAsync(server, tenant, "current.png")).Renditions); // untouched
        Assert.False((await AssetAsync(server, tenant, "broken.png")).Renditions.ContainsKey("Pyramid:optimized"));

        var details = await server.DetailsAsync(run.Id);
        Assert.Equal(["broken.png", "missing.png", "stale.jpg"],
            details.Where(d => d.LogType == "BeginReoptimize").Select(d => d.AssetName!).Order(StringComparer.Ordinal));
        Assert.Equal(["missing.png", "stale.jpg"],
            details.Where(d => d.LogType == "ReoptimizeSuccess").Select(d => d.AssetName!).Order(StringComparer.Ordinal));
        var failure = details.Single(d => d.LogType == "ReoptimizeFailure");
        Assert.Equal("broken.png", failure.AssetName);
        Assert.StartsWith("Not optimized: ", failure.Message, StringComparison.Ordinal);

        // Done is done: a second run only tries the image that still has no pyramid.
        var again = await RunAsync(server, tenant, $"{Real}again", Job);
        Assert.Equal(["broken.png"], (await server.DetailsAsync(again.Id)).Where(d => d.LogType == "BeginReoptimize").Select(d => d.AssetName!));
        Assert.Equal(staleAfter.Renditions, (await AssetAsync(server, tenant, "stale.jpg")).Renditions);
    }

    [Fact]
    public async Task The_optimized_tiff_is_jpeg_tiled_at_the_configured_tile_size_with_levels_halving_down_to_one_tile()
    {
        var tenant = await server.NewTenantAsync();
        await UploadAsync(server, tenant, [("wide.png", TestMedia.SolidImage(1500, 1000, ".png"))]);
        var before = await AssetAsync(server, tenant, "wide.png");
        await server.ExecuteAsync("delete from asset_renditions where asset_id = @id and kind = 'Pyramid'", ("id", before.Id));
        var tile = server.Services.GetRequiredService<IOptions<ProcessingOptions>>().Value.TileSize;

        var run = await RunAsync(server, tenant, $"{Real}tiles", Job);

        Assert.Equal(("Done", 1), (run.State, run.FileSuccess));
        var levels = await TiffLevelsAsync(Stored(server, (await AssetAsync(server, tenant, "wide.png")).Renditions["Pyramid:optimized"]));
        var expected = new List<(int, int)> { (1500, 1000) };
        while (expected[^1].Item1 > tile || expected[^1].Item2 > tile)
        {
            expected.Add((expected[^1].Item1 / 2, expected[^1].Item2 / 2));
        }

        Assert.Equal([(1500, 1000), (750, 500), (375, 250), (187, 125)], expected); // what the configured 256 gives
        Assert.Equal(expected, levels.Select(l => (l.Width, l.Height)));
        Assert.All(levels, l => Assert.Equal((tile, tile, "JPEG"), (l.TileWidth, l.TileHeight, l.Compression)));
        Assert.Equal([false, true, true, true], levels.Select(l => l.ReducedResolution));
    }
}
