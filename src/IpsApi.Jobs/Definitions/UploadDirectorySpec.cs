using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Upload files from the company's server directory (<c>uploadDirectoryJob</c>).</summary>
/// <param name="ServerDir">Folder inside the company's server directory, relative.</param>
/// <param name="DestFolder">Target folder in the asset tree, relative.</param>
/// <param name="ProjectHandles">The <c>projectHandleArray</c> items; null when the array was left out.</param>
public sealed record UploadDirectorySpec(
    string? DestFolder,
    string ServerDir,
    bool Overwrite,
    bool ReadyForPublish,
    bool? PreservePublishState,
    bool IncludeSubfolders,
    bool CreateMask,
    bool ProcessMetadataFiles,
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
    public override JobType Type => JobType.UploadFromServerDirectory;
}
