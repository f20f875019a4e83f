// The search conditions of searchAssets and searchAssetsByMetadata.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>A condition on a system field of assets (Asset Search System Fields).</summary>
[XmlType("SystemFieldCondition", Namespace = IpsNamespaces.Types)]
public class SystemFieldCondition
{
    [XmlElement("field", Order = 1)]
    public string? Field { get; set; }

    [XmlElement("op", Order = 2)]
    public string? Op { get; set; }

    [XmlElement("value", Order = 3)]
    public string? Value { get; set; }

    [XmlElement("boolVal", Order = 4)]
    public bool? BoolVal { get; set; }

    public bool ShouldSerializeBoolVal() => BoolVal.HasValue;

    [XmlElement("longVal", Order = 5)]
    public long? LongVal { get; set; }

    public bool ShouldSerializeLongVal() => LongVal.HasValue;

    [XmlElement("minLong", Order = 6)]
    public long? MinLong { get; set; }

    public bool ShouldSerializeMinLong() => MinLong.HasValue;

    [XmlElement("maxLong", Order = 7)]
    public long? MaxLong { get; set; }

    public bool ShouldSerializeMaxLong() => MaxLong.HasValue;

    [XmlElement("doubleVal", Order = 8)]
    public double? DoubleVal { get; set; }

    public bool ShouldSerializeDoubleVal() => DoubleVal.HasValue;

    [XmlElement("minDouble", Order = 9)]
    public double? MinDouble { get; set; }

    public bool ShouldSerializeMinDouble() => MinDouble.HasValue;

    [XmlElement("maxDouble", Order = 10)]
    public double? MaxDouble { get; set; }

    public bool ShouldSerializeMaxDouble() => MaxDouble.HasValue;

    [XmlElement("dateVal", Order = 11)]
    public DateTime? DateVal { get; set; }

    public bool ShouldSerializeDateVal() => DateVal.HasValue;

    [XmlElement("minDate", Order = 12)]
    public DateTime? MinDate { get; set; }

    public bool ShouldSerializeMinDate() => MinDate.HasValue;

    [XmlElement("maxDate", Order = 13)]
    public DateTime? MaxDate { get; set; }

    public bool ShouldSerializeMaxDate() => MaxDate.HasValue;
}

/// <summary>System field conditions.</summary>
[XmlType("SystemFieldConditionArray", Namespace = IpsNamespaces.Types)]
public class SystemFieldConditionArray
{
    [XmlElement("items", Order = 1)]
    public List<SystemFieldCondition> Items { get; set; } = new();
}

/// <summary>A condition on a metadata field of assets.</summary>
[XmlType("MetadataCondition", Namespace = IpsNamespaces.Types)]
public class MetadataCondition
{
    [XmlElement("fieldHandle", Order = 1)]
    public string? FieldHandle { get; set; }

    [XmlElement("op", Order = 2)]
    public string? Op { get; set; }

    [XmlElement("value", Order = 3)]
    public string? Value { get; set; }

    [XmlElement("boolVal", Order = 4)]
    public bool? BoolVal { get; set; }

    public bool ShouldSerializeBoolVal() => BoolVal.HasValue;

    [XmlElement("longVal", Order = 5)]
    public long? LongVal { get; set; }

    public bool ShouldSerializeLongVal() => LongVal.HasValue;

    [XmlElement("minLong", Order = 6)]
    public long? MinLong { get; set; }

    public bool ShouldSerializeMinLong() => MinLong.HasValue;

    [XmlElement("maxLong", Order = 7)]
    public long? MaxLong { get; set; }

    public bool ShouldSerializeMaxLong() => MaxLong.HasValue;

    [XmlElement("doubleVal", Order = 8)]
    public double? DoubleVal { get; set; }

    public bool ShouldSerializeDoubleVal() => DoubleVal.HasValue;

    [XmlElement("minDouble", Order = 9)]
    public double? MinDouble { get; set; }

    public bool ShouldSerializeMinDouble() => MinDouble.HasValue;

    [XmlElement("maxDouble", Order = 10)]
    public double? MaxDouble { get; set; }

    public bool ShouldSerializeMaxDouble() => MaxDouble.HasValue;

    [XmlElement("dateVal", Order = 11)]
    public DateTime? DateVal { get; set; }

    public bool ShouldSerializeDateVal() => DateVal.HasValue;

    [XmlElement("minDate", Order = 12)]
    public DateTime? MinDate { get; set; }

    public bool ShouldSerializeMinDate() => MinDate.HasValue;

    [XmlElement("maxDate", Order = 13)]
    public DateTime? MaxDate { get; set; }

    public bool ShouldSerializeMaxDate() => MaxDate.HasValue;

    [XmlElement("caseSensitive", Order = 14)]
    public bool? CaseSensitive { get; set; }

    public bool ShouldSerializeCaseSensitive() => CaseSensitive.HasValue;
}

/// <summary>Metadata conditions.</summary>
[XmlType("MetadataConditionArray", Namespace = IpsNamespaces.Types)]
public class MetadataConditionArray
{
    [XmlElement("items", Order = 1)]
    public List<MetadataCondition> Items { get; set; } = new();
}

/// <summary>A condition on a tag field (this server has no tag fields: answered with a fault).</summary>
[XmlType("TagCondition", Namespace = IpsNamespaces.Types)]
public class TagCondition
{
    [XmlElement("fieldHandle", Order = 1)]
    public string? FieldHandle { get; set; }

    [XmlElement("op", Order = 2)]
    public string? Op { get; set; }

    [XmlElement("value", Order = 3)]
    public string? Value { get; set; }

    [XmlElement("valueArray", Order = 4)]
    public StringArray? ValueArray { get; set; }
}

/// <summary>Tag field conditions.</summary>
[XmlType("TagConditionArray", Namespace = IpsNamespaces.Types)]
public class TagConditionArray
{
    [XmlElement("items", Order = 1)]
    public List<TagCondition> Items { get; set; } = new();
}

/// <summary>Assets a generation engine made, of a type, to leave out of a search.</summary>
[XmlType("ExcludeByproductCondition", Namespace = IpsNamespaces.Types)]
public class ExcludeByproductCondition
{
    [XmlElement("engine", Order = 1)]
    public string? Engine { get; set; }

    [XmlElement("generatedAssetType", Order = 2)]
    public string? GeneratedAssetType { get; set; }
}

/// <summary>Byproducts to leave out of a search.</summary>
[XmlType("ExcludeByproductArray", Namespace = IpsNamespaces.Types)]
public class ExcludeByproductArray
{
    [XmlElement("items", Order = 1)]
    public List<ExcludeByproductCondition> Items { get; set; } = new();
}

/// <summary>Where and what searchAssetsByMetadata looks for.</summary>
[XmlType("SearchFilter", Namespace = IpsNamespaces.Types)]
public class SearchFilter
{
    [XmlElement("folder", Order = 1)]
    public string? Folder { get; set; }

    [XmlElement("includeSubfolders", Order = 2)]
    public bool? IncludeSubfolders { get; set; }

    public bool ShouldSerializeIncludeSubfolders() => IncludeSubfolders.HasValue;

    [XmlElement("assetTypeArray", Order = 3)]
    public StringArray? AssetTypeArray { get; set; }

    [XmlElement("excludeAssetTypeArray", Order = 4)]
    public StringArray? ExcludeAssetTypeArray { get; set; }

    [XmlElement("assetSubTypeArray", Order = 5)]
    public StringArray? AssetSubTypeArray { get; set; }

    [XmlElement("strictSubTypeCheck", Order = 6)]
    public bool? StrictSubTypeCheck { get; set; }

    public bool ShouldSerializeStrictSubTypeCheck() => StrictSubTypeCheck.HasValue;

    [XmlElement("excludeByproducts", Order = 7)]
    public bool? ExcludeByproducts { get; set; }

    public bool ShouldSerializeExcludeByproducts() => ExcludeByproducts.HasValue;

    [XmlElement("projectHandle", Order = 8)]
    public string? ProjectHandle { get; set; }

    [XmlElement("publishState", Order = 9)]
    public string? PublishState { get; set; }

    [XmlElement("trashState", Order = 10)]
    public string? TrashState { get; set; }
}
