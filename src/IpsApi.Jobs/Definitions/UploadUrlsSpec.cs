using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Fetch files from URLs into the asset tree (<c>uploadUrlsJob</c>).</summary>
/// <param name="Urls">The <c>urlArray</c> items; null when the array was left out.</param>
/// <param name="ProjectHandles">The <c>projectHandleArray</c> items; null when the array was left out.</param>
public sealed record UploadUrlsSpec(
    IReadOnlyList<UploadUrl>? Urls,
    int? NumUrls,
    bool Overwrite,
    bool ReadyForPublish,
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
    MediaOptions? MediaOptions,
    InDesignOptions? InDesignOptions,
    string? XmpKeywords,
    UnsharpMaskOptions? UnsharpMaskOptions,
    UnCompressOptions? UnCompressOptions,
    bool? ExcludeMasterVideoFromAvs) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.UrlUpload;
}
