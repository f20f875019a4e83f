using System.Net;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Reliability;
using IpsApi.Jobs.Accounts;

namespace IpsApi.IntegrationTests.Ops;

/// <summary>
/// Two server processes as two machines (each its own home folder, where ASP.NET Core would otherwise keep a key
/// ring of its own): a dashboard session and a form made on one node work on the other, and signing out on one
/// ends the session on both.
/// </summary>
[Collection(ReliabilityRun.Collection)]
public sealed class SharedKeyRingTests
{
    private const string Secret = "a long random text only the nodes know";

    [Fact]
    public async Task A_dashboard_session_and_its_forms_work_on_every_node_and_sign_out_ends_it_on_all()
    {
        await using var database = await TestDatabase.CreateAsync("keyring");
        var storage = Directory.CreateTempSubdirectory("ipsapi-keyring-").FullName;
        var admin = new TestTenant("77", "keyring-admin@example.test", "keyring-admin-password", "");
        await new AccountStore(database.Db).AddUserAsync(new NewUser(admin.Email, admin.Password, UserRole.IpsAdmin, ["77"]));
        await using var one = await StartAsync(database, "keyring-1", storage);
        await using var two = await StartAsync(database, "keyring-2", storage);
        using var soap = new IpsClient(one.ServiceAddress, database.Tenant);
        await soap.SubmitAsync(new IpsApi.Wire.SubmitJobParam
        {
            CompanyHandle = "77",
            JobName = "nightly",
            ExecSchedule = "0 0 3 * * ?",
            CreateVideoSitemapJob = new IpsApi.Wire.CreateVideoSitemapJob(),
        });
        var jobId = await database.ScalarAsync<long>("select id from jobs where name = 'nightly'");

        using var browser = new OpsSession(one.OpsAddress);
        await browser.SignInAsync(admin.Email, admin.Password);
        await browser.GetAsync("/ops");
        // The form token of node 1's page, posted with node 1's cookies to node 2.
        using var paused = await browser.PostFormAsync(new Uri(two.OpsAddress, $"/ops/jobs/{jobId}/pause").ToString(), []);
        var (jsonStatus, _, _) = await browser.GetAsync(new Uri(two.OpsAddress, "/ops/api/jobs").ToString());
        var saved = browser.CookieHeader;
        await browser.GetAsync(new Uri(two.OpsAddress, "/ops").ToString());
        using var signedOut = await browser.PostFormAsync(new Uri(two.OpsAddress, "/ops/logout").ToString(), []);
        var afterOnOne = await OpsSession.ReplayAsync(one.OpsAddress, "/ops/api/jobs", saved);

        Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);
        Assert.Contains("message=", paused.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.True(await database.ScalarAsync<bool>("select paused from jobs where id = @id", ("id", jobId)));
        Assert.Equal(HttpStatusCode.OK, jsonStatus);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterOnOne.Status);
        // One key, shared, and sealed: the key's own material is not in the row.
        var keys = await database.ScalarAsync<long>("select count(*) from data_protection_keys");
        var xml = await database.ScalarAsync<string>("select xml from data_protection_keys limit 1");
        Assert.Equal(1L, keys);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        Assert.Contains("sealedWithSecret", xml, StringComparison.Ordinal);
        SecurityReview.Held(
            "Two server processes with their own home folders (two machines): sign in on one, post a dashboard form with its token to the other, sign out there, replay the cookie on the first",
            "1 session",
            "the form worked on the other node and the cookie was refused on both after sign-out: one key ring in PostgreSQL (data_protection_keys), its key encrypted with IPSAPI_DATAPROTECTION__SECRET (AES-256-GCM), the session row shared",
            $"{keys} key");
    }

    private static Task<ServerProcess> StartAsync(TestDatabase database, string node, string storage) =>
        ServerProcess.StartAsync(database.ConnectionString, node, storage, environment: new Dictionary<string, string>
        {
            ["HOME"] = Directory.CreateTempSubdirectory($"ipsapi-home-{node}-").FullName,
            ["IPSAPI_DATAPROTECTION__SECRET"] = Secret,
        });
}
