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
        Assert.Equal(0, await RunAsync("user", "add", email, "s3cret-pw", "IpsUser", company, "--first", "Olga"));

        var companies = new StringWriter();
        await AdminCommand.RunAsync(["company", "list"], companies, TextWriter.Null, ServerFixture.ConnectionString);
        Assert.Contains($"{company}\tAdmin Co", companies.ToString(), StringComparison.Ordinal);
        var users = new StringWriter();
        await AdminCommand.RunAsync(["user", "list"], users, TextWriter.Null, ServerFixture.ConnectionString);
        Assert.Contains($"{email}\tIpsUser\t{company}", users.ToString(), StringComparison.Ordinal);

        var tenant = new TestTenant(company, email, "s3cret-pw", "");
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

    private static Task<int> RunAsync(params string[] args) =>
        AdminCommand.RunAsync(args, TextWriter.Null, TextWriter.Null, ServerFixture.ConnectionString);
}
