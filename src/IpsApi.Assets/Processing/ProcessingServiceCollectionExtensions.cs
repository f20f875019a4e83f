using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IpsApi.Assets.Processing;

public static class ProcessingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ProcessingOptions"/> to the <c>IpsApi:Processing</c> section of
    /// <paramref name="configuration"/> (validated when the host starts) and registers the image, PDF, video and
    /// ZIP processors as singletons.
    /// </summary>
    public static IServiceCollection AddIpsProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProcessingOptions>()
            .Bind(configuration.GetSection(ProcessingOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProcessingOptions>, ProcessingOptionsValidator>();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<PdfProcessor>();
        services.AddSingleton<VideoProcessor>();
        services.AddSingleton<ZipExpander>();
        return services;
    }
}

/// <summary>A bad processing setting stops the server at start with one line naming it.</summary>
internal sealed class ProcessingOptionsValidator : IValidateOptions<ProcessingOptions>
{
    public ValidateOptionsResult Validate(string? name, ProcessingOptions options)
    {
        var problems = new List<string>();
        void Require(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Add($"{ProcessingOptions.SectionName}:{problem}");
            }
        }

        Require(options.MaxPixels > 0, "MaxPixels must be positive");
        Require(options.TileSize is >= 16 and <= 4096 && options.TileSize % 16 == 0, "TileSize must be a multiple of 16 from 16 to 4096");
        Require(options.JpegQuality is >= 1 and <= 100, "JpegQuality must be from 1 to 100");
        Require(options.ToolTimeoutSeconds > 0, "ToolTimeoutSeconds must be positive");
        Require(options.VideoEncodeTimeoutSeconds > 0, "VideoEncodeTimeoutSeconds must be positive");
        Require(options.ZipMaxTotalBytes > 0, "ZipMaxTotalBytes must be positive");
        Require(options.ZipMaxEntries > 0, "ZipMaxEntries must be positive");
        Require(options.ZipMaxRatio > 0, "ZipMaxRatio must be positive");
        Require(options.ZipRatioMinBytes >= 0, "ZipRatioMinBytes must not be negative");
        Require(options.PdfMaxTextChars > 0, "PdfMaxTextChars must be positive");
        Require(options.PdfThumbnailSize is > 0 and <= 4096, "PdfThumbnailSize must be from 1 to 4096");
        Require(!string.IsNullOrWhiteSpace(options.VideoDemuxers), "VideoDemuxers must name at least one ffmpeg demuxer");
        foreach (var (tool, path) in new[]
        {
            ("PdfinfoPath", options.PdfinfoPath), ("PdftoppmPath", options.PdftoppmPath),
            ("PdftotextPath", options.PdftotextPath), ("FfmpegPath", options.FfmpegPath), ("FfprobePath", options.FfprobePath),
        })
        {
            Require(!string.IsNullOrWhiteSpace(path), $"{tool} must not be empty");
        }

        foreach (var (presetName, preset) in options.VideoPresets)
        {
            Require(VideoProcessor.IsValidPresetName(presetName),
                $"VideoPresets:{presetName} has a name that can't be a file name (letters, digits, '.', '_', '-')");
            Require(preset.ArgumentList().Count > 0, $"VideoPresets:{presetName}:Arguments must not be empty");
            Require(preset.Extension.Length is > 0 and <= 10 && preset.Extension.All(char.IsAsciiLetterOrDigit),
                $"VideoPresets:{presetName}:Extension must be letters and digits, without the dot");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(string.Join("; ", problems));
    }
}
