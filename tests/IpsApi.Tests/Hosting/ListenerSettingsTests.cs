using IpsApi.Server.Delivery;
using IpsApi.Server.Hosting;

namespace IpsApi.Tests.Hosting;

/// <summary>The dashboard's listener as the settings give it: always one of its own.</summary>
public sealed class ListenerSettingsTests
{
    private static List<string> Problems(ServerOptions options) => options.Validate().ToList();

    [Fact]
    public void By_default_the_dashboard_listens_on_its_own_port_of_loopback()
    {
        var options = new ServerOptions { Db = "Host=db" };

        Assert.Empty(Problems(options));
        Assert.Equal("http://127.0.0.1:8090", options.Ops.ListenUrls());
        Assert.Equal("http://127.0.0.1:8080", options.MainUrls());
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080", "http://0.0.0.0:8080")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080")]
    [InlineData("http://*:8080", "http://10.0.0.5:8080")]
    [InlineData("http://127.0.0.1:8081;http://127.0.0.1:8080", "http://localhost:8080")]
    public void A_dashboard_sharing_a_port_with_the_main_listener_stops_the_server(string urls, string opsUrls)
    {
        var problems = Problems(new ServerOptions { Db = "Host=db", Urls = urls, Ops = { Urls = opsUrls } });

        Assert.Contains(problems, p => p.Contains("port of its own", StringComparison.Ordinal));
    }

    [Fact]
    public void Different_addresses_on_one_port_are_separate_listeners()
    {
        Assert.Empty(Problems(new ServerOptions { Db = "Host=db", Urls = "http://10.0.0.5:8080", Ops = { Urls = "http://127.0.0.1:8080" } }));
    }

    [Theory]
    [InlineData("ftp://host:21")]
    [InlineData("http://host")]
    [InlineData("http://localhost:0")]
    public void An_address_that_cannot_be_listened_on_is_named(string opsUrls)
    {
        var problems = Problems(new ServerOptions { Db = "Host=db", Ops = { Urls = opsUrls } });

        Assert.Contains(problems, p => p.StartsWith("IPSAPI_OPS__URLS:", StringComparison.Ordinal) && p.Contains(opsUrls, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("text/html", false)]
    [InlineData("text/html; charset=utf-8", false)]
    [InlineData("image/svg+xml", false)]
    [InlineData("application/xhtml+xml", false)]
    [InlineData("text/xml", false)]
    [InlineData("application/xml", false)]
    [InlineData("application/pdf", false)]
    [InlineData("text/javascript", false)]
    [InlineData("image/jpeg", true)]
    [InlineData("image/png", true)]
    [InlineData("video/mp4", true)]
    [InlineData("text/plain; charset=utf-8", true)]
    public void Only_types_a_browser_shows_without_running_anything_are_served_inline(string contentType, bool inline)
    {
        Assert.Equal(inline, ContentGuard.IsInert(contentType));
    }
}
