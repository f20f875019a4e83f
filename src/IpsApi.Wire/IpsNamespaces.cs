namespace IpsApi.Wire;

/// <summary>XML namespaces of the IPS API.</summary>
public static class IpsNamespaces
{
    /// <summary>The unversioned types namespace (bodies, header and fault details).</summary>
    public const string Types = "http://www.scene7.com/IpsApi/xsd";

    /// <summary>The WSDL target namespace.</summary>
    public const string Wsdl = "http://www.scene7.com/IpsApi";
}
