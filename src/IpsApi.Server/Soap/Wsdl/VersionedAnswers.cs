using System.Text;
using System.Xml;
using System.Xml.Linq;
using IpsApi.Wire;

namespace IpsApi.Server.Soap.Wsdl;

/// <summary>
/// Leaves out of an answer what the WSDL of the request's version lacks, so that a client generated from a dated
/// WSDL reads every answer (zeep, for one, refuses an element its schema does not have). The knowledge is the same
/// ver:since marks the dated WSDLs are made from: each element of an answer is found in the schema by following the
/// types down from the Return element, and one marked newer than the version goes, with its content.
/// </summary>
public sealed class VersionedAnswers
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";
    private static readonly XName Since = XName.Get("since", WsdlEditions.VersionsNamespace);

    private readonly Dictionary<string, Content> _elements = new(StringComparer.Ordinal);
    private readonly string _newestMark;

    public VersionedAnswers(string source)
    {
        var schemas = XDocument.Parse(source).Root!.Elements(Wsdl + "types").Elements(Xsd + "schema").ToList();
        var types = new Dictionary<string, Content>(StringComparer.Ordinal);
        foreach (var type in schemas.Elements(Xsd + "complexType"))
        {
            types[(string)type.Attribute("name")!] = new Content(type, types);
        }

        foreach (var element in schemas.Elements(Xsd + "element"))
        {
            if (element.Element(Xsd + "complexType") is { } inline)
            {
                _elements[(string)element.Attribute("name")!] = new Content(inline, types);
            }
        }

        _newestMark = schemas.Descendants().Select(e => (string?)e.Attribute(Since)).Where(s => s is not null).DefaultIfEmpty("").Max(StringComparer.Ordinal)!;
    }

    public static VersionedAnswers Load(string path) => new(File.ReadAllText(path));

    /// <summary>The version a dated or beta types namespace names (<c>2010-01-31</c>, <c>2017-10-29-beta</c>); null for the unversioned one.</summary>
    public static string? VersionOf(string typesNamespace) =>
        typesNamespace.StartsWith(IpsNamespaces.Types + "/", StringComparison.Ordinal) ? typesNamespace[(IpsNamespaces.Types.Length + 1)..] : null;

    /// <summary>
    /// Whether an answer in this version loses anything: only a version whose WSDL this server serves, older than a
    /// mark (a beta namespace has no WSDL of ours to be held to, and is answered whole, as the newest shape).
    /// </summary>
    public bool Trims(string version) => WsdlEditions.DatedVersions.Contains(version) && string.CompareOrdinal(_newestMark, version) > 0;

    /// <summary>The answer envelope without the elements newer than <paramref name="version"/>.</summary>
    public byte[] ForVersion(byte[] envelope, string version)
    {
        using var reader = XmlReader.Create(new MemoryStream(envelope), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        using var output = new MemoryStream(envelope.Length);
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true }))
        {
            // The content model of each open element (null: unknown, or simple content); the Body's children are
            // the Return elements, found among the global elements.
            var open = new Stack<Content?>();
            var inBody = false;
            reader.Read();
            while (!reader.EOF)
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        Content? content = null;
                        if (reader.Depth == 2 && inBody)
                        {
                            content = _elements.GetValueOrDefault(reader.LocalName);
                        }
                        else if (open.Count > 0 && open.Peek() is { } parent && parent.Children.TryGetValue(reader.LocalName, out var child))
                        {
                            if (child.Since is { } since && string.CompareOrdinal(since, version) > 0)
                            {
                                reader.Skip();
                                continue;
                            }

                            content = child.Content;
                        }

                        inBody |= reader.Depth == 1 && reader.LocalName == "Body";
                        NamespaceMapping.CopyStartElement(reader, writer, ns => ns);
                        if (reader.IsEmptyElement)
                        {
                            writer.WriteEndElement();
                        }
                        else
                        {
                            open.Push(content);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        writer.WriteFullEndElement();
                        open.Pop();
                        break;
                    default:
                        NamespaceMapping.CopyCharacters(reader, writer);
                        break;
                }

                reader.Read();
            }
        }

        return output.ToArray();
    }

    /// <summary>The child elements a complex type declares, each with its own content (looked up when first asked).</summary>
    private sealed class Content(XElement complexType, Dictionary<string, Content> types)
    {
        private Dictionary<string, Child>? _children;

        public Dictionary<string, Child> Children => _children ??= Read();

        private Dictionary<string, Child> Read()
        {
            var children = new Dictionary<string, Child>(StringComparer.Ordinal);
            // Its own elements, not those of an anonymous type nested in one of them.
            foreach (var element in complexType.Descendants(Xsd + "element").Where(e => e.Ancestors(Xsd + "complexType").First() == complexType))
            {
                var content = element.Element(Xsd + "complexType") is { } inline ? new Content(inline, types) : Named(element);
                children[(string)element.Attribute("name")!] = new Child((string?)element.Attribute(Since), content);
            }

            return children;
        }

        /// <summary>The complex type of the IPS schema an element's type attribute names, if it names one.</summary>
        private Content? Named(XElement element)
        {
            var type = (string?)element.Attribute("type");
            if (type is null)
            {
                return null;
            }

            var colon = type.IndexOf(':', StringComparison.Ordinal);
            var ns = colon < 0 ? element.GetDefaultNamespace() : element.GetNamespaceOfPrefix(type[..colon]);
            return ns?.NamespaceName == IpsNamespaces.Types ? types.GetValueOrDefault(type[(colon + 1)..]) : null;
        }
    }

    private sealed record Child(string? Since, Content? Content);
}
