// Processing options of the upload, rip and reprocess jobs.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Crops fixed margins, in pixels.</summary>
[XmlType("ManualCropOptions", Namespace = IpsNamespaces.Types)]
public class ManualCropOptions
{
    [XmlElement("left", Order = 1)]
    public int? Left { get; set; }

    public bool ShouldSerializeLeft() => Left.HasValue;

    [XmlElement("right", Order = 2)]
    public int? Right { get; set; }

    public bool ShouldSerializeRight() => Right.HasValue;

    [XmlElement("top", Order = 3)]
    public int? Top { get; set; }

    public bool ShouldSerializeTop() => Top.HasValue;

    [XmlElement("bottom", Order = 4)]
    public int? Bottom { get; set; }

    public bool ShouldSerializeBottom() => Bottom.HasValue;
}

/// <summary>Crops away a solid colour border.</summary>
[XmlType("AutoColorCropOptions", Namespace = IpsNamespaces.Types)]
public class AutoColorCropOptions
{
    [XmlElement("corner", Order = 1)]
    public string? Corner { get; set; }

    [XmlElement("tolerance", Order = 2)]
    public double? Tolerance { get; set; }

    public bool ShouldSerializeTolerance() => Tolerance.HasValue;
}

/// <summary>Crops away a transparent border.</summary>
[XmlType("AutoTransparentCropOptions", Namespace = IpsNamespaces.Types)]
public class AutoTransparentCropOptions
{
    [XmlElement("tolerance", Order = 1)]
    public double? Tolerance { get; set; }

    public bool ShouldSerializeTolerance() => Tolerance.HasValue;
}

/// <summary>Removes the background from a corner colour.</summary>
[XmlType("KnockoutBackgroundOptions", Namespace = IpsNamespaces.Types)]
public class KnockoutBackgroundOptions
{
    [XmlElement("corner", Order = 1)]
    public string? Corner { get; set; }

    [XmlElement("tolerance", Order = 2)]
    public double? Tolerance { get; set; }

    public bool ShouldSerializeTolerance() => Tolerance.HasValue;

    [XmlElement("fillMethod", Order = 3)]
    public string? FillMethod { get; set; }
}

/// <summary>How Photoshop files are processed.</summary>
[XmlType("PhotoshopOptions", Namespace = IpsNamespaces.Types)]
public class PhotoshopOptions
{
    [XmlElement("process", Order = 1)]
    public string? Process { get; set; }

    [XmlElement("layerOptions", Order = 2)]
    public PhotoshopLayerOptions? LayerOptions { get; set; }
}

/// <summary>How Photoshop layers are extracted.</summary>
[XmlType("PhotoshopLayerOptions", Namespace = IpsNamespaces.Types)]
public class PhotoshopLayerOptions
{
    [XmlElement("layerNaming", Order = 1)]
    public string? LayerNaming { get; set; }

    [XmlElement("anchor", Order = 2)]
    public string? Anchor { get; set; }

    [XmlElement("createTemplate", Order = 3)]
    public bool? CreateTemplate { get; set; }

    public bool ShouldSerializeCreateTemplate() => CreateTemplate.HasValue;

    [XmlElement("extractText", Order = 4)]
    public bool? ExtractText { get; set; }

    public bool ShouldSerializeExtractText() => ExtractText.HasValue;

    [XmlElement("extendLayers", Order = 5)]
    public bool? ExtendLayers { get; set; }

    public bool ShouldSerializeExtendLayers() => ExtendLayers.HasValue;
}

/// <summary>How PostScript files are processed.</summary>
[XmlType("PostScriptOptions", Namespace = IpsNamespaces.Types)]
public class PostScriptOptions
{
    [XmlElement("process", Order = 1)]
    public string? Process { get; set; }

    [XmlElement("resolution", Order = 2)]
    public double? Resolution { get; set; }

    public bool ShouldSerializeResolution() => Resolution.HasValue;

    [XmlElement("colorspace", Order = 3)]
    public string? Colorspace { get; set; }

    [XmlElement("alpha", Order = 4)]
    public bool? Alpha { get; set; }

    public bool ShouldSerializeAlpha() => Alpha.HasValue;

    [XmlElement("extractSearchWords", Order = 5)]
    public bool? ExtractSearchWords { get; set; }

    public bool ShouldSerializeExtractSearchWords() => ExtractSearchWords.HasValue;
}

/// <summary>How PDF files are processed.</summary>
[XmlType("PDFOptions", Namespace = IpsNamespaces.Types)]
public class PDFOptions
{
    [XmlElement("process", Order = 1)]
    public string? Process { get; set; }

    [XmlElement("resolution", Order = 2)]
    public double? Resolution { get; set; }

    public bool ShouldSerializeResolution() => Resolution.HasValue;

    [XmlElement("colorspace", Order = 3)]
    public string? Colorspace { get; set; }

    [XmlElement("pdfCatalog", Order = 4)]
    public bool? PdfCatalog { get; set; }

    public bool ShouldSerializePdfCatalog() => PdfCatalog.HasValue;

    [XmlElement("extractSearchWords", Order = 5)]
    public bool? ExtractSearchWords { get; set; }

    public bool ShouldSerializeExtractSearchWords() => ExtractSearchWords.HasValue;

    [XmlElement("extractLinks", Order = 6)]
    public bool? ExtractLinks { get; set; }

    public bool ShouldSerializeExtractLinks() => ExtractLinks.HasValue;
}

/// <summary>How Illustrator files are processed.</summary>
[XmlType("IllustratorOptions", Namespace = IpsNamespaces.Types)]
public class IllustratorOptions
{
    [XmlElement("process", Order = 1)]
    public string? Process { get; set; }

    [XmlElement("resolution", Order = 2)]
    public double? Resolution { get; set; }

    public bool ShouldSerializeResolution() => Resolution.HasValue;

    [XmlElement("colorspace", Order = 3)]
    public string? Colorspace { get; set; }

    [XmlElement("alpha", Order = 4)]
    public bool? Alpha { get; set; }

    public bool ShouldSerializeAlpha() => Alpha.HasValue;
}

/// <summary>Colour management of uploaded images.</summary>
[XmlType("ColorManagementOptions", Namespace = IpsNamespaces.Types)]
public class ColorManagementOptions
{
    [XmlElement("colorManagement", Order = 1)]
    public string? ColorManagement { get; set; }

    [XmlElement("sourceProfileHandle", Order = 2)]
    public string? SourceProfileHandle { get; set; }

    [XmlElement("outputProfileHandle", Order = 3)]
    public string? OutputProfileHandle { get; set; }
}

/// <summary>Set scripts to run on upload.</summary>
[XmlType("AutoSetCreationOptions", Namespace = IpsNamespaces.Types)]
public class AutoSetCreationOptions
{
    [XmlElement("autoSetsArray", Order = 1)]
    public HandleArray? AutoSetsArray { get; set; }
}

/// <summary>How video files are processed.</summary>
[XmlType("MediaOptions", Namespace = IpsNamespaces.Types)]
public class MediaOptions
{
    [XmlElement("videoEncodingPresetsArray", Order = 1)]
    public HandleArray? VideoEncodingPresetsArray { get; set; }

    [XmlElement("generateThumbnail", Order = 2)]
    public bool? GenerateThumbnail { get; set; }

    public bool ShouldSerializeGenerateThumbnail() => GenerateThumbnail.HasValue;

    [XmlElement("thumbnailOptions", Order = 3)]
    public ThumbnailOptions? ThumbnailOptions { get; set; }
}

/// <summary>Video thumbnail options.</summary>
[XmlType("ThumbnailOptions", Namespace = IpsNamespaces.Types)]
public class ThumbnailOptions
{
    [XmlElement("thumbnailTime", Order = 1)]
    public long? ThumbnailTime { get; set; }

    public bool ShouldSerializeThumbnailTime() => ThumbnailTime.HasValue;
}

/// <summary>How InDesign files are processed.</summary>
[XmlType("InDesignOptions", Namespace = IpsNamespaces.Types)]
public class InDesignOptions
{
    [XmlElement("process", Order = 1)]
    public string? Process { get; set; }
}

/// <summary>Unsharp mask applied to optimised images.</summary>
[XmlType("UnsharpMaskOptions", Namespace = IpsNamespaces.Types)]
public class UnsharpMaskOptions
{
    [XmlElement("amount", Order = 1)]
    public double? Amount { get; set; }

    public bool ShouldSerializeAmount() => Amount.HasValue;

    [XmlElement("radius", Order = 2)]
    public double? Radius { get; set; }

    public bool ShouldSerializeRadius() => Radius.HasValue;

    [XmlElement("threshold", Order = 3)]
    public int? Threshold { get; set; }

    public bool ShouldSerializeThreshold() => Threshold.HasValue;

    [XmlElement("monochrome", Order = 4)]
    public int? Monochrome { get; set; }

    public bool ShouldSerializeMonochrome() => Monochrome.HasValue;
}

/// <summary>How archives (zip, tar) are handled.</summary>
[XmlType("UnCompressOptions", Namespace = IpsNamespaces.Types)]
public class UnCompressOptions
{
    [XmlElement("process", Order = 1)]
    public string? Process { get; set; }
}
