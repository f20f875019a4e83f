using IpsApi.Assets.Processing;
using IpsApi.Jobs.Definitions;
using D = IpsApi.Jobs.Definitions;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.Mapping;

// Processing options. Each reader returns null for an absent element and checks what the IPS reference says
// about the values (ranges are from the reference's data type pages).
public sealed partial class WireReader
{
    public D.ManualCropOptions? ManualCrop(W.ManualCropOptions? o, string path)
    {
        if (o is null)
        {
            return null;
        }

        var left = RequiredInt(o.Left, PathOf(path, "left"));
        var right = RequiredInt(o.Right, PathOf(path, "right"));
        var top = RequiredInt(o.Top, PathOf(path, "top"));
        var bottom = RequiredInt(o.Bottom, PathOf(path, "bottom"));
        AtLeast(o.Left, PathOf(path, "left"), 0);
        AtLeast(o.Right, PathOf(path, "right"), 0);
        AtLeast(o.Top, PathOf(path, "top"), 0);
        AtLeast(o.Bottom, PathOf(path, "bottom"), 0);
        return new D.ManualCropOptions(left, right, top, bottom);
    }

    public D.AutoColorCropOptions? AutoColorCrop(W.AutoColorCropOptions? o, string path)
    {
        if (o is null)
        {
            return null;
        }

        var corner = RequiredEnum<Corner>(o.Corner, PathOf(path, "corner"));
        var tolerance = RequiredDouble(o.Tolerance, PathOf(path, "tolerance"));
        InRange(o.Tolerance, PathOf(path, "tolerance"), 0, 1);
        return new D.AutoColorCropOptions(corner, tolerance);
    }

    public D.AutoTransparentCropOptions? AutoTransparentCrop(W.AutoTransparentCropOptions? o, string path)
    {
        if (o is null)
        {
            return null;
        }

        var tolerance = RequiredDouble(o.Tolerance, PathOf(path, "tolerance"));
        InRange(o.Tolerance, PathOf(path, "tolerance"), 0, 1);
        return new D.AutoTransparentCropOptions(tolerance);
    }

    public D.KnockoutBackgroundOptions? KnockoutBackground(W.KnockoutBackgroundOptions? o, string path)
    {
        if (o is null)
        {
            return null;
        }

        var corner = RequiredEnum<Corner>(o.Corner, PathOf(path, "corner"));
        InRange(o.Tolerance, PathOf(path, "tolerance"), 0, 1);
        var fillMethod = RequiredEnum<FillMethod>(o.FillMethod, PathOf(path, "fillMethod"));
        return new D.KnockoutBackgroundOptions(corner, o.Tolerance, fillMethod);
    }

    public D.PhotoshopOptions? Photoshop(W.PhotoshopOptions? o, string path)
    {
        if (o is null)
        {
            return null;
        }

        return new D.PhotoshopOptions(
            OptionalEnum<D.PhotoshopProcess>(o.Process, PathOf(path, "process")),
            PhotoshopLayers(o.LayerOptions, PathOf(path, "layerOptions")));
    }

    private D.PhotoshopLayerOptions? PhotoshopLayers(W.PhotoshopLayerOptions? o, string path)
    {
        if (o is null)
        {
            return null;
        }

        return new D.PhotoshopLayerOptions(
            OptionalEnum<D.PhotoshopLayerNaming>(o.LayerNaming, PathOf(path, "layerNaming")),
            OptionalEnum<D.PhotoshopAnchor>(o.Anchor, PathOf(path, "anchor")),
            o.CreateTemplate,
            o.ExtractText,
            o.ExtendLayers);
    }

    public D.PostScriptOptions? PostScript(W.PostScriptOptions? o, string path)
    {
        if (o is null)
        {
            return null;
        }

        Positive(o.Resolution, PathOf(path, "resolution"));
        return new D.PostScriptOptions(
            OptionalEnum<D.PostScriptProcess>(o.Process, PathOf(path, "process")),
            o.Resolution,
            OptionalEnum<D.ColorSpace>(o.Colorspace, PathOf(path, "colorspace")),
            o.Alpha,
            o.ExtractSearchWords);
    }

    public D.PdfOptions? Pdf(W.PDFOptions? o, string path)
    {
        if (o is null)
        {
            return null;
        }

        Positive(o.Resolution, PathOf(path, "resolution"));
        return new D.PdfOptions(
            OptionalEnum<D.PdfProcess>(o.Process, PathOf(path, "process")),
            o.Resolution,
            OptionalEnum<D.ColorSpace>(o.Colorspace, PathOf(path, "colorspace")),
            o.PdfCatalog,
            o.ExtractSearchWords,
            o.ExtractLinks);
    }

    public D.IllustratorOptions? Illustrator(W.IllustratorOptions? o, string path)
    {
        if (o is null)
        {
            return null;
        }

        Positive(o.Resolution, PathOf(path, "resolution"));
        return new D.IllustratorOptions(
            OptionalEnum<D.IllustratorProcess>(o.Process, PathOf(path, "process")),
            o.Resolution,
            OptionalEnum<D.ColorSpace>(o.Colorspace, PathOf(path, "colorspace")),
            o.Alpha);
    }

    public D.ColorManagementOptions? ColorManagement(W.ColorManagementOptions? o, string path)
    {
        if (o is null)
        {
            return null;
        }

        return new D.ColorManagementOptions(
            RequiredEnum<D.ColorManagementMode>(o.ColorManagement, PathOf(path, "colorManagement")),
            o.SourceProfileHandle,
            o.OutputProfileHandle);
    }

    public D.AutoSetCreationOptions? AutoSetCreation(W.AutoSetCreationOptions? o, string path)
    {
        return o is null ? null : new D.AutoSetCreationOptions(OptionalHandles(o.AutoSetsArray, PathOf(path, "autoSetsArray")));
    }

    /// <summary>For the job types where <c>autoSetCreationOptions</c> is required.</summary>
    public D.AutoSetCreationOptions RequiredAutoSetCreation(W.AutoSetCreationOptions? o, string path)
    {
        if (o is null)
        {
            Missing(path);
            return new D.AutoSetCreationOptions(null);
        }

        return AutoSetCreation(o, path)!;
    }

    public D.MediaOptions? Media(W.MediaOptions? o, string path)
    {
        if (o is null)
        {
            return null;
        }

        D.ThumbnailOptions? thumbnail = null;
        if (o.ThumbnailOptions is { } t)
        {
            AtLeast(t.ThumbnailTime, PathOf(PathOf(path, "thumbnailOptions"), "thumbnailTime"), 0);
            thumbnail = new D.ThumbnailOptions(t.ThumbnailTime);
        }

        return new D.MediaOptions(
            OptionalHandles(o.VideoEncodingPresetsArray, PathOf(path, "videoEncodingPresetsArray")),
            o.GenerateThumbnail,
            thumbnail);
    }

    public D.InDesignOptions? InDesign(W.InDesignOptions? o, string path)
    {
        return o is null ? null : new D.InDesignOptions(OptionalEnum<D.InDesignProcess>(o.Process, PathOf(path, "process")));
    }

    public D.UnsharpMaskOptions? UnsharpMask(W.UnsharpMaskOptions? o, string path)
    {
        if (o is null)
        {
            return null;
        }

        InRange(o.Amount, PathOf(path, "amount"), 0, 5);
        InRange(o.Radius, PathOf(path, "radius"), 0, 250);
        InRange(o.Threshold, PathOf(path, "threshold"), 0, 255);
        InRange(o.Monochrome, PathOf(path, "monochrome"), 0, 1);
        return new D.UnsharpMaskOptions(o.Amount, o.Radius, o.Threshold, o.Monochrome);
    }

    public D.UnCompressOptions? UnCompress(W.UnCompressOptions? o, string path)
    {
        return o is null ? null : new D.UnCompressOptions(RequiredEnum<D.UnCompressProcess>(o.Process, PathOf(path, "process")));
    }
}
