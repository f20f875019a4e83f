using IpsApi.Jobs.Definitions;

using D = IpsApi.Jobs.Definitions;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.Mapping;

/// <summary>
/// Options back to wire, for the echo of the job types that have them: what the client left out stays out, enums go
/// back as their wire strings. <see cref="WireReader"/> reads them.
/// </summary>
public static class OptionsEcho
{
    public static W.HandleArray? Handles(IReadOnlyList<string>? handles) =>
        handles is null ? null : new W.HandleArray { Items = [.. handles] };

    public static W.ManualCropOptions? ManualCrop(D.ManualCropOptions? o) => o is null ? null : new()
    {
        Left = o.Left,
        Right = o.Right,
        Top = o.Top,
        Bottom = o.Bottom,
    };

    public static W.AutoColorCropOptions? AutoColorCrop(D.AutoColorCropOptions? o) => o is null ? null : new()
    {
        Corner = o.Corner.ToString(),
        Tolerance = o.Tolerance,
    };

    public static W.AutoTransparentCropOptions? AutoTransparentCrop(D.AutoTransparentCropOptions? o) =>
        o is null ? null : new() { Tolerance = o.Tolerance };

    public static W.KnockoutBackgroundOptions? KnockoutBackground(D.KnockoutBackgroundOptions? o) => o is null ? null : new()
    {
        Corner = o.Corner.ToString(),
        Tolerance = o.Tolerance,
        FillMethod = o.FillMethod.ToString(),
    };

    public static W.PhotoshopOptions? Photoshop(D.PhotoshopOptions? o) => o is null ? null : new()
    {
        Process = o.Process?.ToString(),
        LayerOptions = o.LayerOptions is not { } l ? null : new W.PhotoshopLayerOptions
        {
            LayerNaming = l.LayerNaming?.ToString(),
            Anchor = l.Anchor?.ToString(),
            CreateTemplate = l.CreateTemplate,
            ExtractText = l.ExtractText,
            ExtendLayers = l.ExtendLayers,
        },
    };

    public static W.PostScriptOptions? PostScript(D.PostScriptOptions? o) => o is null ? null : new()
    {
        Process = o.Process?.ToString(),
        Resolution = o.Resolution,
        Colorspace = o.Colorspace?.ToString(),
        Alpha = o.Alpha,
        ExtractSearchWords = o.ExtractSearchWords,
    };

    public static W.PDFOptions? Pdf(D.PdfOptions? o) => o is null ? null : new()
    {
        Process = o.Process?.ToString(),
        Resolution = o.Resolution,
        Colorspace = o.Colorspace?.ToString(),
        PdfCatalog = o.PdfCatalog,
        ExtractSearchWords = o.ExtractSearchWords,
        ExtractLinks = o.ExtractLinks,
    };

    public static W.IllustratorOptions? Illustrator(D.IllustratorOptions? o) => o is null ? null : new()
    {
        Process = o.Process?.ToString(),
        Resolution = o.Resolution,
        Colorspace = o.Colorspace?.ToString(),
        Alpha = o.Alpha,
    };

    public static W.ColorManagementOptions? ColorManagement(D.ColorManagementOptions? o) => o is null ? null : new()
    {
        ColorManagement = o.ColorManagement.ToString(),
        SourceProfileHandle = o.SourceProfileHandle,
        OutputProfileHandle = o.OutputProfileHandle,
    };

    public static W.AutoSetCreationOptions? AutoSetCreation(D.AutoSetCreationOptions? o) =>
        o is null ? null : new() { AutoSetsArray = Handles(o.AutoSetHandles) };

    public static W.MediaOptions? Media(D.MediaOptions? o) => o is null ? null : new()
    {
        VideoEncodingPresetsArray = Handles(o.VideoEncodingPresetHandles),
        GenerateThumbnail = o.GenerateThumbnail,
        ThumbnailOptions = o.ThumbnailOptions is null ? null : new W.ThumbnailOptions
        {
            ThumbnailTime = o.ThumbnailOptions.ThumbnailTime,
        },
    };

    public static W.InDesignOptions? InDesign(D.InDesignOptions? o) =>
        o is null ? null : new() { Process = o.Process?.ToString() };

    public static W.UnsharpMaskOptions? UnsharpMask(D.UnsharpMaskOptions? o) => o is null ? null : new()
    {
        Amount = o.Amount,
        Radius = o.Radius,
        Threshold = o.Threshold,
        Monochrome = o.Monochrome,
    };

    public static W.UnCompressOptions? UnCompress(D.UnCompressOptions? o) =>
        o is null ? null : new() { Process = o.Process.ToString() };
}
