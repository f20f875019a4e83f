using System.Xml.Linq;
using IpsApi.Server.Ops.Proxy;
using IpsApi.Server.Soap.Wsdl;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IpsApi.IntegrationTests.Soap;

/// <summary>
/// The service address of the served WSDL under the settings an operator uses: a public URL always wins; without
/// one, the host the client used (the forwarded one from a trusted proxy) only when it is an allowed host.
/// Each case is a web host of its own with just the WSDL and the forwarded-headers support, as the server wires them.
/// </summary>
public sealed class WsdlAddressTests
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";

    [Theory]
    [InlineData("ips.example.com", "https://ips.example.com/scene7/services/IpsApiService")]
    [InlineData("api.ips.example.com:8443", "https://api.ips.example.com:8443/scene7/services/IpsApiService")]
    [InlineData("evil.example:666", null)]
    [InlineData("example.com", null)]
    public async Task Behind_a_trusted_proxy_the_forwarded_host_is_named_when_it_is_allowed(string forwardedHost, string? expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["IpsApi:Proxy:TrustedProxies"] = "127.0.0.1",
            ["IpsApi:AllowedHosts"] = "ips.example.com, *.ips.example.com",
        };

        var (address, own) = await ServedAddressAsync(settings, forwardedHost: forwardedHost);

        Assert.Equal(expected ?? own, address);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("evil.example:666")]
    [InlineData("localhost")]
    public async Task A_public_url_is_named_whatever_host_the_request_names(string? host)
    {
        var settings = new Dictionary<string, string?> { ["IpsApi:PublicUrl"] = "https://ips.example.com/base/" };

        var (address, _) = await ServedAddressAsync(settings, host: host);

        Assert.Equal("https://ips.example.com/base/scene7/services/IpsApiService", address);
    }

    [Fact]
    public async Task Without_allowed_hosts_a_forwarded_public_name_is_not_echoed_but_the_trusted_proxies_addresses_are()
    {
        var settings = new Dictionary<string, string?> { ["IpsApi:Proxy:TrustedProxies"] = "127.0.0.1,10.20.0.0/16" };

        var (forwarded, own) = await ServedAddressAsync(settings, forwardedHost: "ips.example.com");
        var (proxyAddress, _) = await ServedAddressAsync(settings, host: "10.20.30.40:8080");

        Assert.Equal(own, forwarded);
        Assert.Equal("http://10.20.30.40:8080/scene7/services/IpsApiService", proxyAddress);
    }

    /// <summary>The address a WSDL request names, and the host's own address (what a disallowed host gets).</summary>
    private static async Task<(string Address, string Own)> ServedAddressAsync(
        Dictionary<string, string?> settings, string? host = null, string? forwardedHost = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddIpsForwardedHeaders(builder.Configuration);
        builder.Services.AddIpsWsdl(builder.Configuration);
        await using var app = builder.Build();
        app.MapIpsWsdl();
        await app.StartAsync();
        try
        {
            var listening = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(listening, "/scene7/webservice/IpsApi-2012-02-14.wsdl"));
            if (host is not null)
            {
                request.Headers.Host = host;
            }

            if (forwardedHost is not null)
            {
                request.Headers.Add("X-Forwarded-Host", forwardedHost);
                request.Headers.Add("X-Forwarded-Proto", "https");
            }

            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var ports = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Wsdl + "port")
                .Select(p => (string)p.Elements().Single().Attribute("location")!).Distinct().ToList();
            return (Assert.Single(ports), $"http://{listening.Authority}/scene7/services/IpsApiService");
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
