using IpsApi.Assets.Processing;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobLog;
using ProcessingColor = IpsApi.Assets.Processing.ColorHandling;

namespace IpsApi.Jobs.JobTypes.Ingest;

/// <summary>How files of one run become assets: the job's choices, translated once for the processors.</summary>
public sealed record IngestSettings(
    bool Overwrite,
    bool ReadyForPublish,
    bool PreservePublishState,
    IngestOptions Options)
{
    public ImageEdits ImageEdits { get; } = EditsOf(Options);

    /// <summary>The asset the files are made from (a PDF whose pages are ripped): recorded on each asset written.</summary>
    public long? GeneratedFrom { get; init; }

    public bool UnCompress => Options.UnCompressOptions?.Process == UnCompressProcess.UnCompress;

    /// <summary>
    /// Options asked for that this server cannot honour: each is reported once per run as an UploadWarning
    /// naming it, never passed over silently.
    /// </summary>
    /// <param name="makesPdfCatalog">The job makes the eCatalog pdfCatalog asks for (ripPdfsJob, whose pages are assets).</param>
    public IEnumerable<LogText> UnsupportedOptions(bool makesPdfCatalog = false)
    {
        if (Options.PhotoshopOptions is { Process: PhotoshopProcess.MaintainLayers } or { LayerOptions: not null })
        {
            yield return LogText.Of(LogKeys.OptionPhotoshopLayers);
        }

        if (Options.PostScriptOptions?.Process == PostScriptProcess.Rasterize)
        {
            yield return LogText.Of(LogKeys.OptionPostScript);
        }

        if (Options.IllustratorOptions?.Process == IllustratorProcess.Rasterize)
        {
            yield return LogText.Of(LogKeys.OptionIllustrator);
        }

        if (Options.InDesignOptions is { Process: not InDesignProcess.None })
        {
            yield return LogText.Of(LogKeys.OptionInDesign);
        }

        if (Options.ColorManagementOptions is { SourceProfileHandle: not null } or { OutputProfileHandle: not null })
        {
            yield return LogText.Of(LogKeys.OptionColorProfiles);
        }

        if (Options.AutoSetCreationOptions is not null)
        {
            yield return LogText.Of(LogKeys.OptionAutoSetCreation);
        }

        if (Options.PdfOptions?.PdfCatalog == true && !makesPdfCatalog)
        {
            yield return LogText.Of(LogKeys.OptionPdfCatalog);
        }

        if (Options.PdfOptions?.ExtractLinks == true)
        {
            yield return LogText.Of(LogKeys.OptionPdfExtractLinks);
        }

        if (Options.ProjectHandles is { Count: > 0 })
        {
            yield return LogText.Of(LogKeys.OptionProjects);
        }
    }

    private static ImageEdits EditsOf(IngestOptions options) => new(
        ManualCrop: options.ManualCropOptions is { } crop ? (crop.Left, crop.Right, crop.Top, crop.Bottom) : null,
        AutoColorCrop: options.AutoColorCropOptions is { } color ? (color.Corner, color.Tolerance) : null,
        AutoTransparentCropTolerance: options.AutoTransparentCropOptions?.Tolerance,
        Knockout: options.KnockoutBackgroundOptions is { } knockout
            ? (knockout.Corner, knockout.Tolerance ?? 0.1, knockout.FillMethod)
            : null,
        CreateMask: options.CreateMask,
        Unsharp: options.UnsharpMaskOptions is { } unsharp
            ? (unsharp.Amount ?? 1.0, unsharp.Radius ?? 1.0, unsharp.Threshold ?? 0, unsharp.Monochrome == 1)
            : null,
        Color: options.ColorManagementOptions?.ColorManagement switch
        {
            ColorManagementMode.Convert => ProcessingColor.Convert,
            ColorManagementMode.MaintainOriginal => ProcessingColor.MaintainOriginal,
            _ => ProcessingColor.Default,
        });
}
