using IpsApi.Server.Hosting;
using Microsoft.AspNetCore.Http;

namespace IpsApi.Tests.Hosting;

/// <summary>Which Host headers the server writes back (the WSDL's address), and which settings it refuses at start.</summary>
public sealed class AllowedHostsTests
{
    private static readonly Func<IEnumerable<string>> Listening = () => ["http://192.0.2.10:8080", "http://ips.internal:8081"];

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("localhost:5000", true)]
    [InlineData("127.0.0.1:8080", true)]
    [InlineData("127.1.2.3", true)]
    [InlineData("[::1]:8080", true)]
    [InlineData("192.0.2.10:9999", true)]
    [InlineData("ips.internal", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("evil.example:666", false)]
    [InlineData("192.0.2.11", false)]
    [InlineData("localhost.evil.example", false)]
    [InlineData("", false)]
    public void By_default_loopback_the_listening_addresses_and_the_trusted_proxies_are_allowed(string host, bool allowed)
    {
        var hosts = AllowedHosts.Create(null, ["10.0.0.0/8"], Listening);

        Assert.Equal(allowed, hosts.Allows(new HostString(host)));
    }

    [Theory]
    [InlineData("ips.example.com", true)]
    [InlineData("IPS.Example.com:443", true)]
    [InlineData("eu.ips.example.com", true)]
    [InlineData("ips.example.com.evil.example", false)]
    [InlineData("xips.example.com", false)]
    [InlineData("198.51.100.7", true)]
    [InlineData("198.51.100.8", false)]
    [InlineData("localhost", false)]
    [InlineData("192.0.2.10", false)]
    public void A_configured_list_replaces_the_defaults(string host, bool allowed)
    {
        var hosts = AllowedHosts.Create("ips.example.com, *.ips.example.com, 198.51.100.7", ["10.0.0.0/8"], Listening);

        Assert.Equal(allowed, hosts.Allows(new HostString(host)));
    }

    [Fact]
    public void A_server_listening_on_every_address_allows_the_machines_own_addresses()
    {
        var hosts = AllowedHosts.Create(null, [], () => ["http://0.0.0.0:8080"]);
        var own = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);

        Assert.True(hosts.Allows(new HostString(own.ToString())));
        Assert.False(hosts.Allows(new HostString("203.0.113.99")));
    }

    [Theory]
    [InlineData("ips.example.com", 0)]
    [InlineData("*.example.com, 10.0.0.0/8, 2001:db8::1", 0)]
    [InlineData("ips example.com", 1)]
    [InlineData("10.0.0.0/99", 1)]
    [InlineData("http://ips.example.com", 1)]
    public void Entries_that_are_no_host_name_pattern_address_or_range_are_reported(string configured, int problems)
    {
        Assert.Equal(problems, AllowedHosts.Problems(configured).Count());
    }

    [Theory]
    [InlineData("https://ips.example.com", 0)]
    [InlineData("http://127.0.0.1:8080/ips/", 0)]
    [InlineData("ips.example.com", 1)]
    [InlineData("ftp://ips.example.com", 1)]
    [InlineData("https://ips.example.com/?x=1", 1)]
    public void The_public_url_must_be_an_absolute_http_url(string publicUrl, int problems)
    {
        var options = new ServerOptions { Db = "Host=x", PublicUrl = publicUrl };

        Assert.Equal(problems, options.Validate().Count(p => p.StartsWith("IPSAPI_PUBLICURL", StringComparison.Ordinal)));
    }
}
