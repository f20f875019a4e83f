using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using IpsApi.Server.Soap.Wsdl;

namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>The schema inside wsdl/IpsApi.wsdl (or a dated WSDL made from it), to hold every answer of the server against the contract.</summary>
public static class WireSchema
{
    public static string WsdlPath { get; } = Path.Combine(AppContext.BaseDirectory, "wsdl", "IpsApi.wsdl");

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() => Load(XDocument.Load(WsdlPath)));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, XmlSchemaSet> DatedSchemas = new();

    /// <summary>Asserts that the element (a Return element or a fault detail) is valid against the WSDL's schema.</summary>
    public static void AssertValid(XElement element) => AssertValid(element, Schemas.Value, "wsdl/IpsApi.wsdl");

    /// <summary>Asserts that the element, in a dated namespace, is valid against the schema of the WSDL served for that version.</summary>
    public static void AssertValid(XElement element, string version) =>
        AssertValid(element, DatedSchema(version), $"IpsApi-{version}.wsdl");

    /// <summary>Whether the WSDL served for the version declares the top-level element (an operation's Return element).</summary>
    public static bool Declares(string version, string elementName) =>
        DatedSchema(version).GlobalElements.Contains(new XmlQualifiedName(elementName, WsdlEditions.DatedNamespace(version)));

    private static XmlSchemaSet DatedSchema(string version) =>
        DatedSchemas.GetOrAdd(version, v => Load(XDocument.Parse(WsdlEditions.Load(WsdlPath).Dated(v)!)));

    private static void AssertValid(XElement element, XmlSchemaSet schemas, string wsdl)
    {
        var copy = new XElement(element);
        var errors = new List<string>();
        new XDocument(copy).Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.True(errors.Count == 0, $"{element.Name.LocalName} does not validate against {wsdl}: {string.Join("; ", errors)}\n{element}");
    }

    private static XmlSchemaSet Load(XDocument wsdl)
    {
        XNamespace xsd = "http://www.w3.org/2001/XMLSchema";
        var set = new XmlSchemaSet();
        foreach (var declared in wsdl.Descendants(xsd + "schema"))
        {
            var schema = new XElement(declared);
            // The schema's type references use prefixes declared on wsdl:definitions; carry them along.
            foreach (var declaration in wsdl.Root!.Attributes().Where(a => a.IsNamespaceDeclaration))
            {
                if (schema.Attribute(declaration.Name) is null)
                {
                    schema.Add(new XAttribute(declaration.Name, declaration.Value));
                }
            }

            using var reader = schema.CreateReader();
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }
}
