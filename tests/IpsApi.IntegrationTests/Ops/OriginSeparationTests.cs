using System.Net;
using IpsApi.IntegrationTests.AssetWork;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Reliability;
using IpsApi.Server.Ops.Dashboard;

namespace IpsApi.IntegrationTests.Ops;

/// <summary>
/// The dashboard and delivery never share an origin: /ops answers only on its own listener, which answers nothing
/// a company can put there; delivered files carry the headers that keep a browser from running them.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class OriginSeparationTests(ServerFixture server)
{
    [Fact]
    public async Task The_dashboard_answers_only_on_its_own_listener_and_that_listener_serves_no_content()
    {
        var tenant = await server.NewTenantAsync();
        await AssetWorkSteps.UploadAsync(server, tenant, [("render/page.html", "<p>hello</p>"u8.ToArray())], readyForPublish: true);
        await AssetWorkSteps.RunAsync(server, tenant, "publish page", "<imageRenderingPublishJob><emailSetting>None</emailSetting></imageRenderingPublishJob>");
        var content = $"/is/content/{tenant.CompanyHandle}/render/page.html";

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(server.BaseAddress, "/ops/login"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(server.BaseAddress, "/OPS/api/jobs"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server.BaseAddress, content));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server.OpsAddress, "/ops/login"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(server.OpsAddress, content));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(server.OpsAddress, "/scene7/webservice/IpsApi.wsdl"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(server.OpsAddress, "/exports/0123456789012345678901234567890"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server.OpsAddress, "/health/live"));
        SecurityReview.Held(
            "/ops on the main listener (which serves /is/*, /exports, SOAP), and /is/content, /exports and the WSDL on the dashboard's listener",
            "6 requests",
            "all 404: the dashboard has a listener of its own (IPSAPI_OPS__URLS), which answers only /ops, /health and /metrics");
    }

    [Fact]
    public async Task Every_dashboard_answer_carries_a_strict_content_security_policy_and_no_page_has_inline_script()
    {
        using var session = new OpsSession(server.OpsAddress);
        var admin = await server.NewTenantAsync(IpsApi.Jobs.Accounts.UserRole.IpsCompanyAdmin);
        using var http = new HttpClient { BaseAddress = server.OpsAddress };
        foreach (var path in new[] { "/ops/login", "/ops", "/ops/no-such-page", DashboardAssets.ScriptPath })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        await session.SignInAsync(admin.Email, admin.Password);
        var (_, page, _) = await session.GetAsync("/ops");
        Assert.Contains($"<script src=\"{DashboardAssets.ScriptPath}\" defer></script>", page, StringComparison.Ordinal);
        foreach (var html in new[] { page, (await session.GetAsync("/ops/login")).Body })
        {
            Assert.DoesNotMatch(@"<script>|<style>|\son[a-z]+\s*=|style\s*=|javascript:", html);
        }

        var (_, script, _) = await session.GetAsync(DashboardAssets.ScriptPath);
        Assert.DoesNotContain("onsubmit", script, StringComparison.Ordinal);
        Assert.Contains("data-confirm", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivered_html_svg_and_xml_are_downloads_and_everything_delivered_is_sandboxed()
    {
        var tenant = await server.NewTenantAsync();
        var png = TestMedia.SolidImage(8, 8, ".png");
        await AssetWorkSteps.UploadAsync(server, tenant,
            [("render/a.html", "<script>alert(1)</script>"u8.ToArray()), ("render/b.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray()),
             ("render/c.xml", "<x/>"u8.ToArray()), ("render/d.png", png)], readyForPublish: true);
        await AssetWorkSteps.RunAsync(server, tenant, "publish files", "<imageRenderingPublishJob><emailSetting>None</emailSetting></imageRenderingPublishJob>");

        foreach (var (file, attachment) in new[] { ("a.html", true), ("b.svg", true), ("c.xml", true), ("d.png", false) })
        {
            using var response = await server.Http.GetAsync(new Uri(server.BaseAddress, $"/is/content/{tenant.CompanyHandle}/render/{file}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal(attachment, response.Content.Headers.ContentDisposition?.DispositionType == "attachment");
            if (attachment)
            {
                Assert.Equal(file, response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
            }
        }

        using var missing = await server.Http.GetAsync(new Uri(server.BaseAddress, $"/is/image/{tenant.CompanyHandle}/nothing"));
        Assert.Equal("sandbox", missing.Headers.GetValues("Content-Security-Policy").Single());
        SecurityReview.Held(
            "HTML, SVG, XML and PNG files published by a company, fetched from /is/content",
            "4 files",
            "HTML, SVG and XML come as attachments; every /is/* and /exports answer carries nosniff and a CSP sandbox");
    }

    private async Task<HttpStatusCode> StatusAsync(Uri address, string path)
    {
        using var response = await server.Http.GetAsync(new Uri(address, path));
        return response.StatusCode;
    }
}
