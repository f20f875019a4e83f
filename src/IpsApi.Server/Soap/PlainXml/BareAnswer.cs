using System.Text;
using System.Xml;

namespace IpsApi.Server.Soap.PlainXml;

/// <summary>
/// The plain-XML endpoint answers without an envelope: the Return element alone, or for a fault the detail
/// element alone (<c>ipsApiFault</c>, <c>authenticationFault</c> or <c>authorizationFault</c> with code and
/// reason). Cut out of the SOAP answer the gateway already wrote, so both endpoints say exactly the same.
/// </summary>
public static class BareAnswer
{
    public static byte[] FromEnvelope(byte[] envelope)
    {
        using var reader = XmlReader.Create(new MemoryStream(envelope, writable: false), EnvelopeReader.SafeReaderSettings(envelope.Length));
        using var output = new MemoryStream(envelope.Length);
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true }))
        {
            MoveToBodyContent(reader);
            if (reader.LocalName == "Fault" && SoapVersion.FromEnvelopeNamespace(reader.NamespaceURI) is not null)
            {
                MoveToFaultDetailContent(reader);
            }

            // Declarations the element relied on from the envelope are written on it by the writer.
            writer.WriteNode(reader, defattr: true);
        }

        return output.ToArray();
    }

    private static void MoveToBodyContent(XmlReader reader)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 2)
            {
                return;
            }
        }

        throw new InvalidOperationException("The SOAP answer has no body content.");
    }

    private static void MoveToFaultDetailContent(XmlReader reader)
    {
        var faultDepth = reader.Depth;
        var inDetail = false;
        while (reader.Read() && reader.Depth > faultDepth)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Depth == faultDepth + 1)
            {
                inDetail = reader.LocalName is "detail" or "Detail";
            }
            else if (inDetail && reader.Depth == faultDepth + 2)
            {
                return;
            }
        }

        throw new InvalidOperationException("The SOAP fault has no detail element.");
    }
}
