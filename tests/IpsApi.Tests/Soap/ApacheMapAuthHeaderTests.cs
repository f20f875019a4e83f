using System.Xml.Linq;
using static IpsApi.Tests.Soap.Envelopes;

namespace IpsApi.Tests.Soap;

/// <summary>
/// PHP's SoapClient sends <c>new SoapHeader($ns, 'authHeader', ['user' =&gt; ..., 'password' =&gt; ...])</c> as an
/// Apache SOAP map when the WSDL does not declare the header in that namespace (a dated WSDL, the header in the
/// unversioned namespace as the IPS documentation writes it): the same credentials as the plain fields.
/// </summary>
public sealed class ApacheMapAuthHeaderTests
{
    /// <summary>What PHP 8.2's SoapClient wrote for that header, the body from the 2014-04-03 WSDL (literal style).</summary>
    public const string PhpLiteral =
        """<?xml version="1.0" encoding="UTF-8"?>"""
        + "\n"
        + """<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="http://www.scene7.com/IpsApi/xsd/2014-04-03" xmlns:ns2="http://www.scene7.com/IpsApi/xsd">"""
        + """<SOAP-ENV:Header><ns2:authHeader><item><key>user</key><value>u@x.example</value></item><item><key>password</key><value>p&amp;w&lt;</value></item>"""
        + """<item><key>gzipResponse</key><value>false</value></item><item><key>faultHttpStatusCode</key><value>200</value></item></ns2:authHeader></SOAP-ENV:Header>"""
        + """<SOAP-ENV:Body><ns1:getActiveJobsParam><ns1:companyHandle>47</ns1:companyHandle></ns1:getActiveJobsParam></SOAP-ENV:Body></SOAP-ENV:Envelope>""";

    /// <summary>The encoded style: the map typed ns2:Map, its keys and values xsi-typed, as PHP writes an array in an encoded call.</summary>
    public const string PhpEncoded =
        """<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="http://www.scene7.com/IpsApi/xsd" """
        + """xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:ns2="http://xml.apache.org/xml-soap" """
        + """xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">"""
        + """<SOAP-ENV:Header><ns1:authHeader xsi:type="ns2:Map">"""
        + """<item><key xsi:type="xsd:string">user</key><value xsi:type="xsd:string">u@x.example</value></item>"""
        + """<item><key xsi:type="xsd:string">password</key><value xsi:type="xsd:string">secret</value></item>"""
        + """<item><key xsi:type="xsd:string">gzipResponse</key><value xsi:type="xsd:boolean">true</value></item>"""
        + """<item><key xsi:type="xsd:string">faultHttpStatusCode</key><value xsi:type="xsd:int">200</value></item>"""
        + """</ns1:authHeader></SOAP-ENV:Header>"""
        + """<SOAP-ENV:Body><ns1:getActiveJobsParam><ns1:companyHandle>47</ns1:companyHandle></ns1:getActiveJobsParam></SOAP-ENV:Body></SOAP-ENV:Envelope>""";

    [Fact]
    public void The_literal_map_PHP_writes_is_read_as_the_same_credentials_and_settings()
    {
        var request = Read(PhpLiteral);

        Assert.Equal("getActiveJobs", request.Operation);
        Assert.Equal(Dated, request.BodyNamespace);
        Assert.Equal("u@x.example", request.Auth.User);
        Assert.Equal("p&w<", request.Auth.Password);
        Assert.False(request.Auth.GzipResponse);
        Assert.Equal(200, request.Auth.FaultHttpStatusCode);
    }

    [Fact]
    public void The_encoded_map_with_xsi_types_is_read_the_same_way()
    {
        var request = Read(PhpEncoded);

        Assert.Equal("u@x.example", request.Auth.User);
        Assert.Equal("secret", request.Auth.Password);
        Assert.True(request.Auth.GzipResponse);
        Assert.Equal(200, request.Auth.FaultHttpStatusCode);
    }

    [Theory]
    [InlineData(PhpLiteral)]
    [InlineData(PhpEncoded)]
    public void The_canonical_envelope_carries_the_map_as_plain_fields_and_no_map_type(string envelope)
    {
        var header = Canonical(Read(envelope)).Root!.Elements().Single(e => e.Name.LocalName == "Header").Elements().Single();

        Assert.Equal(XName.Get("authHeader", Types), header.Name);
        Assert.DoesNotContain(header.Attributes(), a => a.Name.LocalName == "type");
        Assert.Equal(["user", "password", "gzipResponse", "faultHttpStatusCode"], header.Elements().Select(e => e.Name.LocalName));
        Assert.All(header.Elements(), e => Assert.Equal(Types, e.Name.NamespaceName));
        Assert.Equal("u@x.example", (string?)header.Element(XName.Get("user", Types)));
    }

    [Fact]
    public void Items_without_a_key_or_with_a_nil_value_are_left_out_and_fields_beside_the_map_still_count()
    {
        var request = Read(WithHeader(
            $"<authHeader xmlns=\"{Types}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<appName>php</appName>"
            + "<item xmlns=\"\"><key>user</key><value> u@x.example </value></item>"
            + "<item xmlns=\"\"><key>password</key><value xsi:nil=\"true\"/></item>"
            + "<item xmlns=\"\"><value>orphan</value></item>"
            + "<item xmlns=\"\"/>"
            + "<item xmlns=\"\"><key>locale</key><value><![CDATA[de-DE]]></value></item>"
            + "</authHeader>"));

        Assert.Equal("php", request.Auth.AppName);
        Assert.Equal(" u@x.example ", request.Auth.User);
        Assert.Null(request.Auth.Password);
        Assert.Equal("de-DE", request.Auth.Locale);
    }

    [Fact]
    public void A_map_in_a_dated_namespace_header_is_read_too()
    {
        var request = Read(WithHeader(
            $"<a:authHeader xmlns:a=\"{Dated}\"><item><key>user</key><value>u@x.example</value></item><item><key>password</key><value>secret</value></item></a:authHeader>"));

        Assert.Equal(("u@x.example", "secret"), (request.Auth.User, request.Auth.Password));
    }

    [Fact]
    public void A_map_whose_boolean_is_not_one_is_refused_like_the_field()
    {
        var fault = Assert.Throws<IpsApi.Server.Soap.IpsFaultException>(() => Read(WithHeader(
            $"<authHeader xmlns=\"{Types}\"><item><key>gzipResponse</key><value>maybe</value></item></authHeader>")));

        Assert.Equal(30001, fault.Code);
    }

    [Fact]
    public void Map_items_count_towards_the_nesting_limit()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 70)) + string.Concat(Enumerable.Repeat("</x>", 70));

        RejectedAsInvalidXml(System.Text.Encoding.UTF8.GetBytes(WithHeader(
            $"<authHeader xmlns=\"{Types}\"><item><key>user</key><value>{deep}</value></item></authHeader>")));
    }
}
