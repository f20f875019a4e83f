using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using IpsApi.Wire;

namespace IpsApi.Server.Soap.Wsdl;

/// <summary>
/// Every edition of wsdl/IpsApi.wsdl the server serves, made once from that one file. The file describes the newest
/// shape in the unversioned namespace and marks what came later than the oldest dated API version with
/// <c>ver:since="&lt;version&gt;"</c> (namespace <see cref="VersionsNamespace"/>) on a schema element or type, or on
/// an operation of the portType. The unversioned edition is the file as written, less those marks. A dated edition
/// leaves out what is newer than its version (and whatever only that used), puts its types in
/// <c>http://www.scene7.com/IpsApi/xsd/&lt;version&gt;</c> and keeps the fault details in the unversioned namespace,
/// where the server answers them.
/// </summary>
public sealed class WsdlEditions
{
    /// <summary>The namespace of the version marks; clients never see it.</summary>
    public const string VersionsNamespace = "urn:ipsapi:wsdl:versions";

    /// <summary>The API versions served as IpsApi-&lt;version&gt;.wsdl, newest first (the IPS documentation's list).</summary>
    public static IReadOnlyList<string> DatedVersions { get; } =
        ["2014-04-03", "2013-02-15", "2012-02-14", "2010-01-31", "2009-07-31", "2008-09-10", "2008-01-15"];

    /// <summary>Prefix the dated editions declare for the unversioned namespace of the fault details.</summary>
    public const string FaultPrefix = "ipsfault";

    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";
    private static readonly XName Since = XName.Get("since", VersionsNamespace);

    private readonly Dictionary<string, string> _dated;

    public WsdlEditions(string source)
    {
        CheckMarks(XDocument.Parse(source));
        Unversioned = WithoutMarks(source);
        _dated = DatedVersions.ToDictionary(v => v, v => DatedEdition(source, v), StringComparer.Ordinal);
    }

    public static WsdlEditions Load(string path) => new(File.ReadAllText(path));

    /// <summary>The unversioned edition: the file byte for byte, less the version marks.</summary>
    public string Unversioned { get; }

    /// <summary>The edition of a dated API version, or null for a version that is not served.</summary>
    public string? Dated(string version) => _dated.GetValueOrDefault(version);

    public static string DatedNamespace(string version) => $"{IpsNamespaces.Types}/{version}";

    /// <summary>
    /// Each mark names a served version and sits where its meaning is clear: on a schema element or type, or on an
    /// operation of the portType (which then leaves every binding too).
    /// </summary>
    private static void CheckMarks(XDocument document)
    {
        foreach (var marked in document.Descendants().Where(e => e.Attribute(Since) is not null))
        {
            var version = (string)marked.Attribute(Since)!;
            var where = $"{marked.Name.LocalName} '{(string?)marked.Attribute("name")}'";
            if (!DatedVersions.Contains(version))
            {
                throw new InvalidOperationException(
                    $"wsdl/IpsApi.wsdl: ver:since '{version}' on {where} is not one of the served versions ({string.Join(", ", DatedVersions)}).");
            }

            var placeable = marked.Name == Xsd + "element" || marked.Name == Xsd + "complexType" || marked.Name == Xsd + "simpleType"
                || (marked.Name == Wsdl + "operation" && marked.Parent?.Name == Wsdl + "portType");
            if (!placeable)
            {
                throw new InvalidOperationException(
                    $"wsdl/IpsApi.wsdl: ver:since on {where} ({marked.Name.NamespaceName}): only schema elements and types and portType operations carry it.");
            }
        }

        if (document.Descendants().Attributes().Any(a => a.Name.Namespace == VersionsNamespace && a.Name != Since))
        {
            throw new InvalidOperationException("wsdl/IpsApi.wsdl: the only version mark is ver:since.");
        }
    }

    /// <summary>
    /// Removes the marks as text, so that the unversioned edition keeps the file's own layout and comments; the
    /// result is parsed again to prove that no mark is left.
    /// </summary>
    internal static string WithoutMarks(string source)
    {
        var declaration = Regex.Match(source, $@"\s+xmlns:(?<prefix>[A-Za-z_][\w.-]*)=""{Regex.Escape(VersionsNamespace)}""");
        var stripped = source;
        if (declaration.Success)
        {
            var prefix = declaration.Groups["prefix"].Value;
            stripped = Regex.Replace(source.Remove(declaration.Index, declaration.Length), $@"\s+{Regex.Escape(prefix)}:since=""[^""]*""", "");
        }

        var document = XDocument.Parse(stripped);
        if (document.Descendants().Attributes().Any(a => a.Name.Namespace == VersionsNamespace || a.Value == VersionsNamespace))
        {
            throw new InvalidOperationException(
                $"wsdl/IpsApi.wsdl: declare {VersionsNamespace} once on wsdl:definitions, in double quotes, and mark with prefix:since=\"...\".");
        }

        return stripped;
    }

    private static string DatedEdition(string source, string version)
    {
        var document = XDocument.Parse(source);
        var root = document.Root!;
        LeaveOutNewerThan(root, version);
        var (faultDetails, faultSchema) = MoveFaultDetailsToTheirOwnSchema(root);

        // The types move to the version's namespace: every declaration of the unversioned one now names it.
        var dated = DatedNamespace(version);
        foreach (var declaration in root.DescendantsAndSelf().Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == IpsNamespaces.Types).ToList())
        {
            declaration.Value = dated;
        }

        foreach (var schema in root.Elements(Wsdl + "types").Elements(Xsd + "schema")
                     .Where(s => s != faultSchema && (string?)s.Attribute("targetNamespace") == IpsNamespaces.Types))
        {
            schema.SetAttributeValue("targetNamespace", dated);
        }

        // ... except the fault details, which the server always answers in the unversioned namespace.
        if (faultDetails is not null)
        {
            root.Add(new XAttribute(XNamespace.Xmlns + FaultPrefix, IpsNamespaces.Types));
            foreach (var part in root.Elements(Wsdl + "message").Elements(Wsdl + "part"))
            {
                if (part.Attribute("element") is not null && QName(part, "element") is var element
                    && element.Namespace == dated && faultDetails.Contains(element.LocalName))
                {
                    part.SetAttributeValue("element", $"{FaultPrefix}:{element.LocalName}");
                }
            }
        }

        foreach (var mark in root.DescendantsAndSelf().Attributes().Where(a => a.Name.Namespace == VersionsNamespace || (a.IsNamespaceDeclaration && a.Value == VersionsNamespace)).ToList())
        {
            mark.Remove();
        }

        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, settings))
        {
            document.Save(writer);
        }

        return Encoding.UTF8.GetString(output.ToArray()) + "\n";
    }

    /// <summary>
    /// Removes what is marked newer than <paramref name="version"/>, then every message, schema element and type that
    /// only the removed parts referred to (an operation takes its messages, their Param and Return elements, and the
    /// types only those used). What nothing referred to before stays: the file may declare types for other reasons.
    /// </summary>
    private static void LeaveOutNewerThan(XElement root, string version)
    {
        var newer = root.Descendants().Where(e => string.CompareOrdinal((string?)e.Attribute(Since) ?? "", version) > 0).ToList();
        if (newer.Count == 0)
        {
            return;
        }

        var referencedBefore = References(root);
        foreach (var element in newer)
        {
            if (element.Name == Wsdl + "operation")
            {
                var name = (string?)element.Attribute("name");
                root.Elements(Wsdl + "binding").Elements(Wsdl + "operation").Where(o => (string?)o.Attribute("name") == name).Remove();
            }

            element.Remove();
        }

        while (true)
        {
            var referenced = References(root);
            var orphans = Declarations(root)
                .Where(d => referencedBefore.Contains(d.Key) && !referenced.Contains(d.Key))
                .Select(d => d.Element)
                .ToList();
            if (orphans.Count == 0)
            {
                return;
            }

            orphans.ForEach(o => o.Remove());
        }
    }

    /// <summary>The global declarations a reference can name: "message:x", "element:x", "type:x".</summary>
    private static IEnumerable<(string Key, XElement Element)> Declarations(XElement root)
    {
        foreach (var message in root.Elements(Wsdl + "message"))
        {
            yield return ($"message:{(string?)message.Attribute("name")}", message);
        }

        foreach (var component in root.Elements(Wsdl + "types").Elements(Xsd + "schema").Elements())
        {
            var kind = component.Name == Xsd + "element" ? "element" : component.Name == Xsd + "complexType" || component.Name == Xsd + "simpleType" ? "type" : null;
            if (kind is not null)
            {
                yield return ($"{kind}:{(string?)component.Attribute("name")}", component);
            }
        }
    }

    private static HashSet<string> References(XElement root)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in root.Descendants())
        {
            Add(element, "message", "message");
            Add(element, "element", "element");
            Add(element, "ref", "element");
            Add(element, "type", "type");
            Add(element, "base", "type");
        }

        return keys;

        void Add(XElement element, string attribute, string kind)
        {
            // soap:header in a binding names a message too: it counts like the portType's reference.
            if (element.Attribute(attribute) is not null)
            {
                keys.Add($"{kind}:{QName(element, attribute).LocalName}");
            }
        }
    }

    /// <summary>
    /// Moves the schema elements that the portType's faults carry into a schema of the unversioned namespace of their
    /// own; returns their names and that schema (nulls when the document declares no fault).
    /// </summary>
    private static (HashSet<string>? Details, XElement? Schema) MoveFaultDetailsToTheirOwnSchema(XElement root)
    {
        var faultMessages = root.Elements(Wsdl + "portType").Elements(Wsdl + "operation").Elements(Wsdl + "fault")
            .Select(f => QName(f, "message").LocalName)
            .ToHashSet(StringComparer.Ordinal);
        var details = root.Elements(Wsdl + "message")
            .Where(m => faultMessages.Contains((string?)m.Attribute("name") ?? ""))
            .Elements(Wsdl + "part")
            .Where(p => p.Attribute("element") is not null && QName(p, "element").Namespace == IpsNamespaces.Types)
            .Select(p => QName(p, "element").LocalName)
            .ToHashSet(StringComparer.Ordinal);
        var schema = root.Elements(Wsdl + "types").Elements(Xsd + "schema").SingleOrDefault(s => (string?)s.Attribute("targetNamespace") == IpsNamespaces.Types);
        if (details.Count == 0 || schema is null)
        {
            return (null, null);
        }

        var moved = schema.Elements(Xsd + "element").Where(e => details.Contains((string?)e.Attribute("name") ?? "")).ToList();
        if (moved.Descendants().Any(d => (string?)d.Attribute("type") is { } type && !type.StartsWith("xsd:", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("wsdl/IpsApi.wsdl: fault detail elements declare their content inline, with XML Schema types only.");
        }

        // A comment right before a moved element is about it: it moves along.
        var nodes = moved.SelectMany(e => e.PreviousNode is XComment comment ? new XNode[] { comment, e } : [e]).ToList();
        nodes.ForEach(n => n.Remove());
        var faultSchema = new XElement(Xsd + "schema",
            new XAttribute("targetNamespace", IpsNamespaces.Types),
            new XAttribute("elementFormDefault", (string?)schema.Attribute("elementFormDefault") ?? "qualified"),
            nodes);
        schema.AddAfterSelf(faultSchema);
        return (details, faultSchema);
    }

    /// <summary>A QName-valued attribute, resolved with the namespace declarations in scope.</summary>
    private static XName QName(XElement element, string attribute)
    {
        var value = (string)element.Attribute(attribute)!;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var ns = colon < 0 ? element.GetDefaultNamespace() : element.GetNamespaceOfPrefix(value[..colon]);
        return (ns ?? throw new InvalidOperationException($"wsdl/IpsApi.wsdl: the prefix of '{value}' is not declared")) + value[(colon + 1)..];
    }
}
