// The SOAP header of every operation. Its children come in any order (xsd:all), so no Order here.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Credentials and per-call settings sent in the <c>authHeader</c> SOAP header.</summary>
[XmlRoot("authHeader", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class AuthHeader
{
    [XmlElement("user")]
    public string? User { get; set; }

    [XmlElement("password")]
    public string? Password { get; set; }

    [XmlElement("accessToken")]
    public string? AccessToken { get; set; }

    [XmlElement("locale")]
    public string? Locale { get; set; }

    [XmlElement("appName")]
    public string? AppName { get; set; }

    [XmlElement("appVersion")]
    public string? AppVersion { get; set; }

    [XmlElement("gzipResponse")]
    public bool? GzipResponse { get; set; }

    public bool ShouldSerializeGzipResponse() => GzipResponse.HasValue;

    [XmlElement("faultHttpStatusCode")]
    public int? FaultHttpStatusCode { get; set; }

    public bool ShouldSerializeFaultHttpStatusCode() => FaultHttpStatusCode.HasValue;
}
