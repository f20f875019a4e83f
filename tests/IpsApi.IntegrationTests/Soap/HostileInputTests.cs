using System.Net.Http.Headers;
using System.Text;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Soap;

/// <summary>
/// Broken and hostile requests: each gets a SOAP fault 30003 (never a stack trace, SQL or server path),
/// writes nothing, and leaves the server answering the next call.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HostileInputTests(ServerFixture server)
{
    public static TheoryData<string, string> BrokenEnvelopes => new()
    {
        { "not xml", "this is not xml at all" },
        { "truncated", "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><submitJobParam xmlns=\"http://www.scene7.com/IpsApi/xsd\"><companyHandle>47</comp" },
        { "wrong root", "<Envelope xmlns=\"urn:not-soap\"><Body/></Envelope>" },
        { "empty body", "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body/></soapenv:Envelope>" },
        { "unknown operation", Envelopes.Soap11(Envelopes.AuthHeader("user@example.com", "secret"), "<launchRocketParam xmlns=\"http://www.scene7.com/IpsApi/xsd\"/>") },
        { "foreign namespace", Envelopes.Soap11(Envelopes.AuthHeader("user@example.com", "secret"), "<submitJobParam xmlns=\"urn:evil\"/>") },
        { "xxe", "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + Envelopes.Soap11(Envelopes.AuthHeader("user@example.com", "secret"), Envelopes.SubmitJobBody("47", "XXE")).Replace("XXE", "&xxe;", StringComparison.Ordinal) },
        { "external dtd", "<?xml version=\"1.0\"?><!DOCTYPE foo SYSTEM \"http://127.0.0.1:9/evil.dtd\">" + Envelopes.Soap11(Envelopes.AuthHeader("user@example.com", "secret"), Envelopes.SubmitJobBody("47", "x")) },
        { "entity expansion", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>" + Envelopes.Soap11(Envelopes.AuthHeader("user@example.com", "secret"), Envelopes.SubmitJobBody("47", "LOL")).Replace("LOL", "&lol3;", StringComparison.Ordinal) },
        { "deep nesting", Envelopes.Soap11(Envelopes.AuthHeader("user@example.com", "secret"), Envelopes.SubmitJobBody("47", "deep", string.Concat(Enumerable.Repeat("<a>", 10_000)) + string.Concat(Enumerable.Repeat("</a>", 10_000)))) },
    };

    [Theory]
    [MemberData(nameof(BrokenEnvelopes))]
    public async Task Broken_or_hostile_xml_is_30003_and_writes_nothing(string name, string envelope)
    {
        var before = await server.CountJobsAsync();

        var response = await server.PostAsync(envelope);

        Assert.True(response.IsFault, $"{name}: {response.Text}");
        Assert.Equal(500, response.Status);
        Assert.Equal(30003, response.FaultCode);
        Assert.Equal("soapenv:Client", response.FaultCodeName);
        AssertNothingLeaks(response);
        Assert.DoesNotContain("root:", response.Text, StringComparison.Ordinal);
        Assert.Equal(before, await server.CountJobsAsync());
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Invalid_utf8_is_30003()
    {
        var valid = Encoding.UTF8.GetBytes(Envelopes.Soap11(Envelopes.AuthHeader("user@example.com", "secret"), Envelopes.SubmitJobBody("47", "JOBNAME")));
        var text = Encoding.UTF8.GetString(valid);
        var at = text.IndexOf("JOBNAME", StringComparison.Ordinal);
        valid[at] = 0xC3;
        valid[at + 1] = 0x28; // an invalid two-byte sequence

        using var request = new HttpRequestMessage(HttpMethod.Post, server.ServiceAddress) { Content = new ByteArrayContent(valid) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        var response = await server.SendAsync(request);

        Assert.Equal(30003, response.FaultCode);
        AssertNothingLeaks(response);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_30003_without_being_read_whole()
    {
        var before = await server.CountJobsAsync();
        var filler = new string('x', 2 * 1024 * 1024);
        var envelope = Envelopes.Soap11(Envelopes.AuthHeader("user@example.com", "secret"), Envelopes.SubmitJobBody("47", filler));

        var response = await server.PostAsync(envelope);

        Assert.Equal(30003, response.FaultCode);
        Assert.Contains("limit", response.FaultReason, StringComparison.Ordinal);
        Assert.Equal(before, await server.CountJobsAsync());
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_gzip_bomb_is_refused_at_the_limit()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                await gzip.WriteAsync(zeros);
            }
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, server.ServiceAddress) { Content = new ByteArrayContent(compressed.ToArray()) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        request.Content.Headers.ContentEncoding.Add("gzip");
        var response = await server.SendAsync(request);

        Assert.Equal(30003, response.FaultCode);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task FaultHttpStatusCode_200_gives_http_200_faults()
    {
        var tenant = await server.NewTenantAsync();
        var envelope = Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, ""), "<faultHttpStatusCode>200</faultHttpStatusCode>");

        var response = await server.PostAsync(envelope);

        Assert.Equal(200, response.Status);
        Assert.Equal(30002, response.FaultCode);
    }

    [Fact]
    public async Task A_gzip_response_is_sent_when_authHeader_asks_for_it()
    {
        var tenant = await server.NewTenantAsync();
        var envelope = Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "gzip job"), "<gzipResponse>true</gzipResponse>");

        var response = await server.PostAsync(envelope);

        Assert.Equal(200, response.Status);
        Assert.Contains("gzip", response.ContentEncodings);
        Assert.Equal($"{tenant.CompanyHandle}|gzip job|", (string?)response.BodyElement.Element(SoapResponse.Ips + "jobHandle"));
    }

    [Theory]
    [InlineData("/scene7/services/IpsApiService/")]
    [InlineData("/scene7/services/IpsApiService/anything")]
    [InlineData("/SCENE7/services/ipsapiservice/x")]
    [InlineData("/scene7/api/IpsApiService/")]
    public async Task Paths_below_the_service_address_do_not_reach_the_soap_stack(string path)
    {
        var before = await server.CountJobsAsync();
        var entities = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]>"
            + Envelopes.Soap11(Envelopes.AuthHeader("user@example.com", "secret"), Envelopes.SubmitJobBody("47", "&lol;"));

        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, path)) { Content = new StringContent(entities, Encoding.UTF8, "text/xml") };
        post.Headers.Add("SOAPAction", "submitJob");
        var posted = await server.Http.SendAsync(post);
        var wsdl = await server.Http.GetAsync(new Uri(server.BaseAddress, path + "?wsdl"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, wsdl.StatusCode);
        Assert.Empty(await posted.Content.ReadAsByteArrayAsync());
        Assert.Equal(before, await server.CountJobsAsync());
    }

    private static void AssertNothingLeaks(SoapResponse response)
    {
        foreach (var leak in new[] { "   at ", "Exception:", "/work/", "/src/", "Npgsql", "select ", "insert " })
        {
            Assert.DoesNotContain(leak, response.FaultReason, StringComparison.Ordinal);
        }
    }

    private async Task AssertStillServingAsync()
    {
        var tenant = await server.NewTenantAsync();
        var response = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "still here")));
        Assert.Equal(200, response.Status);
    }
}
