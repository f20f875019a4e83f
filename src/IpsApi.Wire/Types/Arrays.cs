// Simple list wrappers: each item is an <items> element.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>A list of handles.</summary>
[XmlType("HandleArray", Namespace = IpsNamespaces.Types)]
public class HandleArray
{
    [XmlElement("items", Order = 1)]
    public List<string> Items { get; set; } = new();
}

/// <summary>A list of strings.</summary>
[XmlType("StringArray", Namespace = IpsNamespaces.Types)]
public class StringArray
{
    [XmlElement("items", Order = 1)]
    public List<string> Items { get; set; } = new();
}

/// <summary>A list of 1 to 1000 URLs.</summary>
[XmlType("UrlArray", Namespace = IpsNamespaces.Types)]
public class UrlArray
{
    [XmlElement("items", Order = 1)]
    public List<string> Items { get; set; } = new();
}
