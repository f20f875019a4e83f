using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>The schema inside wsdl/IpsApi.wsdl, to hold every answer of the server against the contract.</summary>
public static class WireSchema
{
    public static string WsdlPath { get; } = Path.Combine(AppContext.BaseDirectory, "wsdl", "IpsApi.wsdl");

    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    /// <summary>Asserts that the element (a Return element or a fault detail) is valid against the WSDL's schema.</summary>
    public static void AssertValid(XElement element)
    {
        var copy = new XElement(element);
        var errors = new List<string>();
        new XDocument(copy).Validate(Schemas.Value, (_, e) => errors.Add(e.Message));
        Assert.True(errors.Count == 0, $"{element.Name.LocalName} does not validate against wsdl/IpsApi.wsdl: {string.Join("; ", errors)}\n{element}");
    }

    private static XmlSchemaSet Load()
    {
        XNamespace xsd = "http://www.w3.org/2001/XMLSchema";
        var wsdl = XDocument.Load(WsdlPath);
        var schema = new XElement(wsdl.Descendants(xsd + "schema").Single());
        // The schema's type references use prefixes declared on wsdl:definitions; carry them along.
        foreach (var declaration in wsdl.Root!.Attributes().Where(a => a.IsNamespaceDeclaration))
        {
            if (schema.Attribute(declaration.Name) is null)
            {
                schema.Add(new XAttribute(declaration.Name, declaration.Value));
            }
        }

        var set = new XmlSchemaSet();
        using var reader = schema.CreateReader();
        set.Add(null, reader);
        set.Compile();
        return set;
    }
}
