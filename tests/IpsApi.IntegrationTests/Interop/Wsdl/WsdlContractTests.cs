using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using IpsApi.IntegrationTests.Infrastructure;
using static IpsApi.IntegrationTests.Interop.Wsdl.TypesContract;

namespace IpsApi.IntegrationTests.Interop.Wsdl;

/// <summary>
/// The served WSDL as a client generator reads it: a consistent WSDL 1.1 document (every name it refers to
/// exists, no name twice), a schema that compiles without a warning, and types whose fields follow
/// the contract fixture (types.txt and companies-folders.txt) exactly, in order and occurrence.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class WsdlContractTests(ServerFixture server)
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace Soap12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
    private static readonly XNamespace Tns = "http://www.scene7.com/IpsApi";

    /// <summary>In the schema beside the contract's types: the SOAP header and the three fault details (docs/API.md, "The SOAP endpoint").</summary>
    private static readonly string[] HeaderAndFaults = ["authHeader", "authenticationFault", "authorizationFault", "ipsApiFault"];

    [Fact]
    public async Task Every_name_the_wsdl_refers_to_exists_once()
    {
        var wsdl = await ServedAsync();
        var root = wsdl.Root!;
        var problems = new List<string>();
        Assert.Equal(Tns.NamespaceName, (string?)root.Attribute("targetNamespace"));

        var messages = Unique(root.Elements(Wsdl + "message"), "message", problems);
        var portTypes = Unique(root.Elements(Wsdl + "portType"), "portType", problems);
        var bindings = Unique(root.Elements(Wsdl + "binding"), "binding", problems);
        Unique(root.Elements(Wsdl + "service"), "service", problems);
        var schema = root.Element(Wsdl + "types")!.Elements(Xsd + "schema").Single();
        Assert.Equal(Ips.NamespaceName, (string?)schema.Attribute("targetNamespace"));
        var elements = Unique(schema.Elements(Xsd + "element"), "schema element", problems);
        var types = Unique(schema.Elements(Xsd + "complexType").Concat(schema.Elements(Xsd + "simpleType")), "schema type", problems);

        // Every type="..." and element="..." in the schema and the messages resolves.
        foreach (var use in schema.Descendants().Where(e => e.Attribute("type") is not null))
        {
            var type = QName(use, "type");
            if (type.Namespace != Xsd && !types.ContainsKey(type.LocalName))
            {
                problems.Add($"schema: type {type} of {(string?)use.Attribute("name")} is not defined");
            }
        }

        foreach (var part in root.Elements(Wsdl + "message").Elements(Wsdl + "part"))
        {
            if (part.Attribute("element") is null)
            {
                problems.Add($"message {Parent(part)}: part {(string?)part.Attribute("name")} names no element (document/literal needs one)");
            }
            else if (QName(part, "element") is var element && (element.Namespace != Ips || !elements.ContainsKey(element.LocalName)))
            {
                problems.Add($"message {Parent(part)}: element {element} is not declared");
            }
        }

        var portType = portTypes.Values.Single();
        var operations = Unique(portType.Elements(Wsdl + "operation"), "portType operation", problems);
        foreach (var operation in operations.Values)
        {
            foreach (var use in operation.Elements().Where(e => e.Attribute("message") is not null))
            {
                if (QName(use, "message") is var message && (message.Namespace != Tns || !messages.ContainsKey(message.LocalName)))
                {
                    problems.Add($"operation {(string?)operation.Attribute("name")}: message {message} is not defined");
                }
            }

            Unique(operation.Elements(Wsdl + "fault"), $"fault of {(string?)operation.Attribute("name")}", problems);
        }

        foreach (var binding in bindings.Values)
        {
            var name = (string?)binding.Attribute("name");
            if (QName(binding, "type") != Tns + (string)portType.Attribute("name")!)
            {
                problems.Add($"binding {name}: type is not the portType");
            }

            var soap = binding.Element(Soap + "binding") is not null ? Soap : Soap12;
            var bound = Unique(binding.Elements(Wsdl + "operation"), $"operation of binding {name}", problems);
            if (!bound.Keys.Order().SequenceEqual(operations.Keys.Order()))
            {
                problems.Add($"binding {name}: operations differ from the portType's");
            }

            foreach (var (operationName, operation) in bound)
            {
                var abstractOperation = operations.GetValueOrDefault(operationName);
                var input = abstractOperation is null ? null : messages.GetValueOrDefault(QName(abstractOperation.Element(Wsdl + "input")!, "message").LocalName);
                var parts = input?.Elements(Wsdl + "part").Select(p => (string)p.Attribute("name")!).ToHashSet() ?? [];
                var body = operation.Element(Wsdl + "input")!.Element(soap + "body");
                foreach (var part in ((string?)body?.Attribute("parts"))?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [])
                {
                    if (!parts.Contains(part))
                    {
                        problems.Add($"binding {name} {operationName}: body part {part} is not in the input message");
                    }
                }

                foreach (var header in operation.Element(Wsdl + "input")!.Elements(soap + "header"))
                {
                    var message = messages.GetValueOrDefault(QName(header, "message").LocalName);
                    if (message?.Elements(Wsdl + "part").Any(p => (string?)p.Attribute("name") == (string?)header.Attribute("part")) != true)
                    {
                        problems.Add($"binding {name} {operationName}: header part {(string?)header.Attribute("part")} does not exist");
                    }
                }

                var declared = abstractOperation?.Elements(Wsdl + "fault").Select(f => (string)f.Attribute("name")!).Order() ?? Enumerable.Empty<string>();
                var boundFaults = operation.Elements(Wsdl + "fault").Select(f => (string)f.Attribute("name")!).Order();
                var soapFaults = operation.Elements(Wsdl + "fault").Select(f => (string?)f.Element(soap + "fault")?.Attribute("name")).Order();
                if (!declared.SequenceEqual(boundFaults) || !declared.SequenceEqual(soapFaults!))
                {
                    problems.Add($"binding {name} {operationName}: faults differ from the portType's");
                }
            }
        }

        foreach (var port in root.Element(Wsdl + "service")!.Elements(Wsdl + "port"))
        {
            if (!bindings.ContainsKey(QName(port, "binding").LocalName))
            {
                problems.Add($"port {(string?)port.Attribute("name")}: binding is not defined");
            }

            var address = port.Elements().SingleOrDefault(e => e.Name.LocalName == "address");
            if ((string?)address?.Attribute("location") != server.ServiceAddress.ToString())
            {
                problems.Add($"port {(string?)port.Attribute("name")}: address is not {server.ServiceAddress}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_schema_compiles_without_errors_or_warnings()
    {
        var wsdl = await ServedAsync();
        var schema = new XElement(wsdl.Descendants(Xsd + "schema").Single());
        foreach (var declaration in wsdl.Root!.Attributes().Where(a => a.IsNamespaceDeclaration && schema.Attribute(a.Name) is null))
        {
            schema.Add(new XAttribute(declaration.Name, declaration.Value));
        }

        var messages = new List<string>();
        var set = new XmlSchemaSet();
        set.ValidationEventHandler += (_, e) => messages.Add($"{e.Severity}: {e.Message}");
        using (var reader = schema.CreateReader())
        {
            set.Add(XmlSchema.Read(reader, (_, e) => messages.Add($"{e.Severity}: {e.Message}"))!);
        }

        set.Compile();

        Assert.True(messages.Count == 0, string.Join("\n", messages));
        Assert.True(set.IsCompiled);
    }

    [Fact]
    public async Task Every_element_and_type_follows_the_contract_in_order_and_occurrence()
    {
        var schema = (await ServedAsync()).Descendants(Xsd + "schema").Single();
        var problems = new List<string>();

        foreach (var entry in Load())
        {
            var declaration = entry.IsElement
                ? schema.Elements(Xsd + "element").SingleOrDefault(e => (string?)e.Attribute("name") == entry.Name)?.Element(Xsd + "complexType")
                : schema.Elements(Xsd + "complexType").SingleOrDefault(e => (string?)e.Attribute("name") == entry.Name);
            if (declaration is null)
            {
                problems.Add($"{(entry.IsElement ? "element" : "type")} {entry.Name}: not in the WSDL");
                continue;
            }

            var sequence = declaration.Element(Xsd + "sequence");
            if (sequence is null || sequence.Elements().Any(e => e.Name != Xsd + "element"))
            {
                problems.Add($"{entry.Name}: not a plain xsd:sequence of elements");
                continue;
            }

            var actual = sequence.Elements().Select(Field).ToList();
            if (!actual.SequenceEqual(entry.Fields))
            {
                problems.Add($"{entry.Name}:\n  contract: {string.Join(", ", entry.Fields)}\n  WSDL:      {string.Join(", ", actual)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_schema_declares_nothing_beyond_the_contract_the_header_and_the_faults()
    {
        var schema = (await ServedAsync()).Descendants(Xsd + "schema").Single();
        var contract = Load();

        var extraElements = schema.Elements(Xsd + "element").Select(e => (string)e.Attribute("name")!)
            .Except(contract.Where(c => c.IsElement).Select(c => c.Name)).Except(HeaderAndFaults);
        var extraTypes = schema.Elements(Xsd + "complexType").Select(e => (string)e.Attribute("name")!)
            .Except(contract.Where(c => !c.IsElement).Select(c => c.Name));

        Assert.Empty(extraElements);
        Assert.Empty(extraTypes);
    }

    [Fact]
    public void The_contract_fixture_is_the_teams_types_txt_where_that_is_reachable()
    {
        // shared/ sits beside the checkout on developer machines and in CI; elsewhere the fixture stands alone.
        var original = new[] { Path.Combine(RepoPaths.Root, "..", "shared", "ipsapi", "types.txt"), "/work/shared/ipsapi/types.txt" }
            .FirstOrDefault(File.Exists);
        if (original is null)
        {
            return;
        }

        Assert.Equal(File.ReadAllText(original), File.ReadAllText(FixturePath));
    }

    private async Task<XDocument> ServedAsync() =>
        XDocument.Parse(await server.Http.GetStringAsync(new Uri(server.BaseAddress, "/scene7/webservice/IpsApi.wsdl")));

    private static ContractField Field(XElement element)
    {
        var max = (string?)element.Attribute("maxOccurs") ?? "1";
        return new ContractField(
            QName(element, "type"),
            (string)element.Attribute("name")!,
            int.Parse((string?)element.Attribute("minOccurs") ?? "1", System.Globalization.CultureInfo.InvariantCulture),
            max == "unbounded" ? null : int.Parse(max, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static XName QName(XElement element, string attribute)
    {
        var value = (string)element.Attribute(attribute)!;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var ns = colon < 0 ? element.GetDefaultNamespace() : element.GetNamespaceOfPrefix(value[..colon]);
        return (ns ?? throw new XmlException($"prefix of '{value}' is not declared")) + value[(colon + 1)..];
    }

    private static string? Parent(XElement element) => (string?)element.Parent?.Attribute("name");

    private static Dictionary<string, XElement> Unique(IEnumerable<XElement> declarations, string kind, List<string> problems)
    {
        var byName = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var declaration in declarations)
        {
            var name = (string?)declaration.Attribute("name");
            if (name is null)
            {
                problems.Add($"a {kind} has no name");
            }
            else if (!byName.TryAdd(name, declaration))
            {
                problems.Add($"{kind} {name} is declared twice");
            }
        }

        return byName;
    }
}
