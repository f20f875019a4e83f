using IpsApi.Server.Ops.Proxy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IpsApi.IntegrationTests.Ops;

/// <summary>
/// Behind a reverse proxy the address a client used (what the WSDL names) comes from X-Forwarded-*, and only
/// when the request comes from a proxy the settings trust.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Theory]
    [InlineData("127.0.0.1", "https://ips.example.com")]
    [InlineData("10.9.8.7", null)]
    [InlineData("", null)]
    public async Task The_forwarded_scheme_and_host_count_only_from_a_trusted_proxy(string trusted, string? expected)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["IpsApi:Proxy:TrustedProxies"] = trusted });
        builder.Services.AddIpsForwardedHeaders(builder.Configuration);
        await using var app = builder.Build();
        app.MapGet("/where", (HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}");
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, "/where"));
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "ips.example.com");
        using var response = await http.SendAsync(request);
        var seen = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected ?? $"http://{address.Authority}", seen);
        await app.StopAsync();
    }
}
