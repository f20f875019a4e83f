// The asset types the asset operations answer with: what this server knows of an asset, and nothing it would have to invent.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>What this server knows of an image: pixel size and file size (bytes, at most 2147483647).</summary>
[XmlType("ImageInfo", Namespace = IpsNamespaces.Types)]
public class ImageInfo
{
    [XmlElement("width", Order = 1)]
    public int? Width { get; set; }

    public bool ShouldSerializeWidth() => Width.HasValue;

    [XmlElement("height", Order = 2)]
    public int? Height { get; set; }

    public bool ShouldSerializeHeight() => Height.HasValue;

    [XmlElement("fileSize", Order = 3)]
    public int? FileSize { get; set; }

    public bool ShouldSerializeFileSize() => FileSize.HasValue;
}

/// <summary>What this server knows of a PDF: its file size.</summary>
[XmlType("PdfInfo", Namespace = IpsNamespaces.Types)]
public class PdfInfo
{
    [XmlElement("fileSize", Order = 1)]
    public int? FileSize { get; set; }

    public bool ShouldSerializeFileSize() => FileSize.HasValue;
}

/// <summary>What this server knows of an uploaded video: its file size.</summary>
[XmlType("MasterVideoInfo", Namespace = IpsNamespaces.Types)]
public class MasterVideoInfo
{
    [XmlElement("fileSize", Order = 1)]
    public int? FileSize { get; set; }

    public bool ShouldSerializeFileSize() => FileSize.HasValue;
}

/// <summary>One metadata field of an asset and its value.</summary>
[XmlType("Metadata", Namespace = IpsNamespaces.Types)]
public class Metadata
{
    [XmlElement("name", Order = 1)]
    public string? Name { get; set; }

    [XmlElement("value", Order = 2)]
    public string? Value { get; set; }
}

/// <summary>The metadata of an asset.</summary>
[XmlType("MetadataArray", Namespace = IpsNamespaces.Types)]
public class MetadataArray
{
    [XmlElement("items", Order = 1)]
    public List<Metadata> Items { get; set; } = new();
}

/// <summary>An asset: every field optional, since responseFieldArray and excludeFieldArray choose them and a field this server has no data for is left out.</summary>
[XmlType("Asset", Namespace = IpsNamespaces.Types)]
public class Asset
{
    [XmlElement("assetHandle", Order = 1)]
    public string? AssetHandle { get; set; }

    [XmlElement("type", Order = 2)]
    public string? Type { get; set; }

    [XmlElement("subType", Order = 3)]
    public string? SubType { get; set; }

    [XmlElement("name", Order = 4)]
    public string? Name { get; set; }

    [XmlElement("fileName", Order = 5)]
    public string? FileName { get; set; }

    [XmlElement("folder", Order = 6)]
    public string? Folder { get; set; }

    [XmlElement("folderHandle", Order = 7)]
    public string? FolderHandle { get; set; }

    [XmlElement("trashState", Order = 8)]
    public string? TrashState { get; set; }

    [XmlElement("readyForPublish", Order = 9)]
    public bool? ReadyForPublish { get; set; }

    public bool ShouldSerializeReadyForPublish() => ReadyForPublish.HasValue;

    [XmlElement("created", Order = 10)]
    public DateTime? Created { get; set; }

    public bool ShouldSerializeCreated() => Created.HasValue;

    [XmlElement("createUser", Order = 11)]
    public string? CreateUser { get; set; }

    [XmlElement("lastModified", Order = 12)]
    public DateTime? LastModified { get; set; }

    public bool ShouldSerializeLastModified() => LastModified.HasValue;

    [XmlElement("lastModifyUser", Order = 13)]
    public string? LastModifyUser { get; set; }

    [XmlElement("metadataArray", Order = 14)]
    public MetadataArray? MetadataArray { get; set; }

    [XmlElement("imageInfo", Order = 15)]
    public ImageInfo? ImageInfo { get; set; }

    [XmlElement("pdfInfo", Order = 16)]
    public PdfInfo? PdfInfo { get; set; }

    [XmlElement("masterVideoInfo", Order = 17)]
    public MasterVideoInfo? MasterVideoInfo { get; set; }
}

/// <summary>A list of assets.</summary>
[XmlType("AssetArray", Namespace = IpsNamespaces.Types)]
public class AssetArray
{
    [XmlElement("items", Order = 1)]
    public List<Asset> Items { get; set; } = new();
}

/// <summary>An asset as searchAssetsByMetadata answers it.</summary>
[XmlType("AssetSummary", Namespace = IpsNamespaces.Types)]
public class AssetSummary
{
    [XmlElement("assetHandle", Order = 1)]
    public string? AssetHandle { get; set; }

    [XmlElement("type", Order = 2)]
    public string? Type { get; set; }

    [XmlElement("name", Order = 3)]
    public string? Name { get; set; }

    [XmlElement("folder", Order = 4)]
    public string? Folder { get; set; }

    [XmlElement("filename", Order = 5)]
    public string? Filename { get; set; }

    [XmlElement("created", Order = 6)]
    public DateTime? Created { get; set; }

    public bool ShouldSerializeCreated() => Created.HasValue;

    [XmlElement("createUser", Order = 7)]
    public string? CreateUser { get; set; }

    [XmlElement("lastModified", Order = 8)]
    public DateTime? LastModified { get; set; }

    public bool ShouldSerializeLastModified() => LastModified.HasValue;

    [XmlElement("lastModifyUser", Order = 9)]
    public string? LastModifyUser { get; set; }

    [XmlElement("metadataArray", Order = 10)]
    public MetadataArray? MetadataArray { get; set; }
}

/// <summary>A list of asset summaries.</summary>
[XmlType("AssetSummaryArray", Namespace = IpsNamespaces.Types)]
public class AssetSummaryArray
{
    [XmlElement("items", Order = 1)]
    public List<AssetSummary> Items { get; set; } = new();
}

/// <summary>How many assets of one type a company has.</summary>
[XmlType("AssetCount", Namespace = IpsNamespaces.Types)]
public class AssetCount
{
    [XmlElement("assetType", Order = 1)]
    public string? AssetType { get; set; }

    [XmlElement("count", Order = 2)]
    public int Count { get; set; }
}

/// <summary>Asset counts by type.</summary>
[XmlType("AssetCountArray", Namespace = IpsNamespaces.Types)]
public class AssetCountArray
{
    [XmlElement("items", Order = 1)]
    public List<AssetCount> Items { get; set; } = new();
}

/// <summary>A fact about how an asset was generated.</summary>
[XmlType("GenerationAttribute", Namespace = IpsNamespaces.Types)]
public class GenerationAttribute
{
    [XmlElement("name", Order = 1)]
    public string? Name { get; set; }

    [XmlElement("value", Order = 2)]
    public string? Value { get; set; }
}

/// <summary>Facts about how an asset was generated.</summary>
[XmlType("GenerationAttributeArray", Namespace = IpsNamespaces.Types)]
public class GenerationAttributeArray
{
    [XmlElement("items", Order = 1)]
    public List<GenerationAttribute> Items { get; set; } = new();
}

/// <summary>How one asset (or rendition) was made from another.</summary>
[XmlType("GenerationInfo", Namespace = IpsNamespaces.Types)]
public class GenerationInfo
{
    [XmlElement("engine", Order = 1)]
    public string? Engine { get; set; }

    [XmlElement("originator", Order = 2)]
    public Asset? Originator { get; set; }

    [XmlElement("generated", Order = 3)]
    public Asset? Generated { get; set; }

    [XmlElement("attributeArray", Order = 4)]
    public GenerationAttributeArray? AttributeArray { get; set; }
}

/// <summary>A list of generation steps.</summary>
[XmlType("GenerationInfoArray", Namespace = IpsNamespaces.Types)]
public class GenerationInfoArray
{
    [XmlElement("items", Order = 1)]
    public List<GenerationInfo> Items { get; set; } = new();
}
