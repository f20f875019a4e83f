using System.Text;
using System.Xml.Linq;
using IpsApi.Server.Soap;
using static IpsApi.Tests.Soap.Envelopes;

namespace IpsApi.Tests.Soap;

/// <summary>What the gateway reads from an envelope: version, operation, body namespace, canonical copy.</summary>
public sealed class EnvelopeReaderTests
{
    [Fact]
    public void Seed_example_is_a_soap11_submitJob_in_the_unversioned_namespace()
    {
        var request = Read(Example("seed-submitJob.request.xml"));

        Assert.Same(SoapVersion.Soap11, request.Version);
        Assert.Equal("submitJob", request.Operation);
        Assert.Equal(Types, request.BodyNamespace);
        Assert.Equal("user@example.com", request.Auth.User);
        Assert.Equal("secret", request.Auth.Password);
        Assert.Equal("MyApp", request.Auth.AppName);
        Assert.Equal("1.0", request.Auth.AppVersion);
    }

    [Fact]
    public void Soap12_example_is_a_getActiveJobs_in_the_dated_namespace()
    {
        var request = Read(Example("soap12-getActiveJobs.request.xml"));

        Assert.Same(SoapVersion.Soap12, request.Version);
        Assert.Equal("getActiveJobs", request.Operation);
        Assert.Equal(Dated, request.BodyNamespace);
        Assert.Equal("user@example.com", request.Auth.User);
        Assert.Equal("secret", request.Auth.Password);
    }

    [Theory]
    [InlineData(Soap11)]
    [InlineData(Soap12)]
    public void Both_soap_versions_are_recognised_by_their_envelope_namespace(string envelopeNamespace)
    {
        var xml = $"<e:Envelope xmlns:e=\"{envelopeNamespace}\"><e:Body><getJobLogsParam xmlns=\"{Types}\"/></e:Body></e:Envelope>";

        var request = Read(xml);

        Assert.Equal(envelopeNamespace, request.Version.EnvelopeNamespace);
        Assert.Equal("getJobLogs", request.Operation);
    }

    [Theory]
    [InlineData("submitJob")]
    [InlineData("getActiveJobs")]
    [InlineData("getScheduledJobs")]
    [InlineData("getJobLogs")]
    [InlineData("getJobLogDetails")]
    [InlineData("getAssetJobLogs")]
    [InlineData("stopJob")]
    [InlineData("pauseJob")]
    [InlineData("resumeJob")]
    [InlineData("executeJob")]
    [InlineData("deleteJob")]
    public void Operation_is_the_body_element_name_without_Param(string operation)
    {
        var request = Read(Soap11Envelope($"<{operation}Param xmlns=\"{Types}\"><companyHandle>47</companyHandle></{operation}Param>"));

        Assert.Equal(operation, request.Operation);
    }

    [Theory]
    [InlineData("http://www.scene7.com/IpsApi/xsd")]
    [InlineData("http://www.scene7.com/IpsApi/xsd/2014-04-03")]
    [InlineData("http://www.scene7.com/IpsApi/xsd/2017-10-29-beta")]
    public void Body_namespace_is_remembered_for_the_answer(string bodyNamespace)
    {
        var request = Read(Soap11Envelope($"<ns0:submitJobParam xmlns:ns0=\"{bodyNamespace}\"><ns0:jobName>j</ns0:jobName></ns0:submitJobParam>"));

        Assert.Equal("submitJob", request.Operation);
        Assert.Equal(bodyNamespace, request.BodyNamespace);
    }

    [Fact]
    public void Dated_namespace_body_is_mapped_to_the_unversioned_one()
    {
        var request = Read(Example("dated-namespace-submitJob.request.xml"));

        var envelope = Canonical(request);
        var body = BodyElement(envelope);
        Assert.Equal(XName.Get("submitJobParam", Types), body.Name);
        Assert.Equal("47", body.Element(XName.Get("companyHandle", Types))?.Value);
        Assert.Equal("Nightly publish", body.Element(XName.Get("jobName", Types))?.Value);
        Assert.Equal("Incremental", body.Descendants(XName.Get("publishType", Types)).Single().Value);
        AssertNoDatedNamespaceLeft(request);
        Assert.Equal(Dated, request.BodyNamespace);
    }

    [Fact]
    public void Dated_prefix_declared_on_the_envelope_is_mapped_to_the_unversioned_one()
    {
        var request = Read(Example("uploadUrls-submitJob.request.xml"));

        var envelope = Canonical(request);
        Assert.Equal(Types, envelope.Root!.GetNamespaceOfPrefix("xsd")?.NamespaceName);
        var body = BodyElement(envelope);
        Assert.Equal(XName.Get("submitJobParam", Types), body.Name);
        Assert.Equal("spring-catalog", body.Element(XName.Get("jobName", Types))?.Value);
        Assert.Equal(
            ["http://127.0.0.1:8081/img/shoe-red.jpg", "http://127.0.0.1:8081/img/shoe-blue.tif"],
            body.Descendants(XName.Get("sourceUrl", Types)).Select(e => e.Value));
        Assert.All(body.DescendantsAndSelf(), e => Assert.Equal(Types, e.Name.NamespaceName));
        AssertNoDatedNamespaceLeft(request);
        Assert.Equal(Types + "/2013-02-15", request.BodyNamespace);
    }

    [Fact]
    public void Soap12_dated_body_is_mapped_to_the_unversioned_one()
    {
        var request = Read(Example("soap12-getActiveJobs.request.xml"));

        var body = BodyElement(Canonical(request));
        Assert.Equal(XName.Get("getActiveJobsParam", Types), body.Name);
        Assert.Equal("true", body.Element(XName.Get("includeWaitingJobs", Types))?.Value);
        AssertNoDatedNamespaceLeft(request);
    }

    [Fact]
    public void Other_namespaces_in_the_envelope_are_left_alone()
    {
        var xml = Soap11Envelope(
            $"<ns0:submitJobParam xmlns:ns0=\"{Dated}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<ns0:description xsi:nil=\"true\"/><ns0:jobName>j</ns0:jobName></ns0:submitJobParam>",
            "<t:trace xmlns:t=\"urn:example:trace\">abc</t:trace>");

        var envelope = Canonical(Read(xml));

        Assert.Equal(XName.Get("Envelope", Soap11), envelope.Root!.Name);
        Assert.Equal("abc", envelope.Descendants(XName.Get("trace", "urn:example:trace")).Single().Value);
        var description = envelope.Descendants(XName.Get("description", Types)).Single();
        Assert.Equal("true", description.Attribute(XName.Get("nil", "http://www.w3.org/2001/XMLSchema-instance"))?.Value);
    }

    [Fact]
    public void Canonical_envelope_keeps_text_that_needs_escaping()
    {
        var xml = Soap11Envelope($"<submitJobParam xmlns=\"{Dated}\"><jobName>A &amp; B &lt;c&gt; &#x263A;</jobName></submitJobParam>");

        var body = BodyElement(Canonical(Read(xml)));

        Assert.Equal("A & B <c> \u263A", body.Element(XName.Get("jobName", Types))?.Value);
    }

    [Fact]
    public void AuthHeader_is_read_in_the_unversioned_namespace()
    {
        var auth = Read(WithHeader($"<authHeader xmlns=\"{Types}\"><user>u@example.com</user><password>pw</password></authHeader>")).Auth;

        Assert.Equal("u@example.com", auth.User);
        Assert.Equal("pw", auth.Password);
    }

    [Fact]
    public void AuthHeader_is_read_in_the_dated_namespace()
    {
        var auth = Read(WithHeader($"<ns0:authHeader xmlns:ns0=\"{Dated}\"><ns0:user>u@example.com</ns0:user><ns0:password>pw</ns0:password></ns0:authHeader>")).Auth;

        Assert.Equal("u@example.com", auth.User);
        Assert.Equal("pw", auth.Password);
    }

    [Fact]
    public void AuthHeader_children_are_read_in_any_order()
    {
        var header = $"<authHeader xmlns=\"{Types}\">"
            + "<faultHttpStatusCode>200</faultHttpStatusCode><appVersion>2.3</appVersion><locale>de-DE</locale>"
            + "<gzipResponse>true</gzipResponse><password>pw</password><accessToken>tok</accessToken>"
            + "<appName>Importer</appName><user>u@example.com</user></authHeader>";

        var auth = Read(WithHeader(header)).Auth;

        Assert.Equal(
            new AuthHeaderValues
            {
                User = "u@example.com",
                Password = "pw",
                AccessToken = "tok",
                Locale = "de-DE",
                AppName = "Importer",
                AppVersion = "2.3",
                GzipResponse = true,
                FaultHttpStatusCode = 200,
            },
            auth);
    }

    [Fact]
    public void AuthHeader_values_are_taken_as_sent_with_entities_resolved()
    {
        var auth = Read(WithHeader($"<authHeader xmlns=\"{Types}\"><user>a&amp;b@example.com</user><password> p&lt;w </password></authHeader>")).Auth;

        Assert.Equal("a&b@example.com", auth.User);
        Assert.Equal(" p<w ", auth.Password);
    }

    [Fact]
    public void Uploadurls_example_asks_for_german_and_faults_with_http_200()
    {
        var auth = Read(Example("uploadUrls-submitJob.request.xml")).Auth;

        Assert.Equal("de-DE", auth.Locale);
        Assert.Equal(200, auth.FaultHttpStatusCode);
        Assert.Null(auth.GzipResponse);
    }

    [Fact]
    public void Without_authHeader_every_value_is_absent()
    {
        Assert.Equal(new AuthHeaderValues(), Read(Soap11Envelope($"<getActiveJobsParam xmlns=\"{Types}\"/>")).Auth);
        Assert.Equal(new AuthHeaderValues(), Read(WithHeader("")).Auth);
    }

    [Fact]
    public void AuthHeader_in_a_foreign_namespace_is_not_read()
    {
        var auth = Read(WithHeader("<authHeader xmlns=\"urn:other\"><user>u@example.com</user><password>pw</password></authHeader>")).Auth;

        Assert.Null(auth.User);
        Assert.Null(auth.Password);
    }

    [Fact]
    public void Body_elements_after_an_empty_authHeader_are_not_read_as_authHeader_values()
    {
        var xml = Soap11Envelope(
            $"<submitJobParam xmlns=\"{Types}\"><companyHandle>47</companyHandle><jobName>j</jobName><locale>de-DE</locale></submitJobParam>",
            $"<authHeader xmlns=\"{Types}\"/>");

        var auth = Read(xml).Auth;

        Assert.Null(auth.Locale);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData(" true ", true)]
    public void GzipResponse_is_an_xsd_boolean(string sent, bool expected)
    {
        var auth = Read(WithHeader($"<authHeader xmlns=\"{Types}\"><gzipResponse>{sent}</gzipResponse></authHeader>")).Auth;

        Assert.Equal(expected, auth.GzipResponse);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("TRUE")]
    [InlineData("2")]
    [InlineData("")]
    public void GzipResponse_that_is_not_a_boolean_is_30001(string sent)
    {
        var xml = WithHeader($"<authHeader xmlns=\"{Types}\"><gzipResponse>{sent}</gzipResponse></authHeader>");

        var fault = Assert.Throws<IpsFaultException>(() => Read(xml));

        Assert.Equal(FaultKind.IpsApi, fault.Kind);
        Assert.Equal(30001, fault.Code);
        Assert.Contains("gzipResponse", fault.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("200", 200)]
    [InlineData("500", 500)]
    [InlineData(" 404 ", 404)]
    [InlineData("599", 599)]
    public void FaultHttpStatusCode_is_an_http_status(string sent, int expected)
    {
        var auth = Read(WithHeader($"<authHeader xmlns=\"{Types}\"><faultHttpStatusCode>{sent}</faultHttpStatusCode></authHeader>")).Auth;

        Assert.Equal(expected, auth.FaultHttpStatusCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("199")]
    [InlineData("600")]
    [InlineData("-1")]
    [InlineData("+200")]
    [InlineData("200.0")]
    [InlineData("99999999999")]
    public void FaultHttpStatusCode_that_is_not_an_http_status_is_30001(string sent)
    {
        var xml = WithHeader($"<authHeader xmlns=\"{Types}\"><faultHttpStatusCode>{sent}</faultHttpStatusCode></authHeader>");

        var fault = Assert.Throws<IpsFaultException>(() => Read(xml));

        Assert.Equal(FaultKind.IpsApi, fault.Kind);
        Assert.Equal(30001, fault.Code);
        Assert.Contains("faultHttpStatusCode", fault.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://www.scene7.com/IpsApi/xsd")]
    [InlineData("http://www.scene7.com/IpsApi/xsd/2014-04-03")]
    [InlineData("http://www.scene7.com/IpsApi/xsd/2008-01-15")]
    [InlineData("http://www.scene7.com/IpsApi/xsd/2017-10-29-beta")]
    [InlineData("http://www.scene7.com/IpsApi/xsd/2021-01-11-beta")]
    public void Unversioned_and_dated_types_namespaces_are_ips_namespaces(string ns)
    {
        Assert.True(EnvelopeReader.IsIpsTypesNamespace(ns));
    }

    [Theory]
    [InlineData("http://www.scene7.com/IpsApi/xsd/a/b")]
    [InlineData("http://www.scene7.com/IpsApi/xsd/2014-04-03/")]
    [InlineData("http://www.scene7.com/IpsApi/xsd/")]
    [InlineData("http://www.scene7.com/IpsApi/xsdX")]
    [InlineData("http://www.scene7.com/IpsApi/xsdX/2014-04-03")]
    [InlineData("http://www.scene7.com/IpsApi")]
    [InlineData("http://example.com/IpsApi/xsd")]
    [InlineData("http://example.com/IpsApi/xsd/2014-04-03")]
    [InlineData("https://www.scene7.com/IpsApi/xsd")]
    [InlineData("http://WWW.SCENE7.COM/IpsApi/xsd")]
    [InlineData("")]
    public void Other_namespaces_are_not_ips_namespaces(string ns)
    {
        Assert.False(EnvelopeReader.IsIpsTypesNamespace(ns));
    }

    private static void AssertNoDatedNamespaceLeft(SoapRequest request)
    {
        var envelope = Canonical(request);
        var namespaces = envelope.Descendants().Select(e => e.Name.NamespaceName)
            .Concat(envelope.Descendants().Attributes().Where(a => a.IsNamespaceDeclaration).Select(a => a.Value));
        Assert.All(namespaces, ns => Assert.DoesNotContain(Types + "/", ns, StringComparison.Ordinal));
        Assert.DoesNotContain(Types + "/", Encoding.UTF8.GetString(request.CanonicalEnvelope), StringComparison.Ordinal);
    }
}
