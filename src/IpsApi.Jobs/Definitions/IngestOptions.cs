namespace IpsApi.Jobs.Definitions;

/// <summary>
/// How assets are processed as they come in: the options that <c>uploadDirectoryJob</c>, <c>uploadUrlsJob</c>,
/// <c>reprocessAssetsJob</c> and <c>ripPdfsJob</c> share. Names follow the wire elements so that a stored
/// definition reads like the request. An option a job type does not have stays null for that type.
/// </summary>
/// <param name="ProjectHandles">The <c>projectHandleArray</c> items; null when the array was left out.</param>
public sealed record IngestOptions(
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
    MediaOptions? MediaOptions,
    InDesignOptions? InDesignOptions,
    string? XmpKeywords,
    UnsharpMaskOptions? UnsharpMaskOptions,
    UnCompressOptions? UnCompressOptions,
    bool? ExcludeMasterVideoFromAvs);
