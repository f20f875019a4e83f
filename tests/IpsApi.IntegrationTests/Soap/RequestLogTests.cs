using IpsApi.IntegrationTests.Infrastructure;
using Serilog.Events;

namespace IpsApi.IntegrationTests.Soap;

/// <summary>What ops read in the log: one line per call with its operation, company, user, outcome and time.</summary>
[Collection(ServerCollection.Name)]
public sealed class RequestLogTests(ServerFixture server)
{
    [Fact]
    public async Task Each_call_logs_one_line_with_operation_company_user_outcome_and_duration()
    {
        var tenant = await server.NewTenantAsync();
        await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "logged job")));
        await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "")));

        // The call lines, not the job runs', which carry the company in their log context too.
        var lines = server.Logs.Events
            .Where(e => e.Properties.ContainsKey("Operation")
                && e.Properties.TryGetValue("Company", out var c) && c.ToString() == $"\"{tenant.CompanyHandle}\"")
            .ToList();

        Assert.Equal(2, lines.Count);
        Assert.All(lines, e =>
        {
            Assert.Equal("\"submitJob\"", e.Properties["Operation"].ToString());
            Assert.Equal($"\"{tenant.Email}\"", e.Properties["User"].ToString());
            Assert.True(e.Properties.ContainsKey("ElapsedMs"));
        });
        Assert.Equal("\"ok\"", lines[0].Properties["Outcome"].ToString());
        Assert.Equal("\"fault 30002\"", lines[1].Properties["Outcome"].ToString());
        // What an operator searches for: the handle of the job stored, in the line of the call that stored it.
        Assert.Equal($"\"{tenant.CompanyHandle}|logged job|\"", lines[0].Properties["JobHandle"].ToString());
        Assert.Contains($"job {tenant.CompanyHandle}|logged job|: ok", lines[0].RenderMessage().Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(lines[1].Properties.ContainsKey("JobHandle"));
    }

    [Fact]
    public async Task No_password_ever_reaches_the_log()
    {
        var tenant = await server.NewTenantAsync();
        await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "secret job")));
        await server.PostAsync(Envelopes.Soap11(Envelopes.AuthHeader(tenant.Email, tenant.Password + "-wrong"), Envelopes.SubmitJobBody(tenant.CompanyHandle, "x")));
        await server.PostAsync("<broken " + tenant.Password);

        Assert.DoesNotContain(tenant.Password, server.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Logs.Events, e => e.Level >= LogEventLevel.Error && e.Exception is not null && e.RenderMessage().Contains("SoapCore", StringComparison.Ordinal));
    }
}
