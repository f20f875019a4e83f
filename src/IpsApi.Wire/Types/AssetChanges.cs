// What the asset operations that change assets take and answer: moves, metadata updates, publish states, per-asset faults.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>An asset and the folder to move it into.</summary>
[XmlType("AssetMove", Namespace = IpsNamespaces.Types)]
public class AssetMove
{
    [XmlElement("assetHandle", Order = 1)]
    public string? AssetHandle { get; set; }

    [XmlElement("folderHandle", Order = 2)]
    public string? FolderHandle { get; set; }
}

/// <summary>Assets and the folders to move them into.</summary>
[XmlType("AssetMoveArray", Namespace = IpsNamespaces.Types)]
public class AssetMoveArray
{
    [XmlElement("items", Order = 1)]
    public List<AssetMove> Items { get; set; } = new();
}

/// <summary>Why one asset of a batch operation gave a warning or an error: the code and reason its single-asset operation would fault with.</summary>
[XmlType("AssetOperationFault", Namespace = IpsNamespaces.Types)]
public class AssetOperationFault
{
    [XmlElement("assetHandle", Order = 1)]
    public string? AssetHandle { get; set; }

    [XmlElement("code", Order = 2)]
    public int Code { get; set; }

    [XmlElement("reason", Order = 3)]
    public string? Reason { get; set; }
}

/// <summary>Warnings or errors of a batch operation, one per asset.</summary>
[XmlType("AssetOperationFaultArray", Namespace = IpsNamespaces.Types)]
public class AssetOperationFaultArray
{
    [XmlElement("items", Order = 1)]
    public List<AssetOperationFault> Items { get; set; } = new();
}

/// <summary>A metadata field a company uses.</summary>
[XmlType("MetadataField", Namespace = IpsNamespaces.Types)]
public class MetadataField
{
    [XmlElement("fieldHandle", Order = 1)]
    public string? FieldHandle { get; set; }

    [XmlElement("name", Order = 2)]
    public string? Name { get; set; }

    [XmlElement("type", Order = 3)]
    public string? Type { get; set; }

    [XmlElement("defaultValue", Order = 4)]
    public string? DefaultValue { get; set; }

    [XmlElement("isRequired", Order = 5)]
    public bool? IsRequired { get; set; }

    public bool ShouldSerializeIsRequired() => IsRequired.HasValue;

    [XmlElement("isUserDefined", Order = 6)]
    public bool? IsUserDefined { get; set; }

    public bool ShouldSerializeIsUserDefined() => IsUserDefined.HasValue;

    [XmlElement("isHidden", Order = 7)]
    public bool? IsHidden { get; set; }

    public bool ShouldSerializeIsHidden() => IsHidden.HasValue;

    [XmlElement("isEnforced", Order = 8)]
    public bool? IsEnforced { get; set; }

    public bool ShouldSerializeIsEnforced() => IsEnforced.HasValue;
}

/// <summary>Metadata fields.</summary>
[XmlType("MetadataFieldArray", Namespace = IpsNamespaces.Types)]
public class MetadataFieldArray
{
    [XmlElement("items", Order = 1)]
    public List<MetadataField> Items { get; set; } = new();
}

/// <summary>A new value of one metadata field.</summary>
[XmlType("MetadataUpdate", Namespace = IpsNamespaces.Types)]
public class MetadataUpdate
{
    [XmlElement("fieldHandle", Order = 1)]
    public string? FieldHandle { get; set; }

    [XmlElement("value", Order = 2)]
    public string? Value { get; set; }

    [XmlElement("boolVal", Order = 3)]
    public bool? BoolVal { get; set; }

    public bool ShouldSerializeBoolVal() => BoolVal.HasValue;

    [XmlElement("longVal", Order = 4)]
    public long? LongVal { get; set; }

    public bool ShouldSerializeLongVal() => LongVal.HasValue;

    [XmlElement("doubleVal", Order = 5)]
    public double? DoubleVal { get; set; }

    public bool ShouldSerializeDoubleVal() => DoubleVal.HasValue;

    [XmlElement("dateVal", Order = 6)]
    public DateTime? DateVal { get; set; }

    public bool ShouldSerializeDateVal() => DateVal.HasValue;

    [XmlElement("addTagValueArray", Order = 7)]
    public StringArray? AddTagValueArray { get; set; }

    [XmlElement("setTagValueArray", Order = 8)]
    public StringArray? SetTagValueArray { get; set; }

    [XmlElement("deleteTagValueArray", Order = 9)]
    public StringArray? DeleteTagValueArray { get; set; }
}

/// <summary>New metadata values.</summary>
[XmlType("MetadataUpdateArray", Namespace = IpsNamespaces.Types)]
public class MetadataUpdateArray
{
    [XmlElement("items", Order = 1)]
    public List<MetadataUpdate> Items { get; set; } = new();
}

/// <summary>New metadata values for a list of assets.</summary>
[XmlType("BatchMetadataUpdate", Namespace = IpsNamespaces.Types)]
public class BatchMetadataUpdate
{
    [XmlElement("assetHandleArray", Order = 1)]
    public HandleArray? AssetHandleArray { get; set; }

    [XmlElement("updateArray", Order = 2)]
    public MetadataUpdateArray? UpdateArray { get; set; }
}

/// <summary>Metadata updates of several lists of assets.</summary>
[XmlType("BatchMetadataUpdateArray", Namespace = IpsNamespaces.Types)]
public class BatchMetadataUpdateArray
{
    [XmlElement("items", Order = 1)]
    public List<BatchMetadataUpdate> Items { get; set; } = new();
}

/// <summary>An asset and its new publish state.</summary>
[XmlType("PublishStateUpdate", Namespace = IpsNamespaces.Types)]
public class PublishStateUpdate
{
    [XmlElement("assetHandle", Order = 1)]
    public string? AssetHandle { get; set; }

    [XmlElement("publishState", Order = 2)]
    public string? PublishState { get; set; }
}

/// <summary>Assets and their new publish states.</summary>
[XmlType("PublishStateUpdateArray", Namespace = IpsNamespaces.Types)]
public class PublishStateUpdateArray
{
    [XmlElement("items", Order = 1)]
    public List<PublishStateUpdate> Items { get; set; } = new();
}
