using IpsApi.Server.Soap.Wsdl;

namespace IpsApi.Tests.Soap;

/// <summary>The ?serviceUrl= parameter of a WSDL request: the service address it stands for, or none when it is unusable.</summary>
public sealed class ServiceUrlTests
{
    [Theory]
    [InlineData("http://localhost:8081", "http://localhost:8081/scene7/services/IpsApiService")]
    [InlineData("http://localhost:8081/", "http://localhost:8081/scene7/services/IpsApiService")]
    [InlineData("https://proxy.example/ips/services/IpsApiService", "https://proxy.example/ips/services/IpsApiService")]
    [InlineData("https://proxy.example/?trace=1", "https://proxy.example/?trace=1")]
    [InlineData("https://proxy.example/x?a=1&b=<2>", "https://proxy.example/x?a=1&b=%3C2%3E")]
    public void An_absolute_http_url_is_the_address_with_the_service_path_when_it_has_none(string serviceUrl, string expected)
    {
        Assert.Equal(expected, WsdlAddress.FromServiceUrl(serviceUrl));
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost:8081")]
    [InlineData("/scene7/services/IpsApiService")]
    [InlineData("ftp://files.example/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://a b/")]
    [InlineData(" http://ips.example/")]
    [InlineData("http://ips.example/\n")]
    [InlineData("http://ips.example/#top")]
    public void Anything_else_is_no_address(string serviceUrl)
    {
        Assert.Null(WsdlAddress.FromServiceUrl(serviceUrl));
    }
}
