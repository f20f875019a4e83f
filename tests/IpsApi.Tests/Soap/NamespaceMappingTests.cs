using System.Text;
using System.Xml.Linq;
using IpsApi.Server.Soap;
using static IpsApi.Tests.Soap.Envelopes;

namespace IpsApi.Tests.Soap;

/// <summary>Answers go back in the namespace of the request.</summary>
public sealed class NamespaceMappingTests
{
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    [Fact]
    public void Answer_elements_are_moved_into_the_dated_namespace()
    {
        var answer = Soap11Envelope($"<submitJobReturn xmlns=\"{Types}\"><jobHandle>47|My Test Job|</jobHandle></submitJobReturn>");

        var envelope = Mapped(answer, Dated);

        var body = BodyElement(envelope);
        Assert.Equal(XName.Get("submitJobReturn", Dated), body.Name);
        Assert.Equal("47|My Test Job|", body.Element(XName.Get("jobHandle", Dated))?.Value);
        Assert.Equal(Dated, body.GetDefaultNamespace().NamespaceName);
    }

    [Fact]
    public void Prefixed_declaration_on_the_envelope_is_moved_into_the_dated_namespace()
    {
        var answer = $"<soapenv:Envelope xmlns:soapenv=\"{Soap11}\" xmlns:ns1=\"{Types}\"><soapenv:Body>"
            + "<ns1:getActiveJobsReturn><ns1:jobArray><ns1:items><ns1:jobName>j</ns1:jobName></ns1:items></ns1:jobArray></ns1:getActiveJobsReturn>"
            + "</soapenv:Body></soapenv:Envelope>";

        var envelope = Mapped(answer, Dated);

        Assert.Equal(Dated, envelope.Root!.Attribute(XNamespace.Xmlns + "ns1")?.Value);
        Assert.All(BodyElement(envelope).DescendantsAndSelf(), e => Assert.Equal(Dated, e.Name.NamespaceName));
        Assert.Equal("j", envelope.Descendants(XName.Get("jobName", Dated)).Single().Value);
        Assert.DoesNotContain($"\"{Types}\"", Text(answer, Dated), StringComparison.Ordinal);
    }

    [Fact]
    public void Other_namespaces_are_left_alone()
    {
        var answer = $"<soapenv:Envelope xmlns:soapenv=\"{Soap11}\" xmlns:xsi=\"{Xsi}\"><soapenv:Body>"
            + $"<getScheduledJobsReturn xmlns=\"{Types}\"><jobArray xsi:nil=\"true\"/>"
            + $"<x:extra xmlns:x=\"urn:example:extra\" xmlns:old=\"{Types}/2013-02-15\">e</x:extra></getScheduledJobsReturn>"
            + "</soapenv:Body></soapenv:Envelope>";

        var envelope = Mapped(answer, Dated);

        Assert.Equal(XName.Get("Envelope", Soap11), envelope.Root!.Name);
        Assert.Equal(Xsi, envelope.Root.Attribute(XNamespace.Xmlns + "xsi")?.Value);
        Assert.Equal("true", envelope.Descendants(XName.Get("jobArray", Dated)).Single().Attribute(XName.Get("nil", Xsi))?.Value);
        var extra = envelope.Descendants(XName.Get("extra", "urn:example:extra")).Single();
        Assert.Equal("e", extra.Value);
        Assert.Equal(Types + "/2013-02-15", extra.Attribute(XNamespace.Xmlns + "old")?.Value);
    }

    [Fact]
    public void Fault_envelope_in_the_soap_namespace_only_is_unchanged()
    {
        var answer = Soap11Envelope("<soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>x</faultstring></soapenv:Fault>");

        Assert.True(XNode.DeepEquals(XDocument.Parse(answer), Mapped(answer, Dated)));
    }

    [Fact]
    public void Text_and_cdata_survive_the_mapping()
    {
        var answer = Soap11Envelope($"<getJobLogsReturn xmlns=\"{Types}\"><jobName>A &amp; B &lt;c&gt; \u00e9</jobName><note><![CDATA[<raw> & ]]></note></getJobLogsReturn>");

        var envelope = Mapped(answer, Dated);

        Assert.Equal("A & B <c> \u00e9", envelope.Descendants(XName.Get("jobName", Dated)).Single().Value);
        Assert.Equal("<raw> & ", envelope.Descendants(XName.Get("note", Dated)).Single().Value);
    }

    [Fact]
    public void Mapping_to_the_unversioned_namespace_changes_nothing_a_client_reads()
    {
        var answer = Soap11Envelope($"<submitJobReturn xmlns=\"{Types}\"><jobHandle>47|My Test Job|</jobHandle></submitJobReturn>");

        Assert.True(XNode.DeepEquals(XDocument.Parse(answer), Mapped(answer, Types)));
    }

    private static string Text(string answer, string target) =>
        Encoding.UTF8.GetString(NamespaceMapping.ToRequestNamespace(Encoding.UTF8.GetBytes(answer), target));

    private static XDocument Mapped(string answer, string target) => XDocument.Parse(Text(answer, target));
}
