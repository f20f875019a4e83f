using System.Text;
using System.Xml;
using System.Xml.Serialization;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Upload;

/// <summary>The uploadParams document of a POST, read, with the IPS namespace it came in (the answer uses it too).</summary>
public sealed record UploadParamsDocument(UploadPostParam Param, string Namespace);

/// <summary>
/// Reads the two XML parts of an UploadFile POST as the SOAP endpoint reads an envelope: no DTD, no entities, no
/// resolver, bounded size and depth, valid encoding; anything else is fault 30003 naming the part. <c>auth</c> is an
/// <c>authHeader</c> element, <c>uploadParams</c> an <c>uploadPostParam</c> (or, as the IPS reference also writes it,
/// <c>uploadPostParams</c>) element, each in any IPS namespace (unversioned, dated or beta) or in none.
/// </summary>
public static class UploadDocuments
{
    private static readonly XmlSerializer ParamSerializer = new(typeof(UploadPostParam));

    public static AuthHeaderValues ReadAuth(byte[] document, int maxDepth)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Read(document, maxDepth, "auth", reader =>
        {
            RequireRoot(reader, "auth", "authHeader");
            if (reader.IsEmptyElement)
            {
                return;
            }

            string? field = null;
            var text = new StringBuilder();
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when reader.Depth == 1:
                        field = reader.LocalName;
                        text.Clear();
                        if (reader.IsEmptyElement)
                        {
                            fields[field] = "";
                            field = null;
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA when field is not null:
                        text.Append(reader.Value);
                        break;
                    case XmlNodeType.EndElement when reader.Depth == 1 && field is not null:
                        fields[field] = text.ToString();
                        field = null;
                        break;
                }
            }
        });
        return EnvelopeReader.ToAuthValues(fields);
    }

    public static UploadParamsDocument ReadParams(byte[] document, int maxDepth)
    {
        string ns = IpsNamespaces.Types;
        using var canonical = new MemoryStream(document.Length + 128);
        Read(document, maxDepth, "uploadParams", reader =>
        {
            RequireRoot(reader, "uploadParams", "uploadPostParam", "uploadPostParams");
            ns = reader.NamespaceURI.Length == 0 ? IpsNamespaces.Types : reader.NamespaceURI;
            using var writer = XmlWriter.Create(canonical, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true });

            // Every IPS namespace, and no namespace at all, is read as the unversioned one the wire types use.
            string Map(string uri) => uri.Length == 0 || EnvelopeReader.IsIpsTypesNamespace(uri) ? IpsNamespaces.Types : uri;
            do
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var local = reader.Depth == 0 ? "uploadPostParam" : reader.LocalName;
                        writer.WriteStartElement("", local, Map(reader.NamespaceURI));
                        if (reader.IsEmptyElement)
                        {
                            writer.WriteEndElement();
                        }

                        break;
                    case XmlNodeType.EndElement:
                        writer.WriteFullEndElement();
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                        writer.WriteString(reader.Value);
                        break;
                }
            }
            while (reader.Read());
        });

        canonical.Position = 0;
        try
        {
            using var reader = XmlReader.Create(canonical, EnvelopeReader.SafeReaderSettings((int)Math.Min(int.MaxValue, canonical.Length)));
            return new UploadParamsDocument((UploadPostParam)ParamSerializer.Deserialize(reader)!, ns);
        }
        catch (InvalidOperationException e)
        {
            // The serializer wraps what it could not read (a boolean that is none, a number out of range).
            throw IpsFaultException.InvalidParameter($"Invalid parameter uploadParams: {(e.InnerException ?? e).Message}");
        }
    }

    private static void Read(byte[] document, int maxDepth, string part, Action<XmlReader> read)
    {
        try
        {
            EnvelopeReader.RequireValidUtf8(document);

            // The whole document first: well-formed, safe and within the depth limit, before anything is taken from it.
            using (var check = Create(document))
            {
                while (check.Read())
                {
                    if (check.Depth > maxDepth)
                    {
                        throw IpsFaultException.InvalidRequestXml($"Invalid {part} XML: elements are nested deeper than {maxDepth} levels");
                    }
                }
            }

            using var reader = Create(document);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw IpsFaultException.InvalidRequestXml($"Invalid {part} XML: the part holds no element");
            }

            read(reader);
        }
        catch (XmlException e)
        {
            throw IpsFaultException.InvalidRequestXml($"Invalid {part} XML: {e.Message}");
        }
        catch (DecoderFallbackException)
        {
            throw IpsFaultException.InvalidRequestXml($"Invalid {part} XML: the part is not valid in its declared encoding");
        }
        catch (IpsFaultException e) when (e.Code == 30003 && !e.Reason.StartsWith($"Invalid {part} XML", StringComparison.Ordinal))
        {
            // EnvelopeReader's own words speak of the request; here it is one part of it.
            throw IpsFaultException.InvalidRequestXml($"Invalid {part} XML: {e.Reason}");
        }
    }

    private static XmlReader Create(byte[] document) =>
        XmlReader.Create(new MemoryStream(document, writable: false), EnvelopeReader.SafeReaderSettings(Math.Max(1, document.Length)));

    private static void RequireRoot(XmlReader reader, string part, params string[] names)
    {
        if (!names.Contains(reader.LocalName) || !(reader.NamespaceURI.Length == 0 || EnvelopeReader.IsIpsTypesNamespace(reader.NamespaceURI)))
        {
            throw IpsFaultException.InvalidRequestXml(
                $"Invalid {part} XML: the root element is {reader.LocalName}, not {string.Join(" or ", names)} in an IPS namespace");
        }
    }
}
