// Fault detail elements. They are always in the unversioned namespace, whatever the request used.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Fault detail for missing or wrong credentials (codes 10000-10002).</summary>
[XmlRoot("authenticationFault", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class AuthenticationFault
{
    [XmlElement("code", Order = 1)]
    public int Code { get; set; }

    [XmlElement("reason", Order = 2)]
    public string? Reason { get; set; }
}

/// <summary>Fault detail for a caller without the right to do this (codes 20000-20009).</summary>
[XmlRoot("authorizationFault", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class AuthorizationFault
{
    [XmlElement("code", Order = 1)]
    public int Code { get; set; }

    [XmlElement("reason", Order = 2)]
    public string? Reason { get; set; }
}

/// <summary>Fault detail for bad parameters and server failures (codes 30000-30003).</summary>
[XmlRoot("ipsApiFault", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class IpsApiFault
{
    [XmlElement("code", Order = 1)]
    public int Code { get; set; }

    [XmlElement("reason", Order = 2)]
    public string? Reason { get; set; }
}
