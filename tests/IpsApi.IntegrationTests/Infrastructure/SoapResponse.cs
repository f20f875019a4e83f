using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>An HTTP answer of the SOAP endpoint, with what a client looks at: status, body element, fault.</summary>
public sealed record SoapResponse(int Status, string? MediaType, IReadOnlyList<string> ContentEncodings, byte[] Bytes)
{
    public static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Ips = "http://www.scene7.com/IpsApi/xsd";

    public string Text => Encoding.UTF8.GetString(ContentEncodings.Contains("gzip") ? Gunzip(Bytes) : Bytes);

    public XDocument Document => XDocument.Parse(Text);

    /// <summary>The single element inside the SOAP Body.</summary>
    public XElement BodyElement =>
        Document.Root!.Elements().Single(e => e.Name.LocalName == "Body").Elements().Single();

    public bool IsFault => BodyElement.Name.LocalName == "Fault";

    /// <summary>The fault's detail element (authenticationFault, authorizationFault or ipsApiFault).</summary>
    public XElement FaultDetail
    {
        get
        {
            Assert.True(IsFault, $"expected a fault, got: {Text}");
            return BodyElement.Elements().Single(e => e.Name.LocalName is "detail" or "Detail").Elements().Single();
        }
    }

    public int FaultCode => (int)FaultDetail.Element(Ips + "code")!;

    public string FaultReason => (string)FaultDetail.Element(Ips + "reason")!;

    /// <summary>SOAP 1.1 faultcode or SOAP 1.2 Code/Value, e.g. "soapenv:Client".</summary>
    public string FaultCodeName => BodyElement.Element("faultcode")?.Value
        ?? BodyElement.Element(Soap12 + "Code")!.Element(Soap12 + "Value")!.Value;

    public string FaultString => BodyElement.Element("faultstring")?.Value
        ?? BodyElement.Element(Soap12 + "Reason")!.Element(Soap12 + "Text")!.Value;

    private static byte[] Gunzip(byte[] bytes)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
