using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;

namespace IpsApi.IntegrationTests.Soap;

/// <summary>
/// Each submitJob rule (Soap/Mapping/SubmitJobMapper.cs and the job types' definitions), on the wire: the fault code and reason a client sees,
/// and nothing written to the database.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SubmitJobValidationTests(ServerFixture server)
{
    private const string Publish = "<imageServingPublishJob><publishType>Full</publishType><emailSetting>Error</emailSetting></imageServingPublishJob>";

    [Fact]
    public async Task Missing_jobName_is_30002_as_in_the_example_answer()
    {
        var tenant = await server.NewTenantAsync();
        var body = $"<submitJobParam xmlns=\"{Envelopes.Ips}\"><companyHandle>{tenant.CompanyHandle}</companyHandle>{Publish}</submitJobParam>";

        var response = await RejectedAsync(tenant, body);

        Assert.Equal(500, response.Status);
        Assert.Equal("soapenv:Client", response.FaultCodeName);
        Assert.Equal("ipsApiFault", response.FaultString);
        Assert.Equal(30002, response.FaultCode);
        Assert.Equal("Missing required parameter: jobName", response.FaultReason);
    }

    [Fact]
    public async Task Empty_companyHandle_is_30002()
    {
        var tenant = await server.NewTenantAsync();
        var response = await RejectedAsync(tenant, Envelopes.SubmitJobBody("", "job"));

        Assert.Equal(30002, response.FaultCode);
        Assert.Contains("companyHandle", response.FaultReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_job_element_is_30001()
    {
        var tenant = await server.NewTenantAsync();
        var response = await RejectedAsync(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "job", ""));

        Assert.Equal(30001, response.FaultCode);
    }

    [Fact]
    public async Task Two_job_elements_are_30001()
    {
        var tenant = await server.NewTenantAsync();
        var inner = Publish + "<optimizeImagesJob><emailSetting>None</emailSetting></optimizeImagesJob>";

        var response = await RejectedAsync(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "job", inner));

        Assert.Equal(30001, response.FaultCode);
        Assert.Contains("imageServingPublishJob", response.FaultReason, StringComparison.Ordinal);
        Assert.Contains("optimizeImagesJob", response.FaultReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecTime_and_execSchedule_together_are_30001()
    {
        var tenant = await server.NewTenantAsync();
        var inner = "<execTime>2030-01-01T00:00:00Z</execTime><execSchedule>0 0 2 * * ?</execSchedule>" + Publish;

        var response = await RejectedAsync(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "job", inner));

        Assert.Equal(30001, response.FaultCode);
        Assert.Contains("execTime", response.FaultReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("61 * * * * ?")]
    [InlineData("hello")]
    [InlineData("* * *")]
    public async Task A_cron_that_does_not_parse_is_30001_with_the_reason(string cron)
    {
        var tenant = await server.NewTenantAsync();
        var inner = $"<execSchedule>{cron}</execSchedule>" + Publish;

        var response = await RejectedAsync(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "job", inner));

        Assert.Equal(30001, response.FaultCode);
        Assert.Contains("execSchedule", response.FaultReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00 00 00 * * ", "00 00 00 * * ?")]
    [InlineData("*/5 * * * *", "0 */5 * * * ?")]
    public async Task Five_field_and_trailing_blank_crons_are_accepted_normalised(string cron, string stored)
    {
        var tenant = await server.NewTenantAsync();
        var inner = $"<execSchedule>{cron}</execSchedule>" + Publish;

        var response = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "cron job", inner)));

        Assert.Equal(200, response.Status);
        var job = await JobRow.LoadAsync(server, tenant.CompanyHandle, "cron job");
        Assert.Equal(stored, job.ExecSchedule);
    }

    [Theory]
    [InlineData("english")]
    [InlineData("EN-us")]
    [InlineData("en_US")]
    public async Task A_bad_locale_is_30001(string locale)
    {
        var tenant = await server.NewTenantAsync();
        var inner = $"<locale>{locale}</locale>" + Publish;

        var response = await RejectedAsync(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "job", inner));

        Assert.Equal(30001, response.FaultCode);
        Assert.Contains("locale", response.FaultReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<imageServingPublishJob><publishType>Full</publishType><emailSetting>Sometimes</emailSetting></imageServingPublishJob>", "emailSetting")]
    [InlineData("<imageServingPublishJob><publishType>full</publishType><emailSetting>Error</emailSetting></imageServingPublishJob>", "publishType")]
    [InlineData("<exportJob><assetHandleArray><items>a|1</items></assetHandleArray><fmt>png</fmt><emailSetting>None</emailSetting></exportJob>", "fmt")]
    public async Task Unknown_enumerated_values_are_30001(string inner, string field)
    {
        var tenant = await server.NewTenantAsync();

        var response = await RejectedAsync(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "job", inner));

        Assert.Equal(30001, response.FaultCode);
        Assert.Contains(field, response.FaultReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_field_of_the_job_type_missing_is_30002()
    {
        var tenant = await server.NewTenantAsync();
        var inner = "<imageServingPublishJob><publishType>Full</publishType></imageServingPublishJob>";

        var response = await RejectedAsync(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "job", inner));

        Assert.Equal(30002, response.FaultCode);
        Assert.Contains("imageServingPublishJob/emailSetting", response.FaultReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_problems_are_reported_together()
    {
        var tenant = await server.NewTenantAsync();
        var body = $"<submitJobParam xmlns=\"{Envelopes.Ips}\"><companyHandle>{tenant.CompanyHandle}</companyHandle>"
            + "<locale>klingon</locale><execSchedule>nonsense</execSchedule>"
            + "<imageServingPublishJob><publishType>Everything</publishType></imageServingPublishJob></submitJobParam>";

        var response = await RejectedAsync(tenant, body);

        Assert.Equal(30002, response.FaultCode);
        foreach (var field in new[] { "jobName", "locale", "execSchedule", "publishType", "emailSetting" })
        {
            Assert.Contains(field, response.FaultReason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_company_answers_exactly_as_a_company_of_others_so_handles_cannot_be_probed()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();

        var unknown = await RejectedAsync(tenant, Envelopes.SubmitJobBody("no-such-company", "job"));
        var foreign = await RejectedAsync(tenant, Envelopes.SubmitJobBody(other.CompanyHandle, "job"));

        Assert.Equal(("AuthorizationException", 20006), (unknown.FaultString, unknown.FaultCode));
        Assert.Equal(foreign.FaultReason.Replace(other.CompanyHandle, "no-such-company", StringComparison.Ordinal), unknown.FaultReason);
        Assert.Equal((foreign.FaultString, foreign.FaultCode), (unknown.FaultString, unknown.FaultCode));
        WireSchema.AssertValid(unknown.FaultDetail);
    }

    [Fact]
    public async Task An_IpsAdmin_is_told_that_a_company_does_not_exist()
    {
        var tenant = await server.NewTenantAsync(UserRole.IpsAdmin);

        var response = await RejectedAsync(tenant, Envelopes.SubmitJobBody("no-such-company", "job"));

        Assert.Equal((20000, "Invalid company: no-such-company"), (response.FaultCode, response.FaultReason));
    }

    [Fact]
    public async Task A_userHandle_outside_the_company_is_20002()
    {
        var tenant = await server.NewTenantAsync();
        var stranger = await server.NewTenantAsync();
        var inner = $"<userHandle>{stranger.UserHandle}</userHandle>";
        var body = $"<submitJobParam xmlns=\"{Envelopes.Ips}\"><companyHandle>{tenant.CompanyHandle}</companyHandle>{inner}<jobName>job</jobName>{Publish}</submitJobParam>";

        var response = await RejectedAsync(tenant, body);

        Assert.Equal(20002, response.FaultCode);
    }

    [Fact]
    public async Task An_IpsAdmin_outside_the_company_cannot_be_made_to_receive_its_job_emails()
    {
        var tenant = await server.NewTenantAsync();
        var admin = await server.NewTenantAsync(UserRole.IpsAdmin);
        var body = $"<submitJobParam xmlns=\"{Envelopes.Ips}\"><companyHandle>{tenant.CompanyHandle}</companyHandle><userHandle>{admin.UserHandle}</userHandle>"
            + $"<jobName>mail the admin</jobName>{Publish}</submitJobParam>";

        var response = await RejectedAsync(tenant, body);

        Assert.Equal((20002, $"Invalid request user: {admin.UserHandle}"), (response.FaultCode, response.FaultReason));
        Assert.Equal(0L, await server.ScalarAsync<long>("select count(*) from jobs where name = 'mail the admin'"));
    }

    [Theory]
    [InlineData("nightly&#13;&#10;10:59:58 INF SOAP deleteJob company 47 user root@example.com: ok", "control characters")]
    [InlineData("tab&#9;bed", "control characters")]
    [InlineData("bell&#x85;", "control characters")]
    public async Task A_job_name_with_control_characters_is_30001_and_nothing_is_stored(string jobName, string why)
    {
        var tenant = await server.NewTenantAsync();
        var body = $"<submitJobParam xmlns=\"{Envelopes.Ips}\"><companyHandle>{tenant.CompanyHandle}</companyHandle><jobName>{jobName}</jobName>{Publish}</submitJobParam>";

        var response = await RejectedAsync(tenant, body);

        Assert.Equal(30001, response.FaultCode);
        Assert.Contains("jobName", response.FaultReason, StringComparison.Ordinal);
        Assert.Contains(why, response.FaultReason, StringComparison.Ordinal);
        Assert.Equal(0L, await server.ScalarAsync<long>("select count(*) from jobs j join companies c on c.id = j.company_id where c.handle = @c",
            ("c", tenant.CompanyHandle)));
    }

    [Fact]
    public async Task A_job_name_up_to_256_characters_is_accepted_and_a_longer_one_is_30001()
    {
        var tenant = await server.NewTenantAsync();

        var longest = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, new string('n', 256), Publish)));
        var tooLong = await RejectedAsync(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, new string('n', 257), Publish));
        var huge = await RejectedAsync(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, new string('n', 100_000), Publish));

        Assert.False(longest.IsFault, longest.Text);
        Assert.Equal((30001, "Invalid parameter jobName: 257 characters, more than the 256 allowed"), (tooLong.FaultCode, tooLong.FaultReason));
        Assert.Equal(30001, huge.FaultCode);
    }

    [Fact]
    public async Task A_wrongly_typed_value_is_30001()
    {
        var tenant = await server.NewTenantAsync();
        var inner = "<execTime>next tuesday</execTime>" + Publish;

        var response = await RejectedAsync(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "job", inner));

        Assert.Equal(30001, response.FaultCode);
        Assert.DoesNotContain(" at ", response.FaultReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Path_traversal_in_a_destination_path_is_30001()
    {
        var tenant = await server.NewTenantAsync();
        var inner = "<uploadUrlsJob><urlArray><items><sourceUrl>http://example.com/a.jpg</sourceUrl><destPath>../../etc/a.jpg</destPath></items></urlArray>"
            + "<overwrite>true</overwrite><readyForPublish>true</readyForPublish><createMask>false</createMask><emailSetting>None</emailSetting></uploadUrlsJob>";

        var response = await RejectedAsync(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "job", inner));

        Assert.Equal(30001, response.FaultCode);
        Assert.Contains("destPath", response.FaultReason, StringComparison.Ordinal);
    }

    /// <summary>Sends the call, asserts it was refused, and that no job row appeared for the company.</summary>
    private async Task<SoapResponse> RejectedAsync(TestTenant tenant, string body)
    {
        var before = await server.CountJobsAsync();
        var response = await server.PostAsync(Envelopes.Soap11(tenant, body));
        Assert.True(response.IsFault, response.Text);
        WireSchema.AssertValid(response.FaultDetail);
        Assert.Equal(before, await server.CountJobsAsync());
        return response;
    }
}
