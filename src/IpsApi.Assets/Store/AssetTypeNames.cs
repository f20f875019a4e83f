namespace IpsApi.Assets.Store;

/// <summary>
/// The asset type names of the IPS API (its "Asset Types" string constants) and how they map onto what this server
/// stores. Clients only ever see and send the documented names.
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

    /// <summary>The stored kinds a documented name selects ("Asset": every kind; a type this server never makes: none).</summary>
    public static IReadOnlyList<string> KindsFor(string name) => name switch
    {
        "Asset" => Enum.GetNames<AssetType>(),
        "Image" => [nameof(AssetType.Image)],
        "Pdf" => [nameof(AssetType.Pdf)],
        "Video" or "MasterVideo" => [nameof(AssetType.Video)],
        "ImageSet" => [nameof(AssetType.ImageSet), nameof(AssetType.SwatchSet)],
        "Catalog" => [nameof(AssetType.ECatalog)],
        // Files this server keeps as they came, without processing them.
        "Svg" or "Xml" or "Xsl" or "Zip" or "Rtf" or "Word" or "Excel" or "PowerPoint" or "Flash" or "Font" or "PostScript"
            or "Illustrator" or "InDesign" or "AnimatedGif" or "Audio" or "VideoCaption" => [nameof(AssetType.Other)],
        _ => [],
    };
}
