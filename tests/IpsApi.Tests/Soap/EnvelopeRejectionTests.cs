using System.Text;
using IpsApi.Server.Soap;
using static IpsApi.Tests.Soap.Envelopes;

namespace IpsApi.Tests.Soap;

/// <summary>Envelopes the gateway refuses before dispatch: ipsApiFault 30003, invalid request XML.</summary>
public sealed class EnvelopeRejectionTests
{
    private static readonly string GetActiveJobs = $"<getActiveJobsParam xmlns=\"{Types}\"/>";

    [Fact]
    public void Doctype_is_30003()
    {
        var xml = "<!DOCTYPE soapenv:Envelope [<!ENTITY name \"job\">]>" + Soap11Envelope($"<submitJobParam xmlns=\"{Types}\"><jobName>&name;</jobName></submitJobParam>");

        RejectedAsInvalidXml(xml);
    }

    [Fact]
    public void External_entity_is_30003_and_the_file_is_not_read()
    {
        var xml = "<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + Soap11Envelope($"<submitJobParam xmlns=\"{Types}\"><jobName>&xxe;</jobName></submitJobParam>");

        var fault = RejectedAsInvalidXml(xml);

        Assert.DoesNotContain("root:", fault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Undeclared_entity_is_30003()
    {
        RejectedAsInvalidXml(Soap11Envelope($"<submitJobParam xmlns=\"{Types}\"><jobName>&xxe;</jobName></submitJobParam>"));
    }

    [Fact]
    public void Nesting_down_to_maxDepth_is_accepted()
    {
        // Envelope is depth 0, Body 1, the operation element 2: eight levels below it reach depth 10.
        var request = Read(Nested(levelsBelowOperation: 8), maxDepth: 10);

        Assert.Equal("submitJob", request.Operation);
    }

    [Fact]
    public void Nesting_deeper_than_maxDepth_is_30003()
    {
        var fault = RejectedAsInvalidXml(Nested(levelsBelowOperation: 9), maxDepth: 10);

        Assert.Contains("10", fault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_without_exhausting_the_stack()
    {
        RejectedAsInvalidXml(Nested(levelsBelowOperation: 100_000));
    }

    [Fact]
    public void Two_elements_in_the_body_are_30003()
    {
        RejectedAsInvalidXml(Soap11Envelope(GetActiveJobs + $"<getJobLogsParam xmlns=\"{Types}\"/>"));
    }

    [Theory]
    [InlineData("<soapenv:Body/>")]
    [InlineData("<soapenv:Body></soapenv:Body>")]
    [InlineData("<soapenv:Body>\n  </soapenv:Body>")]
    [InlineData("<soapenv:Body><!-- submitJobParam --></soapenv:Body>")]
    [InlineData("")]
    public void Envelope_without_an_operation_element_is_30003(string body)
    {
        RejectedAsInvalidXml($"<soapenv:Envelope xmlns:soapenv=\"{Soap11}\">{body}</soapenv:Envelope>");
    }

    [Theory]
    [InlineData("getWidgetsParam")]
    [InlineData("fooParam")]
    [InlineData("Param")]
    [InlineData("SubmitJobParam")]
    [InlineData("submitJobReturn")]
    [InlineData("submitJobParamParam")]
    public void Unknown_operation_element_is_30003(string element)
    {
        var fault = RejectedAsInvalidXml(Soap11Envelope($"<{element} xmlns=\"{Types}\"/>"));

        Assert.Contains(element, fault.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("saveZoomTarget")]
    [InlineData("getPropertySets")]
    [InlineData("addMediaPortalEvent")]
    public void An_IPS_operation_this_server_does_not_implement_is_a_fault_that_names_it(string operation)
    {
        var fault = Assert.Throws<IpsFaultException>(() => EnvelopeReader.Read(Encoding.UTF8.GetBytes(Soap11Envelope($"<{operation}Param xmlns=\"{Types}\"/>")), MaxDepth));

        Assert.Equal(30000, fault.Code);
        Assert.Equal($"Operation {operation} is part of the IPS API but is not supported by this server", fault.Reason);
    }

    [Fact]
    public void Operation_element_without_the_Param_suffix_is_30003()
    {
        RejectedAsInvalidXml(Soap11Envelope($"<submitJob xmlns=\"{Types}\"/>"));
    }

    [Theory]
    [InlineData("http://example.com/other")]
    [InlineData("http://www.scene7.com/IpsApi")]
    [InlineData("http://www.scene7.com/IpsApi/xsd/a/b")]
    [InlineData("http://www.scene7.com/IpsApi/xsdX")]
    [InlineData("")]
    public void Operation_element_in_a_foreign_namespace_is_30003(string ns)
    {
        RejectedAsInvalidXml(Soap11Envelope($"<submitJobParam xmlns=\"{ns}\"/>"));
    }

    [Theory]
    [InlineData("<Envelope xmlns=\"urn:other\"><Body/></Envelope>")]
    [InlineData("<Envelope><Body/></Envelope>")]
    [InlineData("<soapenv:Body xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"/>")]
    [InlineData("<submitJobParam xmlns=\"http://www.scene7.com/IpsApi/xsd\"/>")]
    [InlineData("<soapenv:envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"/>")]
    public void Root_that_is_not_a_soap_envelope_is_30003(string xml)
    {
        RejectedAsInvalidXml(xml);
    }

    [Fact]
    public void Text_directly_inside_the_envelope_is_30003()
    {
        RejectedAsInvalidXml($"<soapenv:Envelope xmlns:soapenv=\"{Soap11}\">hello<soapenv:Body>{GetActiveJobs}</soapenv:Body></soapenv:Envelope>");
    }

    [Fact]
    public void Text_directly_inside_the_body_is_30003()
    {
        RejectedAsInvalidXml(Soap11Envelope("hello" + GetActiveJobs));
    }

    [Theory]
    [InlineData("Fault")]
    [InlineData("Bodies")]
    public void Other_element_in_the_envelope_is_30003(string name)
    {
        RejectedAsInvalidXml($"<soapenv:Envelope xmlns:soapenv=\"{Soap11}\"><soapenv:{name}/><soapenv:Body>{GetActiveJobs}</soapenv:Body></soapenv:Envelope>");
    }

    [Fact]
    public void Body_of_the_other_soap_version_is_30003()
    {
        RejectedAsInvalidXml($"<soapenv:Envelope xmlns:soapenv=\"{Soap11}\"><s:Body xmlns:s=\"{Soap12}\">{GetActiveJobs}</s:Body></soapenv:Envelope>");
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void Invalid_utf8_bytes_are_30003(byte[] bad)
    {
        var xml = Encoding.UTF8.GetBytes(Soap11Envelope($"<submitJobParam xmlns=\"{Types}\"><jobName>a~b</jobName></submitJobParam>"));
        var at = Array.IndexOf(xml, (byte)'~');
        var spoiled = xml[..at].Concat(bad).Concat(xml[(at + 1)..]).ToArray();

        RejectedAsInvalidXml(spoiled);
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>")]
    [InlineData("<soapenv:Envelope><soapenv:Body/></soapenv:Envelope>")]
    public void Malformed_xml_is_30003(string xml)
    {
        RejectedAsInvalidXml(xml);
    }

    [Fact]
    public void Control_character_reference_is_30003()
    {
        RejectedAsInvalidXml(Soap11Envelope($"<submitJobParam xmlns=\"{Types}\"><jobName>a&#1;b</jobName></submitJobParam>"));
    }

    private static string Nested(int levelsBelowOperation)
    {
        var builder = new StringBuilder();
        builder.Append($"<soapenv:Envelope xmlns:soapenv=\"{Soap11}\"><soapenv:Body><submitJobParam xmlns=\"{Types}\">");
        for (var i = 1; i < levelsBelowOperation; i++)
        {
            builder.Append("<a>");
        }

        builder.Append("<a/>");
        for (var i = 1; i < levelsBelowOperation; i++)
        {
            builder.Append("</a>");
        }

        builder.Append("</submitJobParam></soapenv:Body></soapenv:Envelope>");
        return builder.ToString();
    }
}
