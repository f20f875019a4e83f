using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Server.Soap.Wsdl;

namespace IpsApi.IntegrationTests.Soap;

/// <summary>The WSDLs clients generate their proxies from: unversioned and dated, with the address they may call.</summary>
[Collection(ServerCollection.Name)]
public sealed class WsdlTests(ServerFixture server)
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";

    [Theory]
    [InlineData("/scene7/webservice/IpsApi.wsdl")]
    [InlineData("/scene7/services/IpsApiService?wsdl")]
    public async Task The_served_wsdl_is_the_file_with_the_address_the_client_used(string path)
    {
        var served = await server.Http.GetStringAsync(new Uri(server.BaseAddress, path));

        // The file less its version marks (ver:since attributes and their namespace), which no client sees.
        var expected = Regex.Replace(await File.ReadAllTextAsync(WireSchema.WsdlPath), @"\s+ver:since=""[^""]*""", "")
            .Replace("\n    xmlns:ver=\"urn:ipsapi:wsdl:versions\"", "", StringComparison.Ordinal)
            .Replace("http://localhost:8080/scene7/services/IpsApiService", $"{server.BaseAddress.GetLeftPart(UriPartial.Authority)}/scene7/services/IpsApiService", StringComparison.Ordinal);
        Assert.Equal(expected, served);
        Assert.DoesNotContain("ver:since=\"", served, StringComparison.Ordinal);
        Assert.DoesNotContain("urn:ipsapi", served, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> DatedAddresses()
    {
        var addresses = new TheoryData<string, string>();
        foreach (var version in WsdlEditions.DatedVersions)
        {
            addresses.Add(version, $"/scene7/webservice/IpsApi-{version}.wsdl");
            addresses.Add(version, $"/scene7/IpsApi-{version}.wsdl");
        }

        return addresses;
    }

    [Theory]
    [MemberData(nameof(DatedAddresses))]
    public async Task Every_dated_version_is_served_at_both_addresses_in_its_namespace(string version, string path)
    {
        using var response = await server.Http.GetAsync(new Uri(server.BaseAddress, path));
        var served = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        var expected = WsdlEditions.Load(WireSchema.WsdlPath).Dated(version)!
            .Replace(WsdlDocument.AddressPlaceholder, server.ServiceAddress.ToString(), StringComparison.Ordinal);
        Assert.Equal(expected, served);
        var schemas = XDocument.Parse(served).Descendants(Xsd + "schema").Select(s => (string?)s.Attribute("targetNamespace"));
        Assert.Equal([$"http://www.scene7.com/IpsApi/xsd/{version}", "http://www.scene7.com/IpsApi/xsd"], schemas);
    }

    [Theory]
    [InlineData("/scene7/webservice/IpsApi-2011-01-01.wsdl")]
    [InlineData("/scene7/webservice/IpsApi-2017-10-29-beta.wsdl")]
    [InlineData("/scene7/IpsApi-2014-04-04.wsdl")]
    [InlineData("/scene7/IpsApi-latest.wsdl")]
    [InlineData("/scene7/webservice/IpsApi-.wsdl")]
    public async Task A_version_that_is_not_served_is_not_found(string path)
    {
        using var response = await server.Http.GetAsync(new Uri(server.BaseAddress, path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/scene7/webservice/IpsApi.wsdl?serviceUrl=http://localhost:8081", "http://localhost:8081/scene7/services/IpsApiService")]
    [InlineData("/scene7/webservice/IpsApi-2008-01-15.wsdl?serviceUrl=http%3A%2F%2Flocalhost%3A8081%2F", "http://localhost:8081/scene7/services/IpsApiService")]
    [InlineData("/scene7/IpsApi-2014-04-03.wsdl?serviceUrl=https%3A%2F%2Fdebug.example%3A8443%2Fips%2FIpsApiService%3Ftrace%3D1%26who%3D%3Cme%3E",
        "https://debug.example:8443/ips/IpsApiService?trace=1&who=%3Cme%3E")]
    [InlineData("/scene7/services/IpsApiService?wsdl&serviceUrl=https://ips.example.com/", "https://ips.example.com/scene7/services/IpsApiService")]
    public async Task ServiceUrl_sets_the_service_address_of_the_served_wsdl(string path, string expected)
    {
        using var response = await server.Http.GetAsync(new Uri(server.BaseAddress, path));
        var served = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected, expected], Addresses(served));
        Assert.DoesNotContain("<me>", served, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp%3A%2F%2Ffiles.example%2F")]
    [InlineData("%2Fscene7%2Fservices%2FIpsApiService")]
    [InlineData("javascript%3Aalert(1)")]
    [InlineData("")]
    [InlineData("http%3A%2F%2F")]
    [InlineData("http%3A%2F%2Fa%20b.example%2F")]
    [InlineData("http%3A%2F%2Fips.example%2F%23fragment")]
    [InlineData("http%3A%2F%2Fone.example&serviceUrl=http%3A%2F%2Ftwo.example")]
    public async Task A_serviceUrl_that_is_not_one_absolute_http_url_is_a_bad_request(string serviceUrl)
    {
        using var response = await server.Http.GetAsync(new Uri(server.BaseAddress, $"/scene7/webservice/IpsApi.wsdl?serviceUrl={serviceUrl}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("serviceUrl must be one absolute http or https URL\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/scene7/webservice/IpsApi.wsdl")]
    [InlineData("/scene7/webservice/IpsApi-2014-04-03.wsdl")]
    [InlineData("/scene7/services/IpsApiService?wsdl")]
    public async Task A_host_header_the_server_does_not_answer_to_is_not_written_into_the_wsdl(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, path));
        request.Headers.Host = "evil.example:666";
        request.Headers.Add("X-Forwarded-Host", "evil.example:666");
        using var response = await server.Http.SendAsync(request);
        var served = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil", served, StringComparison.Ordinal);
        Assert.Equal([server.ServiceAddress.ToString(), server.ServiceAddress.ToString()], Addresses(served));
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Localhost_is_a_host_the_server_answers_to_by_default()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "/scene7/webservice/IpsApi.wsdl"));
        request.Headers.Host = $"localhost:{server.BaseAddress.Port}";
        using var response = await server.Http.SendAsync(request);

        Assert.Equal($"http://localhost:{server.BaseAddress.Port}/scene7/services/IpsApiService", Addresses(await response.Content.ReadAsStringAsync())[0]);
    }

    private static List<string> Addresses(string wsdl) =>
        XDocument.Parse(wsdl).Descendants(Wsdl + "port").Select(p => (string)p.Elements().Single().Attribute("location")!).ToList();

    [Fact]
    public async Task The_wsdl_declares_every_operation_the_server_answers_in_both_bindings_with_the_three_faults()
    {
        var document = XDocument.Parse(await server.Http.GetStringAsync(new Uri(server.BaseAddress, "/scene7/webservice/IpsApi.wsdl")));
        var operations = IpsApi.Server.Operations.OperationCatalog.Instance.Names.Order(StringComparer.Ordinal).ToList();

        var portType = document.Root!.Elements(Wsdl + "portType").Single();
        Assert.Equal("IpsApiPortType", (string?)portType.Attribute("name"));
        Assert.Equal(operations, portType.Elements(Wsdl + "operation").Select(o => (string)o.Attribute("name")!).Order(StringComparer.Ordinal));
        foreach (var operation in portType.Elements(Wsdl + "operation"))
        {
            Assert.Equal(["authenticationFault", "authorizationFault", "ipsApiFault"],
                operation.Elements(Wsdl + "fault").Select(f => (string)f.Attribute("name")!).Order());
        }

        var bindings = document.Root.Elements(Wsdl + "binding").ToList();
        Assert.Equal(2, bindings.Count);
        Assert.All(bindings, b => Assert.Equal(operations, b.Elements(Wsdl + "operation").Select(o => (string)o.Attribute("name")!).Order(StringComparer.Ordinal)));
        var ports = document.Root.Element(Wsdl + "service")!.Elements(Wsdl + "port").Select(p => (string)p.Attribute("name")!);
        Assert.Equal(["IpsApiSoap12Port", "IpsApiSoapPort"], ports.Order());
        // The schema compiles, and every answer in these tests is validated against it.
        WireSchema.AssertValid(XElement.Parse("<submitJobReturn xmlns=\"http://www.scene7.com/IpsApi/xsd\"><jobHandle>47|x|</jobHandle></submitJobReturn>"));
    }
}
