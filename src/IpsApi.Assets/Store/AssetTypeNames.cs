namespace IpsApi.Assets.Store;

/// <summary>
/// The asset type names of the IPS API (its "Asset Types" string constants) and how they map onto what this server
/// stores. Each asset row carries its documented name (type_name: by kind, and for files kept as they came, by
/// extension, see migration 020); clients only ever see and send the documented names.
/// </summary>
public static class AssetTypeNames
{
    public static readonly IReadOnlySet<string> Documented = new HashSet<string>(StringComparer.Ordinal)
    {
        "Aco", "AdjustedView", "AnimatedGif", "Asset", "AssetSet", "Audio", "Cabinet", "Catalog", "ColorSwatch", "CuePoint",
        "Excel", "Flash", "Font", "IccProfile", "Illustrator", "Image", "ImageMap", "ImageSet", "InDesign", "LayerView", "Mask",
        "MasterVideo", "Pdf", "PDFSettings", "PostScript", "PowerPoint", "PremierExpressRemix", "PsdTemplate", "RenderScene",
        "RenderSet", "SpinSet", "Svg", "Template", "Video", "VideoCaption", "ViewerPreset", "ViewerSwf", "Vignette", "Watermark",
        "WindowsCovering", "Word", "Xml", "Xsl", "Zip", "Rtf", "ZoomTarget",
    };

    /// <summary>Every type name an asset row of this server can carry.</summary>
    public static readonly IReadOnlyList<string> Stored =
    [
        "Image", "Pdf", "Video", "ImageSet", "Catalog", "Svg", "Xml", "Xsl", "Zip", "Rtf", "Word", "Excel", "PowerPoint", "Flash", "Font",
        "PostScript", "Illustrator", "InDesign", "Audio", "VideoCaption", "IccProfile", "Asset",
    ];

    /// <summary>
    /// The stored type names a documented name selects in a filter: "Asset" selects every asset, "MasterVideo" the
    /// videos (an uploaded video is its own master); a type this server never makes selects none.
    /// </summary>
    public static IReadOnlyList<string> StoredNamesFor(string name) => name switch
    {
        "Asset" => Stored,
        "MasterVideo" => ["Video"],
        _ when Stored.Contains(name) => [name],
        _ => [],
    };

    /// <summary>The documented sub type of a stored kind: a swatch set is an ImageSet of sub type SwatchSet.</summary>
    public static string? SubTypeOf(AssetType kind) => kind == AssetType.SwatchSet ? "SwatchSet" : null;
}
