using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace IpsApi.IntegrationTests.Ops;

/// <summary>
/// The dashboard in a real browser: Debian's headless Chromium driven by playwright-core (tests/ops-ui). An
/// operator signs in, watches a slow job's progress move, pauses and resumes it, sees it finish and filters its
/// log, all under the dashboard's Content-Security-Policy (a violation fails the test). Screenshots of each step land
/// in ops-ui-screenshots/ of the test output folder.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DashboardBrowserTests(ServerFixture server)
{
    [Fact]
    public async Task An_admin_watches_a_job_pauses_and_resumes_it_and_sees_it_finish_in_chromium()
    {
        OpsBrowser.AssertAvailable();
        var tenant = await server.NewTenantAsync();
        var email = $"ops-{Guid.NewGuid():N}"[..14] + "@example.test";
        await server.Services.GetRequiredService<AccountStore>().AddUserAsync(new NewUser(email, "ops-password", UserRole.IpsCompanyAdmin, [tenant.CompanyHandle]));
        var screenshots = Path.Combine(AppContext.BaseDirectory, "ops-ui-screenshots");
        Directory.CreateDirectory(screenshots);
        foreach (var old in Directory.GetFiles(screenshots, "*.png"))
        {
            File.Delete(old);
        }

        // The test host's optimizeImagesJob: 40 steps of 250 ms, resumable where it paused.
        await server.SubmitAsync(tenant, "watched", "<optimizeImagesJob><emailSetting>None</emailSetting></optimizeImagesJob>");
        var (code, output) = await OpsBrowser.RunAsync("dashboard.mjs", new Dictionary<string, string>
        {
            ["OPS_URL"] = server.OpsAddress.ToString().TrimEnd('/'),
            ["OPS_EMAIL"] = email,
            ["OPS_PASSWORD"] = "ops-password",
            ["OPS_JOB"] = "watched",
            ["OPS_SCREENSHOTS"] = screenshots,
        });

        Assert.True(code == 0, output);
        foreach (var step in new[] { "signed in", "progress moved", "paused", "finished", "log filtered", "no content security policy violations" })
        {
            Assert.Contains($"step: {step}", output, StringComparison.Ordinal);
        }

        foreach (var shot in new[] { "1-login", "2-running", "3-paused", "4-done", "5-log" })
        {
            Assert.True(new FileInfo(Path.Combine(screenshots, $"{shot}.png")).Length > 1000, $"screenshot {shot}");
        }

        // What the browser showed is what happened: one run paused midway, the next one finished all 40 steps.
        var runs = await server.RunsAsync(tenant, "watched");
        Assert.Equal(["Paused", "Done"], runs.Select(r => r.State));
        Assert.Equal(40L, await server.Db.CreateCommand(
            $"select count(distinct step) from test_side_effects where run_id = any(array[{string.Join(',', runs.Select(r => r.Id))}]::bigint[])").ExecuteScalarAsync());
    }
}
