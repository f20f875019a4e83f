using System.Text;
using System.Xml;
using IpsApi.Wire;

namespace IpsApi.Server.Soap;

/// <summary>
/// Copies XML while mapping namespace URIs: requests in a dated IPS namespace are read as the unversioned
/// one, and answers go back in the namespace the request used.
/// </summary>
public static class NamespaceMapping
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <param name="skipAttribute">Attributes (the reader on each) left out of the copy.</param>
    public static void CopyStartElement(XmlReader reader, XmlWriter writer, Func<string, string> map, Func<XmlReader, bool>? skipAttribute = null)
    {
        writer.WriteStartElement(reader.Prefix, reader.LocalName, map(reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (skipAttribute?.Invoke(reader) == true)
                {
                    continue;
                }

                if (reader.NamespaceURI == XmlnsNamespace)
                {
                    writer.WriteAttributeString(reader.Prefix, reader.LocalName, XmlnsNamespace, map(reader.Value));
                }
                else
                {
                    writer.WriteAttributeString(reader.Prefix, reader.LocalName, map(reader.NamespaceURI), reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }
    }

    /// <summary>Copies the text, CDATA or whitespace the reader is on; other nodes (comments, instructions) are dropped.</summary>
    public static void CopyCharacters(XmlReader reader, XmlWriter writer)
    {
        switch (reader.NodeType)
        {
            case XmlNodeType.Text:
                writer.WriteString(reader.Value);
                break;
            case XmlNodeType.CDATA:
                writer.WriteCData(reader.Value);
                break;
            case XmlNodeType.Whitespace:
            case XmlNodeType.SignificantWhitespace:
                writer.WriteWhitespace(reader.Value);
                break;
        }
    }

    /// <summary>Rewrites a response envelope from the unversioned types namespace into <paramref name="target"/>.</summary>
    public static byte[] ToRequestNamespace(byte[] envelope, string target)
    {
        string Map(string ns) => ns == IpsNamespaces.Types ? target : ns;

        using var reader = XmlReader.Create(new MemoryStream(envelope), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        using var output = new MemoryStream(envelope.Length + 64);
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true }))
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        CopyStartElement(reader, writer, Map);
                        if (reader.IsEmptyElement)
                        {
                            writer.WriteEndElement();
                        }

                        break;
                    case XmlNodeType.EndElement:
                        writer.WriteFullEndElement();
                        break;
                    default:
                        CopyCharacters(reader, writer);
                        break;
                }
            }
        }

        return output.ToArray();
    }
}
