using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Process existing assets again with new options (<c>reprocessAssetsJob</c>).</summary>
/// <param name="AssetHandles">The <c>assetHandleArray</c> items.</param>
/// <param name="ProjectHandles">The <c>projectHandleArray</c> items; null when the array was left out.</param>
public sealed record ReprocessAssetsSpec(
    IReadOnlyList<string> AssetHandles,
    bool? ReadyForPublish,
    bool? PreservePublishState,
    bool CreateMask,
    bool? PreserveCrop,
    KnockoutBackgroundOptions? KnockoutBackgroundOptions,
    ManualCropOptions? ManualCropOptions,
    AutoColorCropOptions? AutoColorCropOptions,
    AutoTransparentCropOptions? AutoTransparentCropOptions,
    PhotoshopOptions? PhotoshopOptions,
    PostScriptOptions? PostScriptOptions,
    PdfOptions? PdfOptions,
    MediaOptions? MediaOptions,
    IllustratorOptions? IllustratorOptions,
    ColorManagementOptions? ColorManagementOptions,
    AutoSetCreationOptions? AutoSetCreationOptions,
    IReadOnlyList<string>? ProjectHandles,
    EmailSetting EmailSetting,
    bool? PostJobOnlyIfFiles,
    string? PostHttpUrl,
    ImageServingPublishSpec? PostImageServingPublishJob,
    ImageRenderingPublishSpec? PostImageRenderingPublishJob,
    VideoPublishSpec? PostVideoPublishJob,
    InDesignOptions? InDesignOptions,
    UnsharpMaskOptions? UnsharpMaskOptions,
    bool? ExcludeMasterVideoFromAvs) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.ReprocessAssets;
}
