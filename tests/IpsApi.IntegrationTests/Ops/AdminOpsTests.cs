using System.Net;
using System.Net.Sockets;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Server.Admin;
using Microsoft.Extensions.Configuration;

namespace IpsApi.IntegrationTests.Ops;

/// <summary>The admin commands an operator uses day to day, checked by what the server then does.</summary>
[Collection(ServerCollection.Name)]
public sealed class AdminOpsTests(ServerFixture server)
{
    [Fact]
    public async Task A_new_password_signs_in_and_the_old_one_no_longer_does()
    {
        var tenant = await server.NewTenantAsync();

        var (code, output, _) = await AdminAsync("user", "set-password", tenant.Email, "brand-new-pw");

        Assert.Equal(0, code);
        Assert.Contains("password", output, StringComparison.Ordinal);
        var withNew = await server.PostAsync(Envelopes.Soap11(tenant with { Password = "brand-new-pw" }, Envelopes.SubmitJobBody(tenant.CompanyHandle, "new-pw")));
        Assert.Equal(200, withNew.Status);
        var withOld = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "old-pw")));
        Assert.True(withOld.IsFault);
        Assert.Contains("10001", withOld.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_to_company_lets_the_user_submit_there_and_the_user_list_shows_both_companies()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();

        Assert.Equal(0, (await AdminAsync("user", "add-to-company", tenant.Email, other.CompanyHandle)).Code);

        var inOther = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(other.CompanyHandle, "in-other")));
        Assert.True(inOther.Status == 200, inOther.Text);
        var (_, users, _) = await AdminAsync("user", "list");
        var line = users.Split('\n').Single(l => l.Contains(tenant.Email, StringComparison.Ordinal));
        Assert.Contains(string.Join(',', new[] { tenant.CompanyHandle, other.CompanyHandle }.Order(StringComparer.Ordinal)), line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_role_changes_what_the_user_list_shows_and_what_the_user_may_call()
    {
        var tenant = await server.NewTenantAsync();

        Assert.Equal(0, (await AdminAsync("user", "set-role", tenant.Email, "ImagePortalUser")).Code);

        var (_, users, _) = await AdminAsync("user", "list");
        Assert.Contains(users.Split('\n'), l => l.Contains($"\t{tenant.Email}\tImagePortalUser\t", StringComparison.Ordinal));
        var refused = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "not-allowed")));
        Assert.Contains("<ns1:code>20003</ns1:code>", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_naming_someone_or_something_that_does_not_exist_fail_and_say_what()
    {
        var (code, _, error) = await AdminAsync("user", "set-role", "nobody@example.test", "IpsUser");
        Assert.Equal((1, true), (code, error.Contains("no user has the email nobody@example.test", StringComparison.Ordinal)));

        var tenant = await server.NewTenantAsync();
        (code, _, error) = await AdminAsync("user", "add-to-company", tenant.Email, "no-such-company");
        Assert.Equal((1, true), (code, error.Contains("no company no-such-company", StringComparison.Ordinal)));

        (code, _, error) = await AdminAsync("user", "set-role", tenant.Email, "Overlord");
        Assert.Equal((64, true), (code, error.Contains("unknown role", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Job_list_shows_a_company_jobs_with_type_state_and_schedule()
    {
        var tenant = await server.NewTenantAsync();
        await server.SubmitAsync(tenant, "listed-done", "<createVideoSitemapJob/>");
        await server.WaitForRunAsync(tenant, "listed-done", r => r.EndedAt is not null);
        await server.SubmitAsync(tenant, "listed-nightly", "<execSchedule>0 0 3 * * ?</execSchedule><createVideoSitemapJob/>");

        var (code, output, _) = await AdminAsync("job", "list", "--company", tenant.CompanyHandle);

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("company\tjob\ttype\tstate\tschedule\tlast run", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{tenant.CompanyHandle}\tlisted-nightly\tCreateVideoSitemap\tScheduled\t0 0 3 * * ?\t-", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{tenant.CompanyHandle}\tlisted-done\tCreateVideoSitemap\tDone\tnow\t", lines[2], StringComparison.Ordinal);

        (_, output, _) = await AdminAsync("job", "list", "--company", tenant.CompanyHandle, "--state", "done");
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Doctor_on_a_working_setup_finds_everything()
    {
        var settings = new Dictionary<string, string?>
        {
            ["IpsApi:Storage:Root"] = server.StorageRoot,
            ["IpsApi:Smtp:Host"] = "127.0.0.1",
            ["IpsApi:Smtp:Port"] = server.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["IpsApi:Smtp:Security"] = "None",
            ["IpsApi:DataProtection:Secret"] = "a long random text only the nodes know",
        };

        var (code, output, _) = await DoctorAsync(ServerFixture.ConnectionString, settings);

        Assert.True(code == 0, output);
        foreach (var check in new[] { "database", "schema", "pdftoppm", "pdfinfo", "pdftotext", "ffmpeg", "ffprobe", "libvips", "storage", "smtp", "keyring" })
        {
            Assert.Contains(output.Split('\n'), l => l.StartsWith($"ok    {check} ", StringComparison.Ordinal));
        }

        Assert.Contains("Everything the server needs is here.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_names_each_problem_with_its_fix_and_never_prints_the_password()
    {
        var file = Path.GetTempFileName();
        try
        {
            var closed = ClosedPort();
            var settings = new Dictionary<string, string?>
            {
                ["IpsApi:Storage:Root"] = Path.Combine(file, "storage"),
                ["IpsApi:Processing:FfmpegPath"] = "/nonexistent/ffmpeg",
                ["IpsApi:Smtp:Host"] = "127.0.0.1",
                ["IpsApi:Smtp:Port"] = closed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["IpsApi:Smtp:Security"] = "None",
            };

            var (code, output, _) = await DoctorAsync($"Host=127.0.0.1;Port={closed};Username=ipsapi;Password=hunter2;Database=ipsapi", settings);

            Assert.Equal(1, code);
            var lines = output.Split('\n');
            string FixAfter(string prefix) => lines[Array.FindIndex(lines, l => l.StartsWith(prefix, StringComparison.Ordinal)) + 1];
            Assert.Contains("start PostgreSQL", FixAfter("FAIL  database"), StringComparison.Ordinal);
            Assert.Contains("apt-get install -y ffmpeg", FixAfter("FAIL  ffmpeg"), StringComparison.Ordinal);
            Assert.Contains("IPSAPI_STORAGE__ROOT", FixAfter("FAIL  storage"), StringComparison.Ordinal);
            Assert.Contains("IPSAPI_SMTP__HOST", FixAfter("warn  smtp"), StringComparison.Ordinal);
            Assert.Contains("IPSAPI_DATAPROTECTION__SECRET", FixAfter("warn  keyring"), StringComparison.Ordinal);
            Assert.Contains("3 problem(s), 2 warning(s).", output, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Code, string Output, string Error)> AdminAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AdminCommand.RunAsync(args, output, error, ServerFixture.ConnectionString);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<(int Code, string Output, string Error)> DoctorAsync(string connectionString, Dictionary<string, string?> settings)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var code = await AdminCommand.RunAsync(["doctor"], output, error, connectionString, configuration);
        return (code, output.ToString(), error.ToString());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
