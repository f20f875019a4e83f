using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Soap;

/// <summary>The WSDL clients generate their proxies from.</summary>
[Collection(ServerCollection.Name)]
public sealed class WsdlTests(ServerFixture server)
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";

    [Theory]
    [InlineData("/scene7/webservice/IpsApi.wsdl")]
    [InlineData("/scene7/services/IpsApiService?wsdl")]
    public async Task The_served_wsdl_is_the_file_with_the_address_the_client_used(string path)
    {
        var served = await server.Http.GetStringAsync(new Uri(server.BaseAddress, path));

        var expected = (await File.ReadAllTextAsync(WireSchema.WsdlPath))
            .Replace("http://localhost:8080/scene7/services/IpsApiService", $"{server.BaseAddress.GetLeftPart(UriPartial.Authority)}/scene7/services/IpsApiService", StringComparison.Ordinal);
        Assert.Equal(expected, served);
    }

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
