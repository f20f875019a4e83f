using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace IpsApi.IntegrationTests.Scheduling;

/// <summary>
/// The notification emails of real runs, as they arrive in a real SMTP server: which emailSetting sends what,
/// to whom, in which language.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RunEmailTests(ServerFixture server)
{
    private const string Succeeds = "serverDirectoryPublishJob";   // an empty server directory publishes fine
    private const string Fails = "imageServingPublishJob";         // no executor yet: the run fails

    [Theory]
    [InlineData("All", Succeeds, 2)]
    [InlineData("JobCompletion", Succeeds, 1)]
    [InlineData("Error", Succeeds, 0)]
    [InlineData("ErrorAndWarning", Succeeds, 0)]
    [InlineData("None", Succeeds, 0)]
    [InlineData("Error", Fails, 1)]
    [InlineData("None", Fails, 0)]
    public async Task Each_emailSetting_sends_what_it_says(string emailSetting, string jobType, int expected)
    {
        var tenant = await server.NewTenantAsync();
        var jobName = $"mail {emailSetting} {jobType} {Guid.NewGuid():N}"[..60];
        var element = jobType == Succeeds
            ? $"<serverDirectoryPublishJob><emailSetting>{emailSetting}</emailSetting></serverDirectoryPublishJob>"
            : $"<imageServingPublishJob><publishType>Full</publishType><emailSetting>{emailSetting}</emailSetting></imageServingPublishJob>";

        await server.SubmitAsync(tenant, jobName, element);
        await server.WaitForRunAsync(tenant, jobName, r => r.EndedAt is not null);
        // A message a setting should not produce would arrive within the sender's poll; wait past it.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var mails = MailsAbout(jobName);
        Assert.Equal(expected, mails.Count);
        Assert.All(mails, m => Assert.Equal(tenant.Email, m.To.Mailboxes.Single().Address));
    }

    [Fact]
    public async Task The_email_goes_to_the_userHandle_user_in_the_job_locale()
    {
        var tenant = await server.NewTenantAsync();
        var accounts = server.Services.GetRequiredService<AccountStore>();
        var colleague = await accounts.AddUserAsync(new NewUser(
            $"kollegin-{Guid.NewGuid():N}@example.test", "pw-kollegin", UserRole.IpsUser, [tenant.CompanyHandle], FirstName: "Erika"));
        var body = $"<submitJobParam xmlns=\"{Envelopes.Ips}\"><companyHandle>{tenant.CompanyHandle}</companyHandle>"
            + $"<userHandle>{colleague!.Handle}</userHandle><jobName>Frühjahr</jobName><locale>de-DE</locale>"
            + "<serverDirectoryPublishJob><emailSetting>JobCompletion</emailSetting></serverDirectoryPublishJob></submitJobParam>";

        var response = await server.PostAsync(Envelopes.Soap11(tenant, body));
        Assert.Equal(200, response.Status);
        await server.WaitForRunAsync(tenant, "Frühjahr", r => r.EndedAt is not null);

        var mail = (await Eventually.WaitAsync(() => Task.FromResult(MailsAbout("Frühjahr")), m => m.Count == 1, "the completion email")).Single();
        Assert.Equal(colleague.Email, mail.To.Mailboxes.Single().Address);
        Assert.Equal("IPS-Job „Frühjahr“ erfolgreich abgeschlossen", mail.Subject);
        Assert.Contains("Hallo Erika,", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_run_email_lists_its_first_error()
    {
        var tenant = await server.NewTenantAsync();
        var element = "<imageServingPublishJob><publishType>Full</publishType><emailSetting>Error</emailSetting></imageServingPublishJob>";

        var jobName = $"failing publish {Guid.NewGuid():N}";
        await server.SubmitAsync(tenant, jobName, element);
        await server.WaitForRunAsync(tenant, jobName, r => r.EndedAt is not null);

        var mail = (await Eventually.WaitAsync(() => Task.FromResult(MailsAbout(jobName)), m => m.Count == 1, "the error email")).Single();
        Assert.Contains("failed", mail.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not supported yet", mail.TextBody, StringComparison.Ordinal);
    }

    /// <summary>The messages whose subject quotes this job name (English "…" or German „…“ quotes).</summary>
    private List<MimeMessage> MailsAbout(string jobName) =>
        server.Smtp.Messages()
            .Where(m => (m.Subject ?? "").Contains($"\"{jobName}\"", StringComparison.Ordinal)
                        || (m.Subject ?? "").Contains($"„{jobName}“", StringComparison.Ordinal))
            .ToList();
}
