// Enumerated option values of the job API. Member names are the wire strings exactly (they are matched
// case-sensitively), so ToString() gives the wire value and JSON stores the same text. The corner and fill
// method of crops and knockouts are the image processing's own (IpsApi.Assets.Processing), whose names are the
// wire values too.
//
// Sources: the job API's documented values for EmailSetting, PublishType and ExportFormat; for the rest the Dynamic Media IPS API
// reference (experienceleague.adobe.com/docs/dynamic-media-developer-resources/image-production-api/,
// pages data-types/* and sting-constants/*), noted on each type. Where the reference has no list, the comment
// says what the set is based on instead.

using System.Diagnostics.CodeAnalysis;

namespace IpsApi.Jobs.Definitions;

/// <summary>Which job events send an email (<c>emailSetting</c>).</summary>
public enum EmailSetting
{
    All,
    Error,
    ErrorAndWarning,
    JobCompletion,
    None,
}

/// <summary>Kind of image serving publish (<c>publishType</c>).</summary>
public enum PublishType
{
    Full,
    FullWithSearch,
    Incremental,
}

/// <summary>What an export produces (<c>ExportJob.fmt</c>).</summary>
[SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "Member names are the lowercase wire values.")]
public enum ExportFormat
{
    /// <summary>The original files.</summary>
    orig,

    /// <summary>Converted with <c>is_modifier</c> or <c>macro</c>.</summary>
    convert,
}

/// <summary>Photoshop processing (reference: data type <c>PhotoshopOptions</c>, <c>process</c>).</summary>
public enum PhotoshopProcess
{
    None,
    MaintainLayers,
}

/// <summary>Naming of extracted Photoshop layers (reference: string constant "Photoshop Layer Naming Modes").</summary>
public enum PhotoshopLayerNaming
{
    LayerName,
    AppendNumber,
    AppendName,
    Folders,
}

/// <summary>Anchor of extracted Photoshop layers (reference: string constant "Photoshop Anchor Modes").</summary>
public enum PhotoshopAnchor
{
    Center,
    North,
    Northwest,
    West,
    Southwest,
    South,
    Southeast,
    East,
    Northeast,
}

/// <summary>
/// PostScript/EPS processing. The reference names "PostScript processes" without listing them on a page we
/// could find; this is the Illustrator set (reference: string constant "Illustrator Processes"), and
/// <c>Rasterize</c> is what real clients send.
/// </summary>
public enum PostScriptProcess
{
    None,
    Rasterize,
}

/// <summary>PDF processing (reference: string constant "PDF Processes").</summary>
public enum PdfProcess
{
    None,
    Rasterize,
    Thumbnail,
}

/// <summary>Illustrator processing (reference: string constant "Illustrator Processes").</summary>
public enum IllustratorProcess
{
    None,
    Rasterize,
}

/// <summary>
/// InDesign processing. Not listed in the reference we could find: <c>None</c> is what real clients send; the
/// other two follow the PDF processes, since an InDesign file is rendered the way a PDF is. Revisit when a
/// client sends something else.
/// </summary>
public enum InDesignProcess
{
    None,
    Rasterize,
    Thumbnail,
}

/// <summary>Colour space of rasterised PostScript, PDF and Illustrator files (reference: string constant
/// "PostScript Colorspace Modes", which the PDF and Illustrator options refer to).</summary>
public enum ColorSpace
{
    Auto,
    Rgb,
    Cmyk,
    Gray,
}

/// <summary>Colour management on upload (reference: string constant "Color Management Modes").</summary>
public enum ColorManagementMode
{
    Default,
    MaintainOriginal,
    Convert,
}

/// <summary>What happens to uploaded ZIP/TAR archives (reference: data type <c>UnCompressOptions</c>).</summary>
public enum UnCompressProcess
{
    /// <summary>Keep the archive as one asset.</summary>
    None,

    /// <summary>Extract it and upload its contents.</summary>
    UnCompress,
}
