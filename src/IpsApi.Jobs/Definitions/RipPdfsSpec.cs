using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Rasterise PDF assets into page images (<c>ripPdfsJob</c>).</summary>
/// <param name="PdfHandles">The <c>pdfHandleArray</c> items.</param>
/// <param name="ProjectHandles">The <c>projectHandleArray</c> items; null when the array was left out.</param>
public sealed record RipPdfsSpec(
    IReadOnlyList<string> PdfHandles,
    bool CreateMask,
    KnockoutBackgroundOptions? KnockoutBackgroundOptions,
    ManualCropOptions? ManualCropOptions,
    AutoColorCropOptions? AutoColorCropOptions,
    AutoTransparentCropOptions? AutoTransparentCropOptions,
    PostScriptOptions? PostScriptOptions,
    PdfOptions? PdfOptions,
    IllustratorOptions? IllustratorOptions,
    ColorManagementOptions? ColorManagementOptions,
    IReadOnlyList<string>? ProjectHandles,
    EmailSetting EmailSetting,
    string? PostHttpUrl,
    ImageServingPublishSpec? PostImageServingPublishJob,
    ImageRenderingPublishSpec? PostImageRenderingPublishJob,
    VideoPublishSpec? PostVideoPublishJob,
    InDesignOptions? InDesignOptions) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.RipPdfs;
}
