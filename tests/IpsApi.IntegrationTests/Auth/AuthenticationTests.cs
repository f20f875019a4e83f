using System.Net.Http.Headers;
using System.Text;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;

namespace IpsApi.IntegrationTests.Auth;

/// <summary>Who may call: credentials in authHeader (either namespace) or HTTP Basic, roles, companies.</summary>
[Collection(ServerCollection.Name)]
public sealed class AuthenticationTests(ServerFixture server)
{
    [Fact]
    public async Task No_credentials_is_10000()
    {
        var tenant = await server.NewTenantAsync();

        var response = await server.PostAsync(Envelopes.Soap11("", Envelopes.SubmitJobBody(tenant.CompanyHandle, "job")));

        Assert.Equal(500, response.Status);
        Assert.Equal("AuthenticationException", response.FaultString);
        Assert.Equal(10000, response.FaultCode);
        WireSchema.AssertValid(response.FaultDetail);
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_user_is_10001_and_says_nothing_more()
    {
        var tenant = await server.NewTenantAsync();
        var body = Envelopes.SubmitJobBody(tenant.CompanyHandle, "job");

        var wrongPassword = await server.PostAsync(Envelopes.Soap11(Envelopes.AuthHeader(tenant.Email, "nope"), body));
        var unknownUser = await server.PostAsync(Envelopes.Soap11(Envelopes.AuthHeader("nobody@example.test", "nope"), body));

        Assert.Equal(10001, wrongPassword.FaultCode);
        Assert.Equal(10001, unknownUser.FaultCode);
        Assert.Equal(wrongPassword.FaultReason, unknownUser.FaultReason);
        Assert.Equal(0, await server.CountJobsAsync(tenant.CompanyHandle));
    }

    [Fact]
    public async Task A_disabled_user_is_10002()
    {
        var tenant = await server.NewTenantAsync();
        await server.ExecuteAsync("update users set active = false where email = @email", ("email", tenant.Email));

        var response = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "job")));

        Assert.Equal(10002, response.FaultCode);
    }

    [Fact]
    public async Task Http_basic_authorization_is_accepted_instead_of_authHeader()
    {
        var tenant = await server.NewTenantAsync();
        var envelope = Envelopes.Soap11("", Envelopes.SubmitJobBody(tenant.CompanyHandle, "basic job"));

        var response = await server.PostAsync(envelope, configure: request =>
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{tenant.Email}:{tenant.Password}"))));

        Assert.Equal(200, response.Status);
        Assert.Equal($"{tenant.CompanyHandle}|basic job|", (string?)response.BodyElement.Element(SoapResponse.Ips + "jobHandle"));
    }

    [Fact]
    public async Task AuthHeader_in_the_dated_namespace_is_accepted()
    {
        var tenant = await server.NewTenantAsync();
        const string dated = "http://www.scene7.com/IpsApi/xsd/2014-04-03";
        var header = $"<a:authHeader xmlns:a=\"{dated}\"><a:user>{tenant.Email}</a:user><a:password>{tenant.Password}</a:password></a:authHeader>";
        var body = Envelopes.SubmitJobBody(tenant.CompanyHandle, "dated auth").Replace(Envelopes.Ips, dated, StringComparison.Ordinal);

        var response = await server.PostAsync(Envelopes.Soap11(header, body));

        Assert.Equal(200, response.Status);
    }

    [Theory]
    [InlineData(UserRole.ImagePortalUser)]
    [InlineData(UserRole.IpsCompanyAdmin)]
    [InlineData(UserRole.WebServiceUser)]
    public async Task A_role_without_submit_permission_is_20003(UserRole role)
    {
        var tenant = await server.NewTenantAsync(role);

        var response = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "job")));

        Assert.Equal("AuthorizationException", response.FaultString);
        Assert.Equal(20003, response.FaultCode);
        Assert.Equal(0, await server.CountJobsAsync(tenant.CompanyHandle));
    }

    [Theory]
    [InlineData(UserRole.IpsUser)]
    [InlineData(UserRole.TrialSiteAdmin)]
    [InlineData(UserRole.ImagePortalContribUser)]
    public async Task Roles_of_the_submit_list_may_submit(UserRole role)
    {
        var tenant = await server.NewTenantAsync(role);

        var response = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "job")));

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task A_user_acting_in_a_company_it_does_not_belong_to_is_20006()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();

        var response = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(other.CompanyHandle, "job")));

        Assert.Equal(20006, response.FaultCode);
        Assert.Equal(0, await server.CountJobsAsync(other.CompanyHandle));
    }

    [Fact]
    public async Task An_IpsAdmin_acts_in_every_company()
    {
        var admin = await server.NewTenantAsync(UserRole.IpsAdmin);
        var other = await server.NewTenantAsync();

        var response = await server.PostAsync(Envelopes.Soap11(admin, Envelopes.SubmitJobBody(other.CompanyHandle, "admin job")));

        Assert.Equal(200, response.Status);
        Assert.Equal(1, await server.CountJobsAsync(other.CompanyHandle));
    }

    [Fact]
    public async Task Passwords_are_stored_as_salted_slow_hashes()
    {
        var tenant = await server.NewTenantAsync();
        await using var command = server.Db.CreateCommand("select password_hash from users where email = @email");
        command.Parameters.AddWithValue("email", tenant.Email);

        var stored = (string)(await command.ExecuteScalarAsync())!;

        Assert.DoesNotContain(tenant.Password, stored, StringComparison.Ordinal);
        Assert.StartsWith("pbkdf2-sha256$", stored, StringComparison.Ordinal);
    }
}
