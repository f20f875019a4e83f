using System.Net;
using IpsApi.Jobs.Net;

namespace IpsApi.Tests.Notifications;

/// <summary>
/// Which URLs the server may call on a job's behalf. Nothing here touches the network: names resolve through a
/// stand-in DNS, and refused requests are refused before any socket is opened.
/// </summary>
public sealed class OutboundUrlPolicyTests
{
    private static readonly Dictionary<string, IPAddress[]> FakeDns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hooks.example.com"] = [IPAddress.Parse("93.184.216.34")],
        ["rebind.example.com"] = [IPAddress.Parse("10.0.0.5")],
        ["metadata.example.com"] = [IPAddress.Parse("169.254.169.254")],
        ["mixed.example.com"] = [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("127.0.0.1")],
        ["v6.example.com"] = [IPAddress.Parse("2606:2800:220:1:248:1893:25c8:1946")],
        ["mapped.example.com"] = [IPAddress.Parse("::ffff:192.168.1.20")],
        ["intranet.example.com"] = [IPAddress.Parse("10.20.3.4")],
    };

    [Theory]
    [InlineData("http://93.184.216.34/hook")]
    [InlineData("https://93.184.216.34:8443/hook?x=1")]
    [InlineData("http://[2606:2800:220:1:248:1893:25c8:1946]/")]
    [InlineData("http://172.32.0.1/")]
    [InlineData("http://hooks.example.com/done")]
    public void Public_http_and_https_addresses_are_allowed(string url)
    {
        Assert.True(Policy().CheckUrl(new Uri(url)).Allowed);
    }

    [Theory]
    [InlineData("ftp://93.184.216.34/x", "scheme")]
    [InlineData("file:///etc/passwd", "scheme")]
    [InlineData("gopher://93.184.216.34/", "scheme")]
    [InlineData("http://127.0.0.1:8080/", "loopback")]
    [InlineData("http://127.1.2.3/", "loopback")]
    [InlineData("http://[::1]/", "loopback")]
    [InlineData("http://2130706433/", "loopback")]
    [InlineData("http://0x7f000001/", "loopback")]
    [InlineData("http://[::ffff:127.0.0.1]/", "loopback")]
    [InlineData("http://10.1.2.3/", "private")]
    [InlineData("http://172.16.0.1/", "private")]
    [InlineData("http://172.31.255.255/", "private")]
    [InlineData("http://192.168.1.1/", "private")]
    [InlineData("http://100.64.0.1/", "private")]
    [InlineData("http://[fc00::1]/", "private")]
    [InlineData("http://[fd12:3456::1]/", "private")]
    [InlineData("http://[::ffff:10.0.0.1]/", "private")]
    [InlineData("http://[64:ff9b::a00:1]/", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://[fe80::1]/", "link-local")]
    [InlineData("http://0.0.0.0/", "unspecified")]
    [InlineData("http://[::]/", "unspecified")]
    [InlineData("http://224.0.0.1/", "multicast")]
    [InlineData("http://[ff02::1]/", "multicast")]
    [InlineData("http://255.255.255.255/", "reserved")]
    public void Other_schemes_and_internal_addresses_are_refused(string url, string why)
    {
        var decision = Policy().CheckUrl(new Uri(url));

        Assert.False(decision.Allowed);
        Assert.Contains(why, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_url_is_refused()
    {
        Assert.False(Policy().CheckUrl(new Uri("/callback", UriKind.Relative)).Allowed);
    }

    [Fact]
    public void AllowLoopback_opens_loopback_only()
    {
        var policy = Policy(new OutboundOptions { AllowLoopback = true });

        Assert.True(policy.CheckUrl(new Uri("http://127.0.0.1:9000/")).Allowed);
        Assert.True(policy.CheckUrl(new Uri("http://[::1]:9000/")).Allowed);
        Assert.False(policy.CheckUrl(new Uri("http://10.1.2.3/")).Allowed);
        Assert.False(policy.CheckUrl(new Uri("http://0.0.0.0/")).Allowed);
    }

    [Fact]
    public void AllowPrivateAddresses_opens_private_and_link_local_but_not_loopback()
    {
        var policy = Policy(new OutboundOptions { AllowPrivateAddresses = true });

        Assert.True(policy.CheckUrl(new Uri("http://10.1.2.3/")).Allowed);
        Assert.True(policy.CheckUrl(new Uri("http://[fd00::5]/")).Allowed);
        Assert.True(policy.CheckUrl(new Uri("http://169.254.1.1/")).Allowed);
        Assert.False(policy.CheckUrl(new Uri("http://127.0.0.1/")).Allowed);
        Assert.False(policy.CheckUrl(new Uri("http://224.0.0.1/")).Allowed);
    }

    [Fact]
    public void Denied_hosts_are_refused_by_name_wildcard_and_range()
    {
        var policy = Policy(new OutboundOptions { DeniedHosts = ["bad.example.com", "*.evil.example.com, 93.184.0.0/16"] });

        Assert.False(policy.CheckUrl(new Uri("http://BAD.example.com./x")).Allowed);
        Assert.False(policy.CheckUrl(new Uri("http://a.b.evil.example.com/")).Allowed);
        // A wildcard covers the subdomains, not the name itself.
        Assert.True(policy.CheckUrl(new Uri("http://evil.example.com/")).Allowed);
        Assert.False(policy.CheckUrl(new Uri("http://93.184.216.34/")).Allowed);
        Assert.False(policy.CheckAddress("hooks.example.com", IPAddress.Parse("93.184.216.34")).Allowed);
    }

    [Fact]
    public void With_allowed_hosts_only_those_may_be_called()
    {
        var policy = Policy(new OutboundOptions { AllowedHosts = ["hooks.example.com", "*.partner.example"] });

        Assert.True(policy.CheckUrl(new Uri("https://hooks.example.com/done")).Allowed);
        Assert.True(policy.CheckUrl(new Uri("https://eu.partner.example/done")).Allowed);
        Assert.False(policy.CheckUrl(new Uri("https://other.example.com/done")).Allowed);
        Assert.False(policy.CheckUrl(new Uri("https://93.184.216.34/done")).Allowed);
    }

    [Fact]
    public void An_allowed_range_admits_its_private_addresses_and_nothing_else()
    {
        var policy = Policy(new OutboundOptions { AllowedHosts = ["10.20.0.0/16"] });

        Assert.True(policy.CheckUrl(new Uri("http://10.20.1.2/hook")).Allowed);
        Assert.False(policy.CheckUrl(new Uri("http://10.21.0.1/hook")).Allowed);
        Assert.False(policy.CheckUrl(new Uri("http://93.184.216.34/hook")).Allowed);
        // A name passes the list by the address it connects to.
        Assert.True(policy.CheckAddress("intranet.example.com", IPAddress.Parse("10.20.3.4")).Allowed);
        Assert.False(policy.CheckAddress("hooks.example.com", IPAddress.Parse("93.184.216.34")).Allowed);
    }

    [Theory]
    [InlineData("http://hooks.example.com/", true)]
    [InlineData("http://v6.example.com/", true)]
    [InlineData("http://rebind.example.com/", false)]
    [InlineData("http://metadata.example.com/", false)]
    [InlineData("http://mixed.example.com/", false)]
    [InlineData("http://mapped.example.com/", false)]
    public async Task A_name_is_judged_by_every_address_it_resolves_to(string url, bool allowed)
    {
        Assert.Equal(allowed, (await Policy().CheckAsync(new Uri(url))).Allowed);
    }

    [Theory]
    [InlineData("http://rebind.example.com/", "10.0.0.5")]
    [InlineData("http://metadata.example.com/", "169.254.169.254")]
    [InlineData("http://mixed.example.com/", "127.0.0.1")]
    [InlineData("http://mapped.example.com/", "192.168.1.20")]
    public async Task A_refused_name_is_not_told_which_address_or_kind_of_address_it_resolved_to(string url, string address)
    {
        var reason = (await Policy().CheckAsync(new Uri(url))).Reason!;
        using var client = new HttpClient(Policy().CreateHandler());
        var atConnect = OutboundRequestRefusedException.FindIn(await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(url))))!.Message;

        foreach (var text in new[] { reason, atConnect })
        {
            Assert.DoesNotContain(address, text, StringComparison.Ordinal);
            Assert.DoesNotContain("private", text, StringComparison.Ordinal);
            Assert.DoesNotContain("loopback", text, StringComparison.Ordinal);
            Assert.DoesNotContain("link-local", text, StringComparison.Ordinal);
            Assert.Contains($"host {new Uri(url).Host} resolves to an address this server does not call", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("http://rebind.example.com/hook")]
    [InlineData("http://mixed.example.com/hook")]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://[::1]:9/hook")]
    public async Task The_handler_refuses_at_connect_time_whatever_was_checked_before(string url)
    {
        using var client = new HttpClient(Policy().CreateHandler());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(url)));

        Assert.NotNull(OutboundRequestRefusedException.FindIn(error));
    }

    [Fact]
    public void The_handler_follows_no_redirects_and_uses_no_proxy()
    {
        using var handler = Policy().CreateHandler();

        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseProxy);
        Assert.NotNull(handler.ConnectCallback);
    }

    [Theory]
    [InlineData("http://hooks.example.com")]
    [InlineData("*.")]
    [InlineData("10.0.0.0/33")]
    [InlineData("exa mple.com/x")]
    public void Unusable_host_entries_are_reported_at_start(string entry)
    {
        Assert.NotEmpty(new OutboundOptions { AllowedHosts = [entry] }.Validate());
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.255.1.1", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("172.16.0.0/12", "172.31.0.1", true)]
    [InlineData("172.16.0.0/12", "172.32.0.1", false)]
    [InlineData("fc00::/7", "fdff::1", true)]
    [InlineData("fc00::/7", "fe00::1", false)]
    [InlineData("192.0.2.7", "192.0.2.7", true)]
    [InlineData("192.0.2.7", "192.0.2.8", false)]
    [InlineData("10.0.0.0/8", "::ffff:10.1.1.1", true)]
    [InlineData("10.0.0.0/8", "fd00::1", false)]
    public void Address_ranges_hold_what_their_prefix_says(string range, string address, bool contained)
    {
        Assert.Equal(contained, AddressRange.Parse(range).Contains(IPAddress.Parse(address)));
    }

    private static OutboundUrlPolicy Policy(OutboundOptions? options = null) =>
        new(options ?? new OutboundOptions(), (host, _) =>
            Task.FromResult(FakeDns.TryGetValue(host, out var addresses) ? addresses : []));
}
