using IpsApi.Assets.Processing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IpsApi.IntegrationTests.Processing;

public sealed class ProcessingSetupTests
{
    [Fact]
    public void Configuration_sets_limits_and_adds_or_replaces_presets_while_other_defaults_stay()
    {
        using var services = Build(new()
        {
            ["IpsApi:Processing:TileSize"] = "512",
            ["IpsApi:Processing:MaxPixels"] = "1000000",
            ["IpsApi:Processing:VideoPresets:mp4-720p:Arguments"] = "-c:v libx264 -crf 30",
            ["IpsApi:Processing:VideoPresets:mobile:Arguments"] = "-c:v libx264 -vf scale=480:-2",
            ["IpsApi:Processing:VideoPresets:mobile:Extension"] = "mp4",
        });

        var options = services.GetRequiredService<IOptions<ProcessingOptions>>().Value;

        Assert.Equal(512, options.TileSize);
        Assert.Equal(1_000_000, options.MaxPixels);
        Assert.Equal("-c:v libx264 -crf 30", options.VideoPresets["mp4-720p"].Arguments);
        Assert.Equal("mp4", options.VideoPresets["mp4-720p"].Extension);
        Assert.Contains("scale=480:-2", options.VideoPresets["mobile"].Arguments);
        Assert.Contains("webm-480p", options.VideoPresets.Keys);
        Assert.NotNull(services.GetRequiredService<ImageProcessor>());
        Assert.NotNull(services.GetRequiredService<PdfProcessor>());
        Assert.NotNull(services.GetRequiredService<VideoProcessor>());
        Assert.NotNull(services.GetRequiredService<ZipExpander>());
        Assert.Same(services.GetRequiredService<ImageProcessor>(), services.GetRequiredService<ImageProcessor>());
    }

    [Fact]
    public void A_bad_setting_is_reported_by_name()
    {
        using var services = Build(new()
        {
            ["IpsApi:Processing:TileSize"] = "100",
            ["IpsApi:Processing:VideoPresets:../escape:Arguments"] = "-c copy",
        });

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ProcessingOptions>>().Value);

        Assert.Contains("IpsApi:Processing:TileSize", e.Message);
        Assert.Contains("VideoPresets:../escape", e.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddIpsProcessing(configuration).BuildServiceProvider();
    }
}
