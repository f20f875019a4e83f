using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Soap;

/// <summary>The team's example envelopes, sent as clients send them, against the real server and database.</summary>
[Collection(ServerCollection.Name)]
public sealed class SubmitJobExampleTests(ServerFixture server)
{
    [Fact]
    public async Task Seed_example_answers_the_seed_job_handle_and_stores_the_job()
    {
        var response = await server.PostAsync(Examples.Read("seed-submitJob.request.xml"), soapAction: "submitJob");

        Assert.Equal(200, response.Status);
        Assert.Equal("text/xml", response.MediaType);
        var expected = XElement.Parse(Examples.Read("seed-submitJob.response-body.xml"));
        Assert.True(XNode.DeepEquals(Normalise(expected), Normalise(response.BodyElement)), response.Text);
        WireSchema.AssertValid(response.BodyElement);

        var job = await JobRow.LoadAsync(server, "47", "My Test Job");
        Assert.Equal("My Test Job", job.OriginalName);
        Assert.Equal("ImageServingPublish", job.JobType);
        Assert.Equal(ServerFixture.DemoUser, job.SubmitterEmail);
        Assert.Equal(ServerFixture.DemoUser, job.NotifyEmail);
        Assert.Null(job.ExecTime);
        Assert.Null(job.ExecSchedule);
        Assert.Equal("MyApp", job.ClientApp);
        AssertEchoedAsSubmitted(job, Examples.Read("seed-submitJob.request.xml"), "imageServingPublishJob");
    }

    [Fact]
    public async Task Dated_namespace_example_is_answered_in_the_dated_namespace_with_its_cron_stored()
    {
        var tenant = await server.NewTenantAsync();
        var envelope = Examples.ForTenant(Examples.Read("dated-namespace-submitJob.request.xml"), tenant);

        var response = await server.PostAsync(envelope, soapAction: "\"submitJob\"");

        Assert.Equal(200, response.Status);
        XNamespace dated = "http://www.scene7.com/IpsApi/xsd/2014-04-03";
        Assert.Equal(dated + "submitJobReturn", response.BodyElement.Name);
        Assert.Equal($"{tenant.CompanyHandle}|Nightly publish|", (string?)response.BodyElement.Element(dated + "jobHandle"));
        WireSchema.AssertValid(InUnversionedNamespace(response.BodyElement));

        var job = await JobRow.LoadAsync(server, tenant.CompanyHandle, "Nightly publish");
        Assert.Equal("0 0 2 * * ?", job.ExecSchedule);
        Assert.Equal("t", job.ClientApp);
        AssertEchoedAsSubmitted(job, envelope, "imageServingPublishJob");
    }

    [Fact]
    public async Task UploadUrls_example_stores_exec_time_locale_description_and_the_notified_user()
    {
        var tenant = await server.NewTenantAsync();
        var accounts = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<IpsApi.Jobs.Accounts.AccountStore>(server.Services);
        var notifyHandle = $"u|n{Guid.NewGuid():N}"[..14];
        await accounts.AddUserAsync(new IpsApi.Jobs.Accounts.NewUser(
            $"{notifyHandle.Replace("|", "-", StringComparison.Ordinal)}@example.test", "pw-notify",
            IpsApi.Jobs.Accounts.UserRole.IpsUser, [tenant.CompanyHandle], Handle: notifyHandle));
        var envelope = Examples.ForTenant(Examples.Read("uploadUrls-submitJob.request.xml"), tenant)
            .Replace("u|12", notifyHandle, StringComparison.Ordinal);

        var response = await server.PostAsync(envelope, soapAction: null);

        Assert.Equal(200, response.Status);
        XNamespace ns = "http://www.scene7.com/IpsApi/xsd/2013-02-15";
        Assert.Equal($"{tenant.CompanyHandle}|spring-catalog|", (string?)response.BodyElement.Element(ns + "jobHandle"));

        var job = await JobRow.LoadAsync(server, tenant.CompanyHandle, "spring-catalog");
        Assert.Equal("UrlUpload", job.JobType);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.Zero), job.ExecTime);
        Assert.Equal("de-DE", job.Locale);
        Assert.Equal("Spring catalog images", job.Description);
        Assert.Equal(tenant.Email, job.SubmitterEmail);
        Assert.NotEqual(tenant.Email, job.NotifyEmail);
        AssertEchoedAsSubmitted(job, envelope, "uploadUrlsJob");
    }

    [Fact]
    public async Task Soap12_submitJob_is_answered_in_soap12()
    {
        var tenant = await server.NewTenantAsync();
        var envelope = Envelopes.Soap12(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "soap12 job"));

        var response = await server.PostAsync(envelope);

        Assert.Equal(200, response.Status);
        Assert.Equal("application/soap+xml", response.MediaType);
        Assert.Equal(SoapResponse.Soap12 + "Envelope", response.Document.Root!.Name);
        Assert.Equal($"{tenant.CompanyHandle}|soap12 job|", (string?)response.BodyElement.Element(SoapResponse.Ips + "jobHandle"));
    }

    [Fact]
    public async Task Soap12_getActiveJobs_example_is_answered_in_soap12_and_the_dated_namespace()
    {
        var response = await server.PostAsync(Examples.Read("soap12-getActiveJobs.request.xml"));

        Assert.Equal(200, response.Status);
        Assert.Equal("application/soap+xml", response.MediaType);
        XNamespace dated = "http://www.scene7.com/IpsApi/xsd/2014-04-03";
        Assert.Equal(dated + "getActiveJobsReturn", response.BodyElement.Name);
        Assert.NotNull(response.BodyElement.Element(dated + "jobArray"));
        WireSchema.AssertValid(InUnversionedNamespace(response.BodyElement));
    }

    [Theory]
    [InlineData("submitJob")]
    [InlineData("\"submitJob\"")]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData(null)]
    public async Task SOAPAction_quoted_bare_empty_or_missing_all_dispatch_on_the_body(string? soapAction)
    {
        var tenant = await server.NewTenantAsync();
        var response = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "action job")), soapAction);

        Assert.Equal(200, response.Status);
        Assert.Equal($"{tenant.CompanyHandle}|action job|", (string?)response.BodyElement.Element(SoapResponse.Ips + "jobHandle"));
    }

    [Fact]
    public async Task A_second_job_with_a_name_in_use_gets_a_unique_name_and_keeps_the_original()
    {
        var tenant = await server.NewTenantAsync();
        var body = Envelopes.SubmitJobBody(tenant.CompanyHandle, "nightly");

        var first = await server.PostAsync(Envelopes.Soap11(tenant, body));
        var second = await server.PostAsync(Envelopes.Soap11(tenant, body));

        Assert.Equal($"{tenant.CompanyHandle}|nightly|", (string?)first.BodyElement.Element(SoapResponse.Ips + "jobHandle"));
        Assert.Equal($"{tenant.CompanyHandle}|nightly_2|", (string?)second.BodyElement.Element(SoapResponse.Ips + "jobHandle"));
        var renamed = await JobRow.LoadAsync(server, tenant.CompanyHandle, "nightly_2");
        Assert.Equal("nightly", renamed.OriginalName);
    }

    private static void AssertEchoedAsSubmitted(JobRow job, string envelope, string jobElement)
    {
        var submitted = StoredDefinition.SubmittedJobElement(envelope, jobElement);
        var echoed = StoredDefinition.EchoedJobElement(job);
        Assert.True(XNode.DeepEquals(submitted, echoed), $"submitted:\n{submitted}\necho of the stored job:\n{echoed}");
    }

    private static XElement Normalise(XElement element) => new(
        element.Name,
        element.Elements().Any() ? element.Elements().Select(Normalise) : (object)element.Value.Trim());

    private static XElement InUnversionedNamespace(XElement element) => new(
        SoapResponse.Ips + element.Name.LocalName,
        element.Elements().Any() ? element.Elements().Select(InUnversionedNamespace) : (object)element.Value);
}
