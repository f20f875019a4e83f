using System.Text;
using System.Xml;

namespace IpsApi.Server.Soap.PlainXml;

/// <summary>
/// Reads the plain-XML request AEM sends without a SOAP envelope,
/// <c>&lt;Request xmlns="…/IpsApi/xsd/&lt;version&gt;"&gt;&lt;authHeader/&gt;&lt;submitJobParam/&gt;&lt;/Request&gt;</c>,
/// by moving its children into a SOAP 1.1 envelope (authHeader into the Header, the param into the Body) and
/// reading that with <see cref="EnvelopeReader"/>. So both endpoints share one reading of operations, namespaces
/// and authHeader, and the call goes on exactly as a SOAP one.
/// </summary>
public static class PlainRequestReader
{
    private const string Soap11Envelope = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string EnvelopePrefix = "soapenv";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    public static SoapRequest Read(ReadOnlyMemory<byte> body, int maxDepth)
    {
        byte[] envelope;
        try
        {
            envelope = ToEnvelope(body, maxDepth);
        }
        catch (XmlException e)
        {
            throw IpsFaultException.InvalidRequestXml($"Invalid request XML: {e.Message}");
        }
        catch (DecoderFallbackException)
        {
            throw IpsFaultException.InvalidRequestXml("Invalid request XML: the body is not valid in its declared encoding");
        }

        // The envelope puts the Request's children one level deeper (Envelope/Body instead of Request).
        return EnvelopeReader.Read(envelope, maxDepth + 1);
    }

    private static byte[] ToEnvelope(ReadOnlyMemory<byte> body, int maxDepth)
    {
        EnvelopeReader.RequireValidUtf8(body.Span);
        using var input = new MemoryStream(body.ToArray(), writable: false);
        using var reader = XmlReader.Create(input, EnvelopeReader.SafeReaderSettings(body.Length));
        var fragments = new XmlWriterSettings { ConformanceLevel = ConformanceLevel.Fragment, Encoding = new UTF8Encoding(false), CheckCharacters = false };
        using var header = new MemoryStream();
        using var payload = new MemoryStream();
        using var headerWriter = XmlWriter.Create(header, fragments);
        using var payloadWriter = XmlWriter.Create(payload, fragments);

        var declarations = new List<(string Prefix, string Uri)>();
        XmlWriter? target = null;
        int authHeaders = 0, operations = 0;
        while (reader.Read())
        {
            if (reader.Depth > maxDepth)
            {
                throw IpsFaultException.InvalidRequestXml($"Invalid request XML: elements are nested deeper than {maxDepth} levels");
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.Depth == 0:
                    if (reader.LocalName != "Request" || !EnvelopeReader.IsIpsTypesNamespace(reader.NamespaceURI))
                    {
                        throw IpsFaultException.InvalidRequestXml(
                            "Invalid request XML: the root element is not an IPS Request (nor a SOAP Envelope, which goes to /scene7/services/IpsApiService)");
                    }

                    declarations.AddRange(NamespaceDeclarations(reader));
                    break;
                case XmlNodeType.Element:
                    if (reader.Depth == 1)
                    {
                        var isAuthHeader = reader.LocalName == "authHeader" && EnvelopeReader.IsIpsTypesNamespace(reader.NamespaceURI);
                        if (isAuthHeader ? ++authHeaders > 1 : ++operations > 1)
                        {
                            throw IpsFaultException.InvalidRequestXml(isAuthHeader
                                ? "Invalid request XML: the Request holds more than one authHeader"
                                : "Invalid request XML: the Request must hold exactly one operation element besides authHeader");
                        }

                        target = isAuthHeader ? headerWriter : payloadWriter;
                    }

                    NamespaceMapping.CopyStartElement(reader, target!, ns => ns);
                    if (reader.IsEmptyElement)
                    {
                        target!.WriteEndElement();
                    }

                    break;
                case XmlNodeType.EndElement when reader.Depth > 0:
                    target!.WriteFullEndElement();
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    if (reader.Depth <= 1)
                    {
                        if (!string.IsNullOrWhiteSpace(reader.Value))
                        {
                            throw IpsFaultException.InvalidRequestXml("Invalid request XML: text directly inside the Request");
                        }

                        break;
                    }

                    target!.WriteString(reader.Value);
                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (reader.Depth > 1)
                    {
                        target!.WriteWhitespace(reader.Value);
                    }

                    break;
            }
        }

        if (operations == 0)
        {
            throw IpsFaultException.InvalidRequestXml("Invalid request XML: the Request holds no operation element");
        }

        headerWriter.Flush();
        payloadWriter.Flush();
        return Wrap(declarations, header.ToArray(), payload.ToArray());
    }

    /// <summary>
    /// The envelope carries the Request's namespace declarations, so a prefix declared there and used in a value
    /// (an xsi:type, say) still resolves inside the Body.
    /// </summary>
    private static byte[] Wrap(List<(string Prefix, string Uri)> declarations, byte[] header, byte[] payload)
    {
        using var output = new MemoryStream(header.Length + payload.Length + 512);
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true, CheckCharacters = false }))
        {
            writer.WriteStartElement(EnvelopePrefix, "Envelope", Soap11Envelope);
            foreach (var (prefix, uri) in declarations.Where(d => d.Prefix != EnvelopePrefix))
            {
                if (prefix.Length == 0)
                {
                    writer.WriteAttributeString("xmlns", uri);
                }
                else
                {
                    writer.WriteAttributeString("xmlns", prefix, XmlnsNamespace, uri);
                }
            }

            writer.WriteStartElement(EnvelopePrefix, "Header", Soap11Envelope);
            writer.WriteRaw(Encoding.UTF8.GetString(header));
            writer.WriteEndElement();
            writer.WriteStartElement(EnvelopePrefix, "Body", Soap11Envelope);
            writer.WriteRaw(Encoding.UTF8.GetString(payload));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return output.ToArray();
    }

    private static List<(string Prefix, string Uri)> NamespaceDeclarations(XmlReader reader)
    {
        var found = new List<(string Prefix, string Uri)>();
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI == XmlnsNamespace)
                {
                    found.Add((reader.Prefix == "xmlns" ? reader.LocalName : "", reader.Value));
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        return found;
    }
}
