using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;
using Microsoft.Extensions.DependencyInjection;
using static IpsApi.IntegrationTests.Companies.Calls;

namespace IpsApi.IntegrationTests.Companies;

/// <summary>getCompanyInfo, getCompanyMembership, getUserInfo, checkLogin and getCompanySettings, as integrations call them first.</summary>
[Collection(ServerCollection.Name)]
public sealed class CompanyOperationsTests(ServerFixture server)
{
    [Fact]
    public async Task GetCompanyInfo_turns_a_company_name_into_its_handle_and_root_path()
    {
        var tenant = await server.NewTenantAsync();
        await server.ExecuteAsync("update companies set expires = '2101-01-31T23:00:00Z', ims_org_id = @org where handle = @handle",
            ("org", $"org-{tenant.CompanyHandle}@AdobeOrg"), ("handle", tenant.CompanyHandle));

        var byName = await OkAsync(server, tenant, "getCompanyInfo", Text("companyName", tenant.CompanyName.ToUpperInvariant()));
        var byHandle = await OkAsync(server, tenant, "getCompanyInfo", Text("companyHandle", tenant.CompanyHandle));
        var byOrg = await OkAsync(server, tenant, "getCompanyInfo", Text("imsOrgId", $"org-{tenant.CompanyHandle}@AdobeOrg"));

        foreach (var answer in new[] { byName, byHandle, byOrg })
        {
            var info = answer.Element(Ips + "companyInfo")!;
            Assert.Equal(tenant.CompanyHandle, (string?)info.Element(Ips + "companyHandle"));
            Assert.Equal(tenant.CompanyName, (string?)info.Element(Ips + "name"));
            Assert.Equal($"{tenant.CompanyName}/", (string?)info.Element(Ips + "rootPath"));
            Assert.Equal(new DateTime(2101, 1, 31, 23, 0, 0, DateTimeKind.Utc), ((DateTime)info.Element(Ips + "expires")!).ToUniversalTime());
        }
    }

    [Fact]
    public async Task The_first_steps_of_an_integration_run_as_against_IPS()
    {
        var tenant = await server.NewTenantAsync();

        // 1. The company's name, as configured in the integration, turned into its handle.
        var info = (await OkAsync(server, tenant, "getCompanyInfo", Text("companyName", tenant.CompanyName))).Element(Ips + "companyInfo")!;
        var handle = (string)info.Element(Ips + "companyHandle")!;
        var rootPath = (string)info.Element(Ips + "rootPath")!;

        // 2. A job with that handle, into a folder written from the root path on.
        var discovered = tenant with { CompanyHandle = handle };
        await AssetWork.AssetWorkSteps.UploadAsync(server, discovered, [($"{rootPath}incoming/2026/first.png", TestMedia.SolidImage(24, 24, ".png"))]);

        // 3. The job's folder in the tree.
        var tree = (await OkAsync(server, tenant, "getFolderTree", Text("companyHandle", handle) + Text("folderPath", rootPath) + "<depth>-1</depth>"))
            .Descendants(Ips + "path").Select(p => (string)p).ToList();
        Assert.Equal([rootPath, $"{rootPath}incoming/", $"{rootPath}incoming/2026/"], tree);
    }

    [Fact]
    public async Task An_unknown_company_name_and_another_companys_name_are_the_same_fault()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();

        var unknown = await FaultAsync(server, tenant, "getCompanyInfo", Text("companyName", "No Such Company Anywhere"));
        var foreign = await FaultAsync(server, tenant, "getCompanyInfo", Text("companyName", other.CompanyName));
        var nothing = await FaultAsync(server, tenant, "getCompanyInfo", "");

        Assert.Equal(20006, unknown.Code);
        Assert.Equal(20006, foreign.Code);
        Assert.Equal(unknown.Reason.Replace("No Such Company Anywhere", "X", StringComparison.Ordinal), foreign.Reason.Replace(other.CompanyName, "X", StringComparison.Ordinal));
        Assert.Equal(30002, nothing.Code);
    }

    [Fact]
    public async Task A_company_handle_with_bars_works_through_jobs_and_their_handles()
    {
        var handle = $"c|{Random.Shared.Next(1000, 999_999)}";
        var tenant = await server.NewTenantAsync(companyHandle: handle);
        using var client = new IpsClient(server.ServiceAddress, tenant);

        var info = await OkAsync(server, tenant, "getCompanyInfo", Text("companyName", tenant.CompanyName));
        Assert.Equal(handle, (string?)info.Element(Ips + "companyInfo")!.Element(Ips + "companyHandle"));

        var job = await client.SubmitAsync(new IpsApi.Wire.SubmitJobParam
        {
            CompanyHandle = handle,
            JobName = "nightly|export",
            ExecSchedule = "0 0 3 1 1 ? 2099",
            OptimizeImagesJob = new IpsApi.Wire.OptimizeImagesJob { EmailSetting = "None" },
        });
        Assert.Equal($"{handle}|nightly|export|", job);

        // The handle alone names the company, though both it and the job name hold '|'.
        var scheduled = await client.Api.GetScheduledJobsAsync(new IpsApi.Wire.GetScheduledJobsRequest
        {
            AuthHeader = new IpsApi.Wire.AuthHeader { User = tenant.Email, Password = tenant.Password },
            GetScheduledJobsParam = new IpsApi.Wire.GetScheduledJobsParam { JobHandle = job },
        });
        Assert.Equal(job, Assert.Single(scheduled.GetScheduledJobsReturn.JobArray!.Items).JobHandle);
        await client.PauseAsync(job);
        await client.DeleteAsync(job);
        Assert.Empty(await client.ScheduledAsync());
    }

    [Fact]
    public async Task GetCompanyMembership_and_getUserInfo_show_the_caller_and_colleagues_but_no_other_companys_users()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();
        var colleague = await server.Services.GetRequiredService<AccountStore>().AddUserAsync(
            new NewUser($"colleague-{Guid.NewGuid():N}@example.test", "colleague-pw-1234", UserRole.IpsCompanyAdmin, [tenant.CompanyHandle], FirstName: "Col", LastName: "League"));

        var mine = await OkAsync(server, tenant, "getCompanyMembership", "");
        var membership = Assert.Single(mine.Element(Ips + "membershipArray")!.Elements(Ips + "items"));
        Assert.Equal(tenant.CompanyHandle, (string?)membership.Element(Ips + "company")!.Element(Ips + "companyHandle"));
        Assert.Equal("IpsUser", (string?)membership.Element(Ips + "role"));
        Assert.True((bool)membership.Element(Ips + "isActive")!);

        var self = (await OkAsync(server, tenant, "getUserInfo", "")).Element(Ips + "userInfo")!;
        Assert.Equal((tenant.UserHandle, tenant.Email, "IpsUser", true),
            ((string?)self.Element(Ips + "userHandle"), (string?)self.Element(Ips + "email"), (string?)self.Element(Ips + "defaultRole"), (bool)self.Element(Ips + "isValid")!));

        var byEmail = (await OkAsync(server, tenant, "getUserInfo", Text("email", colleague!.Email.ToUpperInvariant()))).Element(Ips + "userInfo")!;
        Assert.Equal((colleague.Handle, "Col", "League", "IpsCompanyAdmin"),
            ((string?)byEmail.Element(Ips + "userHandle"), (string?)byEmail.Element(Ips + "firstName"), (string?)byEmail.Element(Ips + "lastName"), (string?)byEmail.Element(Ips + "defaultRole")));

        Assert.Equal(20002, (await FaultAsync(server, tenant, "getUserInfo", Text("userHandle", other.UserHandle))).Code);
        Assert.Equal(20002, (await FaultAsync(server, tenant, "getUserInfo", Text("email", other.Email))).Code);
        Assert.Equal(20002, (await FaultAsync(server, tenant, "getCompanyMembership", Text("userHandle", other.UserHandle))).Code);
        Assert.Equal(20002, (await FaultAsync(server, tenant, "getUserInfo", Text("userHandle", "u|no-such-user"))).Code);
    }

    [Fact]
    public async Task CheckLogin_says_whether_a_password_signs_in_to_the_company()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();

        async Task<string?> Status(string inner) => (string?)(await OkAsync(server, tenant, "checkLogin", inner)).Element(Ips + "status");

        Assert.Equal("ValidLogin", await Status(Text("email", tenant.Email) + Text("password", tenant.Password)));
        Assert.Equal("ValidLogin", await Status(Text("companyHandle", tenant.CompanyHandle) + Text("email", tenant.Email) + Text("password", tenant.Password)));
        Assert.Equal("InvalidLogin", await Status(Text("email", tenant.Email) + Text("password", "wrong")));
        Assert.Equal("InvalidLogin", await Status(Text("email", "nobody@example.test") + Text("password", "wrong")));
        Assert.Equal("InvalidLogin", await Status(Text("companyHandle", other.CompanyHandle) + Text("email", tenant.Email) + Text("password", tenant.Password)));
        Assert.Equal(30002, (await FaultAsync(server, tenant, "checkLogin", Text("email", tenant.Email))).Code);
    }

    [Fact]
    public async Task GetCompanySettings_gives_the_time_zone_to_company_admins_only()
    {
        var admin = await server.NewTenantAsync(UserRole.IpsCompanyAdmin);
        var user = await server.NewTenantAsync();

        var settings = (await OkAsync(server, admin, "getCompanySettings", Text("companyHandle", admin.CompanyHandle))).Element(Ips + "settings")!;

        Assert.Equal(server.Services.GetRequiredService<IpsApi.Jobs.Definitions.ServerTimeZone>().Zone.Id, (string?)settings.Element(Ips + "timeZone"));
        Assert.Single(settings.Elements());
        Assert.Equal(20003, (await FaultAsync(server, user, "getCompanySettings", Text("companyHandle", user.CompanyHandle))).Code);
    }

    [Fact]
    public async Task An_IPS_operation_this_server_does_not_implement_is_named_in_its_fault()
    {
        var tenant = await server.NewTenantAsync();

        var response = await server.PostAsync(Envelopes.Soap11(tenant, $"<saveZoomTargetParam xmlns=\"{Ips.NamespaceName}\"/>"), "saveZoomTarget");
        var unknown = await server.PostAsync(Envelopes.Soap11(tenant, $"<launchRocketParam xmlns=\"{Ips.NamespaceName}\"/>"), "launchRocket");

        Assert.Equal(30000, response.FaultCode);
        Assert.Equal("Operation saveZoomTarget is part of the IPS API but is not supported by this server", response.FaultReason);
        Assert.Equal(30003, unknown.FaultCode);
    }
}
