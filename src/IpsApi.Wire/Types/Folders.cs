// The folder types getFolderTree and getFolders answer with.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>A folder of a company's asset tree; in a tree, with its subfolders.</summary>
[XmlType("Folder", Namespace = IpsNamespaces.Types)]
public class Folder
{
    [XmlElement("folderHandle", Order = 1)]
    public string? FolderHandle { get; set; }

    [XmlElement("path", Order = 2)]
    public string? Path { get; set; }

    [XmlElement("lastModified", Order = 3)]
    public DateTime? LastModified { get; set; }

    public bool ShouldSerializeLastModified() => LastModified.HasValue;

    [XmlElement("childLastModified", Order = 4)]
    public DateTime? ChildLastModified { get; set; }

    public bool ShouldSerializeChildLastModified() => ChildLastModified.HasValue;

    [XmlElement("permissionSetHandle", Order = 5)]
    public string? PermissionSetHandle { get; set; }

    [XmlElement("hasSubfolders", Order = 6)]
    public bool? HasSubfolders { get; set; }

    public bool ShouldSerializeHasSubfolders() => HasSubfolders.HasValue;

    [XmlElement("subfolderArray", Order = 7)]
    public FolderArray? SubfolderArray { get; set; }
}

/// <summary>A list of folders.</summary>
[XmlType("FolderArray", Namespace = IpsNamespaces.Types)]
public class FolderArray
{
    [XmlElement("items", Order = 1)]
    public List<Folder> Items { get; set; } = new();
}
