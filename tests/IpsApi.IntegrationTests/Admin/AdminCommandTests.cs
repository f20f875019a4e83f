using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Server.Admin;

namespace IpsApi.IntegrationTests.Admin;

/// <summary>`ipsapi admin`: what an operator types to add companies and users, and what the server then accepts.</summary>
[Collection(ServerCollection.Name)]
public sealed class AdminCommandTests(ServerFixture server)
{
    [Fact]
    public async Task Added_company_and_user_can_submit_jobs_and_are_listed()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var company = $"adm{id}";
        var email = $"ops-{id}@example.test";

        Assert.Equal(0, await RunAsync("company", "add", company, "Admin Co"));
        Assert.Equal(0, await RunAsync("user", "add", email, "Olga-lily-4711", "IpsUser", company, "--first", "Olga"));

        var companies = new StringWriter();
        await AdminCommand.RunAsync(["company", "list"], companies, TextWriter.Null, ServerFixture.ConnectionString);
        Assert.Contains($"{company}\tAdmin Co", companies.ToString(), StringComparison.Ordinal);
        var users = new StringWriter();
        await AdminCommand.RunAsync(["user", "list"], users, TextWriter.Null, ServerFixture.ConnectionString);
        Assert.Contains($"{email}\tIpsUser\t{company}", users.ToString(), StringComparison.Ordinal);

        var tenant = new TestTenant(company, email, "Olga-lily-4711", "");
        var response = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(company, "from admin")));
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task Adding_a_company_twice_or_a_user_with_a_bad_role_fails_and_says_why()
    {
        var company = $"adm{Guid.NewGuid():N}"[..11];
        Assert.Equal(0, await RunAsync("company", "add", company, "Once"));

        var error = new StringWriter();
        Assert.Equal(1, await AdminCommand.RunAsync(["company", "add", company, "Twice"], TextWriter.Null, error, ServerFixture.ConnectionString));
        Assert.Contains("already exists", error.ToString(), StringComparison.Ordinal);

        error = new StringWriter();
        Assert.Equal(64, await AdminCommand.RunAsync(["user", "add", "x@example.test", "pw-pw", "Overlord", company], TextWriter.Null, error, ServerFixture.ConnectionString));
        Assert.Contains("unknown role", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short-pw", "at least 12 characters")]
    [InlineData("pw", "at least 12 characters")]
    [InlineData("Password1234", "first ones guessers try")]
    [InlineData("qwerty123456", "first ones guessers try")]
    [InlineData("zzzzzzzzzzzzzz", "first ones guessers try")]
    [InlineData("my-gretchen-pass", "email or name")]
    public async Task A_short_common_or_personal_password_is_refused_when_adding_or_changing(string password, string why)
    {
        var company = $"pwd{Guid.NewGuid():N}"[..11];
        var email = $"gretchen-{Guid.NewGuid():N}"[..17] + "@example.test";
        Assert.Equal(0, await RunAsync("company", "add", company, $"Passwords {company}"));
        var weakFor = password == "my-gretchen-pass" ? $"my-{email.Split('@')[0]}-pass" : password;

        var error = new StringWriter();
        Assert.Equal(64, await AdminCommand.RunAsync(["user", "add", email, weakFor, "IpsUser", company], TextWriter.Null, error, ServerFixture.ConnectionString));
        Assert.Contains(why, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0L, await server.ScalarAsync<long>("select count(*) from users where email = @e", ("e", email)));

        Assert.Equal(0, await RunAsync("user", "add", email, "Tulip-river-9-stone", "IpsUser", company));
        error = new StringWriter();
        Assert.Equal(64, await AdminCommand.RunAsync(["user", "set-password", email, weakFor], TextWriter.Null, error, ServerFixture.ConnectionString));
        Assert.Contains(why, error.ToString(), StringComparison.Ordinal);
        var tenant = new TestTenant(company, email, "Tulip-river-9-stone", "");
        Assert.False((await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(company, "strong")))).IsFault);
    }

    [Fact]
    public async Task A_user_with_a_password_from_before_the_policy_keeps_working()
    {
        var tenant = await server.NewTenantAsync();
        await server.ExecuteAsync("update users set password_hash = @h where email = @e",
            ("h", IpsApi.Jobs.Accounts.PasswordHasher.Hash("abcd")), ("e", tenant.Email));

        var response = await server.PostAsync(Envelopes.Soap11(tenant with { Password = "abcd" }, Envelopes.SubmitJobBody(tenant.CompanyHandle, "old password")));

        Assert.False(response.IsFault, response.Text);
    }

    [Fact]
    public async Task A_disabled_user_is_refused_at_once_even_where_its_password_was_just_verified_and_enable_brings_it_back()
    {
        var tenant = await server.NewTenantAsync();
        var body = Envelopes.SubmitJobBody(tenant.CompanyHandle, "while enabled", "<createVideoSitemapJob/>");
        // Signed in: this node now remembers the password (IPSAPI_AUTH__CREDENTIALCACHESECONDS, 60 s by default).
        Assert.False((await server.PostAsync(Envelopes.Soap11(tenant, body))).IsFault);

        var output = new StringWriter();
        Assert.Equal(0, await AdminCommand.RunAsync(["user", "disable", tenant.Email], output, TextWriter.Null, ServerFixture.ConnectionString));
        var disabled = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "while disabled", "<createVideoSitemapJob/>")));
        Assert.Equal(0, await RunAsync("user", "enable", tenant.Email));
        var enabled = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "enabled again", "<createVideoSitemapJob/>")));

        Assert.Equal($"{tenant.Email} disabled", output.ToString().Trim());
        Assert.Equal(10002, disabled.FaultCode);
        Assert.Equal(0L, await server.ScalarAsync<long>("select count(*) from jobs where name = 'while disabled'"));
        Assert.False(enabled.IsFault, enabled.Text);
    }

    [Fact]
    public async Task A_deleted_user_is_refused_at_once_its_row_stays_anonymous_while_jobs_name_it_and_its_email_is_free_again()
    {
        var tenant = await server.NewTenantAsync();
        var withoutJobs = await server.NewTenantAsync();
        Assert.False((await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "before delete", "<createVideoSitemapJob/>")))).IsFault);
        Assert.False((await server.PostAsync(Envelopes.Soap11(withoutJobs, ActiveJobs(withoutJobs)))).IsFault);

        var output = new StringWriter();
        Assert.Equal(0, await AdminCommand.RunAsync(["user", "delete", tenant.Email], output, TextWriter.Null, ServerFixture.ConnectionString));
        Assert.Equal(0, await RunAsync("user", "delete", withoutJobs.Email));
        var afterDelete = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "after delete", "<createVideoSitemapJob/>")));
        var otherAfterDelete = await server.PostAsync(Envelopes.Soap11(withoutJobs, ActiveJobs(withoutJobs)));

        Assert.Contains("its row stays", output.ToString(), StringComparison.Ordinal);
        Assert.Equal((10001, 10001), (afterDelete.FaultCode, otherAfterDelete.FaultCode));
        Assert.Equal(0L, await server.ScalarAsync<long>("select count(*) from users where lower(email) in (lower(@a), lower(@b))", ("a", tenant.Email), ("b", withoutJobs.Email)));
        Assert.Equal(0L, await server.ScalarAsync<long>("select count(*) from users u join jobs j on j.submit_user_id = u.id where j.name = 'before delete' and (u.active or u.email not like 'deleted-%@invalid')"));
        Assert.Equal(1, await RunAsync("user", "delete", tenant.Email));
        Assert.Equal(0, await RunAsync("user", "add", tenant.Email, "Tulip-river-9-stone", "IpsUser", tenant.CompanyHandle));
    }

    private static string ActiveJobs(TestTenant tenant) =>
        $"<getActiveJobsParam xmlns=\"{Envelopes.Ips}\"><companyHandle>{tenant.CompanyHandle}</companyHandle></getActiveJobsParam>";

    private static Task<int> RunAsync(params string[] args) =>
        AdminCommand.RunAsync(args, TextWriter.Null, TextWriter.Null, ServerFixture.ConnectionString);
}
