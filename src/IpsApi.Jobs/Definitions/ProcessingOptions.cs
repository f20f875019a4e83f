// Option records used by the upload and reprocessing specs. Required wire fields are non-nullable; optional
// ones are nullable so that "not given" survives storage and comes back out in the echo.

using IpsApi.Assets.Processing;

namespace IpsApi.Jobs.Definitions;

/// <summary>One URL to fetch and where to put it (<c>UploadUrl</c>).</summary>
public sealed record UploadUrl(string SourceUrl, string DestPath);

/// <summary>Fixed crop in pixels from each edge (<c>ManualCropOptions</c>).</summary>
public sealed record ManualCropOptions(int Left, int Right, int Top, int Bottom);

/// <summary>Crop away the background colour sampled at a corner (<c>AutoColorCropOptions</c>).</summary>
/// <param name="Tolerance">0 matches the colour exactly, 1 allows the largest difference.</param>
public sealed record AutoColorCropOptions(Corner Corner, double Tolerance);

/// <summary>Crop away transparent edges (<c>AutoTransparentCropOptions</c>).</summary>
/// <param name="Tolerance">0 to 1, as for <see cref="AutoColorCropOptions"/>.</param>
public sealed record AutoTransparentCropOptions(double Tolerance);

/// <summary>Make the background transparent (<c>KnockoutBackgroundOptions</c>).</summary>
public sealed record KnockoutBackgroundOptions(Corner Corner, double? Tolerance, FillMethod FillMethod);

/// <summary>Photoshop file handling (<c>PhotoshopOptions</c>).</summary>
public sealed record PhotoshopOptions(PhotoshopProcess? Process, PhotoshopLayerOptions? LayerOptions);

/// <summary>How Photoshop layers become assets (<c>PhotoshopLayerOptions</c>).</summary>
public sealed record PhotoshopLayerOptions(
    PhotoshopLayerNaming? LayerNaming,
    PhotoshopAnchor? Anchor,
    bool? CreateTemplate,
    bool? ExtractText,
    bool? ExtendLayers);

/// <summary>PostScript/EPS handling (<c>PostScriptOptions</c>).</summary>
public sealed record PostScriptOptions(
    PostScriptProcess? Process,
    double? Resolution,
    ColorSpace? Colorspace,
    bool? Alpha,
    bool? ExtractSearchWords);

/// <summary>PDF handling (<c>PDFOptions</c>).</summary>
public sealed record PdfOptions(
    PdfProcess? Process,
    double? Resolution,
    ColorSpace? Colorspace,
    bool? PdfCatalog,
    bool? ExtractSearchWords,
    bool? ExtractLinks);

/// <summary>Illustrator handling (<c>IllustratorOptions</c>).</summary>
public sealed record IllustratorOptions(
    IllustratorProcess? Process,
    double? Resolution,
    ColorSpace? Colorspace,
    bool? Alpha);

/// <summary>Colour management on upload (<c>ColorManagementOptions</c>).</summary>
public sealed record ColorManagementOptions(
    ColorManagementMode ColorManagement,
    string? SourceProfileHandle,
    string? OutputProfileHandle);

/// <summary>Set generation (<c>AutoSetCreationOptions</c>).</summary>
/// <param name="AutoSetHandles">The <c>autoSetsArray</c> handles; null when the array was left out.</param>
public sealed record AutoSetCreationOptions(IReadOnlyList<string>? AutoSetHandles);

/// <summary>Video handling (<c>MediaOptions</c>).</summary>
/// <param name="VideoEncodingPresetHandles">The <c>videoEncodingPresetsArray</c> handles.</param>
public sealed record MediaOptions(
    IReadOnlyList<string>? VideoEncodingPresetHandles,
    bool? GenerateThumbnail,
    ThumbnailOptions? ThumbnailOptions);

/// <summary>Where the video thumbnail is taken (<c>ThumbnailOptions</c>).</summary>
/// <param name="ThumbnailTime">Position in the video, in milliseconds.</param>
public sealed record ThumbnailOptions(long? ThumbnailTime);

/// <summary>InDesign handling (<c>InDesignOptions</c>).</summary>
public sealed record InDesignOptions(InDesignProcess? Process);

/// <summary>Sharpening of the optimised image (<c>UnsharpMaskOptions</c>).</summary>
public sealed record UnsharpMaskOptions(double? Amount, double? Radius, int? Threshold, int? Monochrome);

/// <summary>Archive handling (<c>UnCompressOptions</c>).</summary>
public sealed record UnCompressOptions(UnCompressProcess Process);
