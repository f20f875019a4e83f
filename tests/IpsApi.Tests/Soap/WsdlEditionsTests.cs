using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using IpsApi.Server.Soap.Wsdl;
using IpsApi.Wire;

namespace IpsApi.Tests.Soap;

/// <summary>
/// The WSDL editions made from wsdl/IpsApi.wsdl: the unversioned one as written, and one per dated API version with
/// its types in that version's namespace and without what the IPS change log says came later.
/// </summary>
public sealed class WsdlEditionsTests
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";
    private static readonly string Source = File.ReadAllText(WsdlDocument.DefaultPath);
    private static readonly WsdlEditions Editions = new(Source);

    public static TheoryData<string> Versions() => [.. WsdlEditions.DatedVersions];

    public static TheoryData<string> EveryEdition() => ["", .. WsdlEditions.DatedVersions];

    [Fact]
    public void The_unversioned_edition_is_the_file_byte_for_byte_less_its_version_marks()
    {
        // Written independently of the server's own stripping: every ver:since attribute and the declaration go.
        var expected = Regex.Replace(Source, @"\s+ver:since=""[^""]*""", "").Replace("\n    xmlns:ver=\"urn:ipsapi:wsdl:versions\"", "", StringComparison.Ordinal);

        Assert.Contains("ver:since=", Source, StringComparison.Ordinal);
        Assert.Equal(expected, Editions.Unversioned);
        Assert.DoesNotContain("urn:ipsapi", Editions.Unversioned, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void A_dated_edition_has_its_types_in_the_versions_namespace_and_the_fault_details_in_the_unversioned_one(string version)
    {
        var root = Parse(Editions.Dated(version)!);
        var dated = $"http://www.scene7.com/IpsApi/xsd/{version}";
        var schemas = root.Element(Wsdl + "types")!.Elements(Xsd + "schema").ToList();

        Assert.Equal([dated, IpsNamespaces.Types], schemas.Select(s => (string?)s.Attribute("targetNamespace")));
        Assert.Equal(["authenticationFault", "authorizationFault", "ipsApiFault"], schemas[1].Elements(Xsd + "element").Select(e => (string)e.Attribute("name")!));
        Assert.Contains(schemas[0].Elements(Xsd + "element"), e => (string?)e.Attribute("name") == "authHeader");
        Assert.Contains(schemas[0].Elements(Xsd + "element"), e => (string?)e.Attribute("name") == "submitJobParam");
        foreach (var message in root.Elements(Wsdl + "message"))
        {
            var element = QName(message.Element(Wsdl + "part")!, "element");
            var fault = ((string)message.Attribute("name")!).EndsWith("Fault", StringComparison.Ordinal);
            Assert.Equal(fault ? IpsNamespaces.Types : dated, element.NamespaceName);
        }

        Assert.DoesNotContain("urn:ipsapi", Editions.Dated(version), StringComparison.Ordinal);
        Assert.Contains(WsdlDocument.AddressPlaceholder, Editions.Dated(version), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryEdition))]
    public void Every_name_an_edition_refers_to_is_declared(string version)
    {
        var root = Parse(Edition(version));
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schema in root.Element(Wsdl + "types")!.Elements(Xsd + "schema"))
        {
            var ns = (string)schema.Attribute("targetNamespace")!;
            declared.UnionWith(schema.Elements().Select(c => $"{ns} {c.Name.LocalName}:{(string?)c.Attribute("name")}"));
        }

        declared.UnionWith(root.Elements(Wsdl + "message").Select(m => $"{IpsNamespaces.Wsdl} message:{(string?)m.Attribute("name")}"));
        var problems = new List<string>();
        foreach (var use in root.Descendants())
        {
            Check(use, "type", "complexType");
            Check(use, "element", "element");
            Check(use, "message", "message");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));

        void Check(XElement use, string attribute, string kind)
        {
            if (use.Attribute(attribute) is null || use.Name == Wsdl + "binding")
            {
                return;
            }

            var name = QName(use, attribute);
            if (name.Namespace == Xsd)
            {
                return;
            }

            var found = declared.Contains($"{name.NamespaceName} {kind}:{name.LocalName}")
                || (kind == "complexType" && declared.Contains($"{name.NamespaceName} simpleType:{name.LocalName}"));
            if (!found)
            {
                problems.Add($"{use.Name.LocalName} '{(string?)use.Attribute("name")}': {attribute} {name} is not declared");
            }
        }
    }

    [Theory]
    [MemberData(nameof(EveryEdition))]
    public void The_schemas_of_every_edition_compile_without_errors_or_warnings(string version)
    {
        var root = Parse(Edition(version));
        var messages = new List<string>();
        var set = new XmlSchemaSet();
        set.ValidationEventHandler += (_, e) => messages.Add($"{e.Severity}: {e.Message}");
        foreach (var declared in root.Element(Wsdl + "types")!.Elements(Xsd + "schema"))
        {
            var schema = new XElement(declared);
            foreach (var declaration in root.Attributes().Where(a => a.IsNamespaceDeclaration && schema.Attribute(a.Name) is null))
            {
                schema.Add(new XAttribute(declaration.Name, declaration.Value));
            }

            using var reader = schema.CreateReader();
            set.Add(XmlSchema.Read(reader, (_, e) => messages.Add($"{e.Severity}: {e.Message}"))!);
        }

        set.Compile();

        Assert.True(messages.Count == 0, string.Join("\n", messages));
    }

    [Fact]
    public void The_2014_and_2013_editions_lack_nothing_of_the_newest_shape()
    {
        foreach (var version in new[] { "2014-04-03", "2013-02-15" })
        {
            Assert.Equal(Shape(Editions.Unversioned), Shape(Editions.Dated(version)!));
        }
    }

    [Theory]
    // 6.0 (2012-02-14): exportJob and its type, contextHandle on the rendering and video publish jobs, TaskProgress taskState.
    [InlineData("2012-02-14", "submitJobParam", "exportJob", true)]
    [InlineData("2010-01-31", "submitJobParam", "exportJob", false)]
    [InlineData("2010-01-31", "ActiveJob", "exportJob", false)]
    [InlineData("2010-01-31", "ScheduledJob", "exportJob", false)]
    [InlineData("2012-02-14", "ImageRenderingPublishJob", "contextHandle", true)]
    [InlineData("2010-01-31", "ImageRenderingPublishJob", "contextHandle", false)]
    [InlineData("2010-01-31", "VideoPublishJob", "contextHandle", false)]
    [InlineData("2010-01-31", "TaskProgress", "taskState", false)]
    [InlineData("2008-01-15", "ImageServingPublishJob", "contextHandle", true)]
    // 4.5 (2010-01-31): numUrls, the aux arrays, PhotoshopOptions.
    [InlineData("2010-01-31", "UploadUrlsJob", "numUrls", true)]
    [InlineData("2009-07-31", "UploadUrlsJob", "numUrls", false)]
    [InlineData("2009-07-31", "JobLogDetail", "auxArray", false)]
    [InlineData("2009-07-31", "UploadDirectoryJob", "photoshopOptions", false)]
    // 4.4 (2009-07-31): JobLog transfer counts, AutoSetCreationOptions (and the job that needs it).
    [InlineData("2009-07-31", "JobLog", "transferSuccessCount", true)]
    [InlineData("2008-09-10", "JobLog", "transferSuccessCount", false)]
    [InlineData("2008-09-10", "JobLog", "transferWarningCount", false)]
    [InlineData("2008-09-10", "UploadUrlsJob", "autoSetCreationOptions", false)]
    [InlineData("2008-09-10", "submitJobParam", "automatedSetGenerationJob", false)]
    // 4.2 (2008-09-10): preservePublishState and preserveCrop of the upload and reprocess jobs.
    [InlineData("2008-09-10", "ReprocessAssetsJob", "preserveCrop", true)]
    [InlineData("2008-01-15", "ReprocessAssetsJob", "preserveCrop", false)]
    [InlineData("2008-01-15", "UploadDirectoryJob", "preservePublishState", false)]
    [InlineData("2008-01-15", "submitJobParam", "jobName", true)]
    // 6.0 renamed User role to defaultRole and Folder permissions to permissionSetHandle: older versions lack the new names.
    [InlineData("2012-02-14", "User", "defaultRole", true)]
    [InlineData("2010-01-31", "User", "defaultRole", false)]
    [InlineData("2010-01-31", "Folder", "permissionSetHandle", false)]
    public void A_dated_edition_has_a_field_exactly_when_its_version_does(string version, string container, string field, bool present)
    {
        var shape = Shape(Editions.Dated(version)!);

        Assert.Equal(present, shape[container].Contains(field));
    }

    [Theory]
    [InlineData("2012-02-14", "ExportJob", true)]
    [InlineData("2010-01-31", "ExportJob", false)]
    [InlineData("2009-07-31", "JobLogDetailAux", false)]
    [InlineData("2009-07-31", "PhotoshopOptions", false)]
    [InlineData("2009-07-31", "PhotoshopLayerOptions", false)]
    [InlineData("2008-09-10", "AutoSetCreationOptions", false)]
    [InlineData("2008-09-10", "AutomatedSetGenerationJob", false)]
    [InlineData("2008-01-15", "UploadPostJob", true)]
    public void A_type_only_newer_parts_used_leaves_with_them(string version, string type, bool present)
    {
        Assert.Equal(present, Shape(Editions.Dated(version)!).ContainsKey(type));
    }

    [Theory]
    [InlineData("2012-02-14", true)]
    [InlineData("2010-01-31", false)]
    [InlineData("2008-01-15", false)]
    public void MoveFolder_came_with_6_0(string version, bool present)
    {
        var root = Parse(Editions.Dated(version)!);

        Assert.Equal(present, Operations(root).Contains("moveFolder"));
        Assert.Equal(present, Shape(Editions.Dated(version)!).ContainsKey("moveFolderParam"));
        Assert.Contains("getFolders", Operations(root));
    }

    [Fact]
    public void An_operation_marked_newer_leaves_its_port_type_bindings_messages_and_what_only_it_used()
    {
        var editions = new WsdlEditions(Synthetic("""<wsdl:operation name="moveFolder" ver:since="2012-02-14">"""));

        var old = Parse(editions.Dated("2010-01-31")!);
        var current = Parse(editions.Dated("2012-02-14")!);

        Assert.Equal(["getFolders"], Operations(old));
        Assert.Equal(["getFolders", "moveFolder"], Operations(current));
        Assert.Equal(["getFoldersRequest", "getFoldersResponse", "Fault"], old.Elements(Wsdl + "message").Select(m => (string)m.Attribute("name")!));
        var oldSchema = Shape(old.ToString());
        Assert.False(oldSchema.ContainsKey("moveFolderParam"));
        Assert.False(oldSchema.ContainsKey("MoveOptions"));
        Assert.True(oldSchema.ContainsKey("Folder"));
        Assert.True(oldSchema.ContainsKey("Unused"));
    }

    [Fact]
    public void The_unversioned_edition_keeps_an_operation_marked_newer()
    {
        var editions = new WsdlEditions(Synthetic("""<wsdl:operation name="moveFolder" ver:since="2012-02-14">"""));

        Assert.Equal(["getFolders", "moveFolder"], Operations(Parse(editions.Unversioned)));
    }

    [Theory]
    [InlineData("""<wsdl:operation name="moveFolder" ver:since="2011-01-01">""", "'2011-01-01'")]
    [InlineData("""<wsdl:operation name="moveFolder" ver:since="2017-10-29-beta">""", "'2017-10-29-beta'")]
    [InlineData("""<wsdl:operation name="moveFolder" ver:until="2012-02-14">""", "ver:since")]
    public void A_mark_that_names_no_served_version_stops_the_server_with_what_is_wrong(string operation, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new WsdlEditions(Synthetic(operation)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mark_on_a_binding_operation_is_refused_it_belongs_on_the_port_types()
    {
        var source = Synthetic("""<wsdl:operation name="moveFolder">""")
            .Replace("""<wsdl:operation name="moveFolder"><soap:operation""", """<wsdl:operation name="moveFolder" ver:since="2012-02-14"><soap:operation""", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidOperationException>(() => new WsdlEditions(source));

        Assert.Contains("portType operations", error.Message, StringComparison.Ordinal);
    }

    private static string Edition(string version) => version.Length == 0 ? Editions.Unversioned : Editions.Dated(version)!;

    private static XElement Parse(string text) => XDocument.Parse(text).Root!;

    private static List<string> Operations(XElement root) =>
        root.Element(Wsdl + "portType")!.Elements(Wsdl + "operation").Select(o => (string)o.Attribute("name")!).Concat(
            root.Elements(Wsdl + "binding").Elements(Wsdl + "operation").Select(o => (string)o.Attribute("name")!)).Distinct().ToList();

    /// <summary>Each global element and type, with the names of its fields.</summary>
    private static Dictionary<string, HashSet<string>> Shape(string text) =>
        Parse(text).Element(Wsdl + "types")!.Elements(Xsd + "schema").Elements()
            .ToDictionary(c => (string)c.Attribute("name")!, c => c.Descendants(Xsd + "element").Select(e => (string)e.Attribute("name")!).ToHashSet());

    private static XName QName(XElement element, string attribute)
    {
        var value = (string)element.Attribute(attribute)!;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var ns = colon < 0 ? element.GetDefaultNamespace() : element.GetNamespaceOfPrefix(value[..colon]);
        return (ns ?? throw new XmlException($"prefix of '{value}' is not declared")) + value[(colon + 1)..];
    }

    /// <summary>A two-operation WSDL (getFolders, moveFolder) whose moveFolder portType operation is <paramref name="moveFolder"/>.</summary>
    private static string Synthetic(string moveFolder) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <wsdl:definitions name="IpsApi" targetNamespace="http://www.scene7.com/IpsApi" xmlns:tns="http://www.scene7.com/IpsApi"
            xmlns:ips="http://www.scene7.com/IpsApi/xsd" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
            xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xsd="http://www.w3.org/2001/XMLSchema"
            xmlns:ver="urn:ipsapi:wsdl:versions">
          <wsdl:types>
            <xsd:schema targetNamespace="http://www.scene7.com/IpsApi/xsd" elementFormDefault="qualified">
              <xsd:element name="ipsApiFault"><xsd:complexType><xsd:sequence><xsd:element name="code" type="xsd:int"/></xsd:sequence></xsd:complexType></xsd:element>
              <xsd:complexType name="Folder"><xsd:sequence><xsd:element name="path" type="xsd:string"/></xsd:sequence></xsd:complexType>
              <xsd:complexType name="MoveOptions"><xsd:sequence><xsd:element name="overwrite" type="xsd:boolean"/></xsd:sequence></xsd:complexType>
              <xsd:complexType name="Unused"><xsd:sequence/></xsd:complexType>
              <xsd:element name="getFoldersParam"><xsd:complexType><xsd:sequence><xsd:element name="folder" type="ips:Folder"/></xsd:sequence></xsd:complexType></xsd:element>
              <xsd:element name="getFoldersReturn"><xsd:complexType><xsd:sequence/></xsd:complexType></xsd:element>
              <xsd:element name="moveFolderParam"><xsd:complexType><xsd:sequence><xsd:element name="folder" type="ips:Folder"/><xsd:element name="options" type="ips:MoveOptions"/></xsd:sequence></xsd:complexType></xsd:element>
              <xsd:element name="moveFolderReturn"><xsd:complexType><xsd:sequence/></xsd:complexType></xsd:element>
            </xsd:schema>
          </wsdl:types>
          <wsdl:message name="getFoldersRequest"><wsdl:part name="parameters" element="ips:getFoldersParam"/></wsdl:message>
          <wsdl:message name="getFoldersResponse"><wsdl:part name="parameters" element="ips:getFoldersReturn"/></wsdl:message>
          <wsdl:message name="moveFolderRequest"><wsdl:part name="parameters" element="ips:moveFolderParam"/></wsdl:message>
          <wsdl:message name="moveFolderResponse"><wsdl:part name="parameters" element="ips:moveFolderReturn"/></wsdl:message>
          <wsdl:message name="Fault"><wsdl:part name="fault" element="ips:ipsApiFault"/></wsdl:message>
          <wsdl:portType name="IpsApiPortType">
            <wsdl:operation name="getFolders"><wsdl:input message="tns:getFoldersRequest"/><wsdl:output message="tns:getFoldersResponse"/><wsdl:fault name="ipsApiFault" message="tns:Fault"/></wsdl:operation>
            {moveFolder}<wsdl:input message="tns:moveFolderRequest"/><wsdl:output message="tns:moveFolderResponse"/><wsdl:fault name="ipsApiFault" message="tns:Fault"/></wsdl:operation>
          </wsdl:portType>
          <wsdl:binding name="IpsApiSoapBinding" type="tns:IpsApiPortType">
            <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
            <wsdl:operation name="getFolders"><soap:operation soapAction="getFolders"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
            <wsdl:operation name="moveFolder"><soap:operation soapAction="moveFolder"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
          </wsdl:binding>
          <wsdl:service name="IpsApiService"><wsdl:port name="IpsApiSoapPort" binding="tns:IpsApiSoapBinding"><soap:address location="{WsdlDocument.AddressPlaceholder}"/></wsdl:port></wsdl:service>
        </wsdl:definitions>
        """;
}
