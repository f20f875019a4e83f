using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.JobTypes.UploadPost;
using Microsoft.Extensions.DependencyInjection;
using static IpsApi.IntegrationTests.Uploads.UploadFileClient;

namespace IpsApi.IntegrationTests.Uploads;

/// <summary>
/// The UploadFile endpoint as its clients use it (curl -F and .NET's HttpClient): POSTs that open a job, add to it
/// and end it, the files becoming assets with the job's options, the job in getActiveJobs while it is open, its log,
/// counts and email; and every POST it must refuse, refused with the documented fault and nothing kept.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class UploadFileTests(ServerFixture server)
{
    [Fact]
    public async Task Curl_posts_open_a_job_add_to_it_and_end_it_and_the_files_become_assets()
    {
        var tenant = await server.NewTenantAsync();
        var folder = Directory.CreateTempSubdirectory("ipsapi-upload-").FullName;
        var jpeg = Path.Combine(folder, "shoe.jpg");
        var png = Path.Combine(folder, "boot.png");
        await File.WriteAllBytesAsync(jpeg, TestMedia.SolidImage(600, 400, ".jpg"));
        await File.WriteAllBytesAsync(png, TestMedia.SolidImage(320, 240, ".png"));

        var first = await CurlAsync(server.BaseAddress, AuthDocument(tenant), Open(tenant.CompanyHandle, "curl upload", "<destFolder>incoming</destFolder>"), jpeg);
        var second = await CurlAsync(server.BaseAddress, AuthDocument(tenant),
            Add(tenant.CompanyHandle, first.JobHandle, $"<destFolder>/{tenant.CompanyName}/incoming/</destFolder><endJob>true</endJob>"), png);
        Directory.Delete(folder, recursive: true);

        Assert.Equal($"{tenant.CompanyHandle}|curl upload|", first.JobHandle);
        Assert.Equal(first.JobHandle, second.JobHandle);
        Assert.Equal(XName.Get("uploadPostReturn", Dated), first.Root.Name); // the answer speaks the request's namespace
        var run = await server.WaitForRunAsync(tenant, "curl upload", r => r.EndedAt is not null);
        Assert.Equal(("Done", "EndUpload", 2, 0, 2), (run.State, run.LogType, run.FileSuccess, run.FileError, run.TotalFiles));
        Assert.Single(await server.RunsAsync(tenant, "curl upload"));
        var shoe = (await AssetRow.LoadAsync(server, tenant.CompanyHandle, "incoming/shoe.jpg"))!;
        Assert.Equal(("Image", 600, 400, true), (shoe.Kind, shoe.Width, shoe.Height, shoe.ReadyForPublish));
        Assert.True(shoe.Renditions.ContainsKey("Pyramid:optimized"));
        Assert.NotNull(await AssetRow.LoadAsync(server, tenant.CompanyHandle, "incoming/boot.png"));

        var details = await server.DetailsAsync(run.Id);
        Assert.Equal("BeginUpload", details[0].LogType);
        Assert.Equal("EndUpload", details[^1].LogType);
        Assert.Contains(details, d => d.LogType == "JobType" && d.Message == "UploadPost");
        Assert.Contains(details, d => d.LogType == "JobClient" && d.Message == "UploadTests 1.0");
        Assert.Equal(["incoming/shoe.jpg", "incoming/boot.png"], details.Where(d => d.LogType == "UploadSuccess").Select(d => d.AssetName));
        Assert.Equal(["shoe.jpg", "boot.png"], details.Where(d => d.LogType == "FileBegin").Select(d => d.Message));
    }

    [Fact]
    public async Task Two_posts_of_HttpClient_make_one_job_that_getActiveJobs_shows_while_open_and_whose_end_is_mailed()
    {
        var tenant = await server.NewTenantAsync();
        var options = Options.Replace("<emailSetting>None</emailSetting>", "<emailSetting>JobCompletion</emailSetting>", StringComparison.Ordinal);

        var first = await PostAsync(server.BaseAddress, AuthDocument(tenant), Open(tenant.CompanyHandle, "two posts", options: options),
            FilePart("one.png", TestMedia.SolidImage(300, 200, ".png")));
        var active = await Eventually.WaitAsync(() => ActiveJobsAsync(tenant), jobs => jobs.Any(j => (string?)j.Element(Ips + "state") == "Running"),
            "the upload job to be running");
        // As the IPS reference's example sends it: the company's root path in front and an empty folder name.
        var second = await PostAsync(server.BaseAddress, AuthDocument(tenant), Add(tenant.CompanyHandle, first.JobHandle, "<endJob>true</endJob>"),
            FilePart($"{tenant.CompanyName}/spring//two.png", TestMedia.SolidImage(310, 200, ".png")));

        var job = Assert.Single(active);
        Assert.Equal(("UploadPost", "two posts"), ((string?)job.Element(Ips + "type"), (string?)job.Element(Ips + "name")));
        Assert.Equal("JobCompletion", (string?)job.Element(Ips + "uploadPostJob")!.Element(Ips + "emailSetting"));
        Assert.Equal(first.JobHandle, second.JobHandle);
        var run = await server.WaitForRunAsync(tenant, "two posts", r => r.EndedAt is not null);
        Assert.Equal(("Done", 2, 2), (run.State, run.FileSuccess, run.TotalFiles));
        Assert.Empty(await ActiveJobsAsync(tenant));
        Assert.NotNull(await AssetRow.LoadAsync(server, tenant.CompanyHandle, "one.png"));
        Assert.NotNull(await AssetRow.LoadAsync(server, tenant.CompanyHandle, "spring/two.png"));
        var mail = await Eventually.WaitAsync(() => Task.FromResult(server.Smtp.Messages().Where(m => m.Subject == "IPS job \"two posts\" succeeded").ToList()),
            found => found.Count > 0, "the job's completion email");
        Assert.Contains(tenant.Email, Assert.Single(mail).To.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_upload_options_work_as_in_uploadUrlsJob()
    {
        var tenant = await server.NewTenantAsync();
        var framed = TestMedia.FramedImage(400, 300, 50);

        var first = await PostAsync(server.BaseAddress, AuthDocument(tenant), Open(tenant.CompanyHandle, "options", "<endJob>true</endJob>",
            "<overwrite>false</overwrite><readyForPublish>false</readyForPublish><createMask>true</createMask>"
            + "<knockoutBackgroundOptions><corner>UpperLeft</corner><tolerance>0.1</tolerance><fillMethod>FloodFill</fillMethod></knockoutBackgroundOptions>"
            + "<manualCropOptions><left>10</left><right>20</right><top>30</top><bottom>40</bottom></manualCropOptions>"
            + "<photoshopOptions><process>MaintainLayers</process></photoshopOptions><emailSetting>None</emailSetting>"),
            FilePart("framed.png", framed));
        var run = await server.WaitForRunAsync(tenant, "options", r => r.EndedAt is not null);
        var again = await PostAsync(server.BaseAddress, AuthDocument(tenant), Open(tenant.CompanyHandle, "again", "<endJob>true</endJob>",
            Options.Replace("<overwrite>true</overwrite>", "<overwrite>false</overwrite>", StringComparison.Ordinal)),
            FilePart("framed.png", TestMedia.SolidImage(100, 100, ".png")));

        Assert.False(first.IsFault || again.IsFault, first.Text + again.Text);
        Assert.Equal(("Done", 1, 1), (run.State, run.FileSuccess, run.FileWarning)); // the Photoshop layers are not kept: a warning
        var asset = (await AssetRow.LoadAsync(server, tenant.CompanyHandle, "framed.png"))!;
        var (width, height, _) = TestMedia.Size(Path.Combine(server.StorageRoot, asset.Renditions["Pyramid:optimized"]));
        Assert.Equal((370, 230), (width, height));
        var mask = Path.Combine(server.StorageRoot, asset.Renditions["Mask:mask"]);
        Assert.True(TestMedia.Pixel(mask, 2, 2)[0] < 10, "the knocked-out background is transparent in the mask");
        Assert.False(asset.ReadyForPublish);
        var skipped = await server.WaitForRunAsync(tenant, "again", r => r.EndedAt is not null);
        Assert.Equal((0, 1), (skipped.FileSuccess, skipped.FileDuplicate));
        Assert.Equal(400, (await AssetRow.LoadAsync(server, tenant.CompanyHandle, "framed.png"))!.Width);
    }

    public static TheoryData<string> RefusedFirstPosts() =>
    [
        "wrong password", "no credentials", "no uploadParams part", "DTD in auth", "DTD in uploadParams", "nesting in uploadParams",
        "truncated multipart", "not multipart", "dot-dot in a file name", "control character in a file name", "file over the limit",
        "body over the limit", "neither jobName nor jobHandle", "no upload options", "unknown emailSetting", "company of others",
        "role that may not upload", "file part without a name", "two auth parts",
    ];

    [Theory]
    [MemberData(nameof(RefusedFirstPosts))]
    public async Task A_refused_first_post_answers_its_fault_and_keeps_nothing(string what)
    {
        var tenant = await server.NewTenantAsync(what == "role that may not upload" ? UserRole.IpsCompanyAdmin : UserRole.IpsUser);
        var company = tenant.CompanyHandle;
        var image = FilePart("a.png", TestMedia.SolidImage(64, 64, ".png"));
        var before = UploadLeftovers(server.StorageRoot);
        const string Bomb = "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>";

        var (answer, element, code) = what switch
        {
            "wrong password" => (await PostAsync(server.BaseAddress, AuthDocument(tenant with { Password = "wrong" }), Open(company, "j"), image), "authenticationFault", 10001),
            "no credentials" => (await PostAsync(server.BaseAddress, null, Open(company, "j"), image), "authenticationFault", 10000),
            "no uploadParams part" => (await PostAsync(server.BaseAddress, AuthDocument(tenant), null, image), "ipsApiFault", 30002),
            "DTD in auth" => (await PostAsync(server.BaseAddress, Bomb + AuthDocument(tenant).Replace("<appName>UploadTests", "<appName>&b;", StringComparison.Ordinal), Open(company, "j"), image), "ipsApiFault", 30003),
            "DTD in uploadParams" => (await PostAsync(server.BaseAddress, AuthDocument(tenant), Bomb + Open(company, "&b;"), image), "ipsApiFault", 30003),
            "nesting in uploadParams" => (await PostAsync(server.BaseAddress, AuthDocument(tenant),
                Open(company, "j", string.Concat(Enumerable.Repeat("<x>", 500)) + string.Concat(Enumerable.Repeat("</x>", 500))), image), "ipsApiFault", 30003),
            "truncated multipart" => (await TruncatedAsync(tenant), "ipsApiFault", 30003),
            "not multipart" => (await SendAsync(server.BaseAddress, new StringContent(Open(company, "j"), Encoding.UTF8, "text/xml")), "ipsApiFault", 30003),
            "dot-dot in a file name" => (await PostAsync(server.BaseAddress, AuthDocument(tenant), Open(company, "j"), FilePart("../../escape.png", image.Bytes)), "ipsApiFault", 30001),
            "control character in a file name" => (await PostAsync(server.BaseAddress, AuthDocument(tenant), Open(company, "j"), FilePart("a\u0001b.png", image.Bytes)), "ipsApiFault", 30001),
            "file over the limit" => (await PostAsync(server.BaseAddress, AuthDocument(tenant), Open(company, "j"), FilePart("big.bin", new byte[(2 * 1024 * 1024) + 1])), "ipsApiFault", 30001),
            "body over the limit" => (await PostAsync(server.BaseAddress, AuthDocument(tenant), Open(company, "j"),
                FilePart("one.bin", new byte[1600 * 1024]), FilePart("two.bin", new byte[1600 * 1024])), "ipsApiFault", 30003),
            "neither jobName nor jobHandle" => (await PostAsync(server.BaseAddress, AuthDocument(tenant),
                $"<uploadPostParam xmlns=\"{Dated}\"><companyHandle>{company}</companyHandle><uploadParams>{Options}</uploadParams></uploadPostParam>", image), "ipsApiFault", 30002),
            "no upload options" => (await PostAsync(server.BaseAddress, AuthDocument(tenant),
                $"<uploadPostParam xmlns=\"{Dated}\"><companyHandle>{company}</companyHandle><jobName>j</jobName></uploadPostParam>", image), "ipsApiFault", 30002),
            "unknown emailSetting" => (await PostAsync(server.BaseAddress, AuthDocument(tenant), Open(company, "j", options: Options.Replace("None", "Sometimes", StringComparison.Ordinal)), image), "ipsApiFault", 30001),
            "company of others" => (await PostAsync(server.BaseAddress, AuthDocument(tenant), Open((await server.NewTenantAsync()).CompanyHandle, "j"), image), "authorizationFault", 20006),
            "role that may not upload" => (await PostAsync(server.BaseAddress, AuthDocument(tenant), Open(company, "j"), image), "authorizationFault", 20003),
            "file part without a name" => (await PostAsync(server.BaseAddress, AuthDocument(tenant), Open(company, "j"), new UploadPart("file", null, image.Bytes)), "ipsApiFault", 30002),
            "two auth parts" => (await TwoAuthPartsAsync(tenant), "ipsApiFault", 30003),
            _ => throw new ArgumentException(what, nameof(what)),
        };

        Assert.True(answer.IsFault, answer.Text);
        Assert.Equal((500, element, code), (answer.Status, answer.FaultElement, answer.FaultCode));
        Assert.Equal(0, await server.CountJobsAsync(company));
        Assert.Equal(0, await AssetRow.CountAsync(server, company));
        Assert.Empty(UploadLeftovers(server.StorageRoot).Except(before));
    }

    [Fact]
    public async Task A_fault_comes_with_the_status_faultHttpStatusCode_asks_for()
    {
        var tenant = await server.NewTenantAsync();

        var answer = await PostAsync(server.BaseAddress, AuthDocument(tenant with { Password = "wrong" }, "<faultHttpStatusCode>200</faultHttpStatusCode>"),
            Open(tenant.CompanyHandle, "j"), FilePart("a.png", TestMedia.SolidImage(64, 64, ".png")));

        Assert.Equal((200, "authenticationFault", 10001), (answer.Status, answer.FaultElement, answer.FaultCode));
    }

    [Fact]
    public async Task HTTP_Basic_signs_in_without_an_auth_part()
    {
        var tenant = await server.NewTenantAsync();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Open(tenant.CompanyHandle, "basic", "<endJob>true</endJob>"), Encoding.UTF8, "text/xml"), "uploadParams" },
            { new ByteArrayContent(TestMedia.SolidImage(64, 64, ".png")), "file", "basic.png" },
        };

        var answer = await SendAsync(server.BaseAddress, content, request => request.Headers.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{tenant.Email}:{tenant.Password}"))));

        Assert.Equal($"{tenant.CompanyHandle}|basic|", answer.JobHandle);
        Assert.Equal(1, (await server.WaitForRunAsync(tenant, "basic", r => r.EndedAt is not null)).FileSuccess);
    }

    [Fact]
    public async Task Later_posts_of_another_user_or_company_or_to_an_ended_job_are_refused_and_the_job_stays_as_it_was()
    {
        var tenant = await server.NewTenantAsync();
        var colleague = await server.NewColleagueAsync(tenant, UserRole.IpsUser);
        var stranger = await server.NewTenantAsync();
        var image = FilePart("late.png", TestMedia.SolidImage(64, 64, ".png"));
        var opened = await PostAsync(server.BaseAddress, AuthDocument(tenant), Open(tenant.CompanyHandle, "mine"), FilePart("first.png", image.Bytes));
        var handle = opened.JobHandle;
        var before = UploadLeftovers(server.StorageRoot);

        var byColleague = await PostAsync(server.BaseAddress, AuthDocument(colleague), Add(tenant.CompanyHandle, handle), image);
        var intoForeignCompany = await PostAsync(server.BaseAddress, AuthDocument(stranger), Add(tenant.CompanyHandle, handle), image);
        var asOwnCompany = await PostAsync(server.BaseAddress, AuthDocument(stranger), Add(stranger.CompanyHandle, handle), image);
        var ended = await PostAsync(server.BaseAddress, AuthDocument(tenant), Add(tenant.CompanyHandle, handle, "<endJob>true</endJob>"));
        var afterEnd = await PostAsync(server.BaseAddress, AuthDocument(tenant), Add(tenant.CompanyHandle, handle), image);

        Assert.Equal(("authorizationFault", 20007), (byColleague.FaultElement, byColleague.FaultCode));
        Assert.Equal(("authorizationFault", 20006), (intoForeignCompany.FaultElement, intoForeignCompany.FaultCode));
        Assert.Equal(("authorizationFault", 20000), (asOwnCompany.FaultElement, asOwnCompany.FaultCode));
        Assert.Equal(handle, ended.JobHandle);
        Assert.Equal(("ipsApiFault", 30001), (afterEnd.FaultElement, afterEnd.FaultCode));
        Assert.Contains("has ended", afterEnd.FaultReason, StringComparison.Ordinal);
        var run = await server.WaitForRunAsync(tenant, "mine", r => r.EndedAt is not null);
        Assert.Equal(("Done", 1, 1), (run.State, run.FileSuccess, run.TotalFiles));
        Assert.Equal(1, await AssetRow.CountAsync(server, tenant.CompanyHandle));
        Assert.Empty(UploadLeftovers(server.StorageRoot).Except(before));
    }

    [Theory]
    [InlineData("stopJob")]
    [InlineData("deleteJob")]
    public async Task A_stopped_or_deleted_upload_job_ends_and_takes_no_further_post(string operation)
    {
        var tenant = await server.NewTenantAsync();
        var opened = await PostAsync(server.BaseAddress, AuthDocument(tenant), Open(tenant.CompanyHandle, "steered"), FilePart("first.png", TestMedia.SolidImage(64, 64, ".png")));
        await server.WaitForRunAsync(tenant, "steered", r => r.FileSuccess == 1);

        var steered = await SteerAsync(tenant, operation, opened.JobHandle);
        var run = await server.WaitForRunAsync(tenant, "steered", r => r.EndedAt is not null);
        var late = await PostAsync(server.BaseAddress, AuthDocument(tenant), Add(tenant.CompanyHandle, opened.JobHandle), FilePart("late.png", TestMedia.SolidImage(64, 64, ".png")));

        Assert.False(steered.IsFault, steered.Text);
        Assert.Equal(("Stopped", 1), (run.State, run.FileSuccess));
        Assert.Equal(("ipsApiFault", 30001), (late.FaultElement, late.FaultCode));
        Assert.Equal(1, await AssetRow.CountAsync(server, tenant.CompanyHandle));
        Assert.Empty(await ActiveJobsAsync(tenant));
    }

    [Fact]
    public async Task A_paused_upload_job_takes_posts_and_ingests_them_when_resumed()
    {
        var tenant = await server.NewTenantAsync();
        var opened = await PostAsync(server.BaseAddress, AuthDocument(tenant), Open(tenant.CompanyHandle, "paused"), FilePart("one.png", TestMedia.SolidImage(64, 64, ".png")));
        await server.WaitForRunAsync(tenant, "paused", r => r.FileSuccess == 1);

        var paused = await SteerAsync(tenant, "pauseJob", opened.JobHandle);
        await server.WaitForRunAsync(tenant, "paused", r => r.State == "Paused");
        var whilePaused = await PostAsync(server.BaseAddress, AuthDocument(tenant), Add(tenant.CompanyHandle, opened.JobHandle), FilePart("two.png", TestMedia.SolidImage(64, 64, ".png")));
        var stillOne = await AssetRow.CountAsync(server, tenant.CompanyHandle);
        var resumed = await SteerAsync(tenant, "resumeJob", opened.JobHandle);
        var ended = await PostAsync(server.BaseAddress, AuthDocument(tenant), Add(tenant.CompanyHandle, opened.JobHandle, "<endJob>true</endJob>"));
        var done = await server.WaitForRunAsync(tenant, "paused", r => r.State == "Done");

        Assert.False(paused.IsFault || resumed.IsFault, paused.Text + resumed.Text);
        Assert.Equal(opened.JobHandle, whilePaused.JobHandle);
        Assert.Equal(opened.JobHandle, ended.JobHandle);
        Assert.Equal(1, stillOne);
        Assert.Equal(1, done.FileSuccess); // the run after the resume ingested the file that came meanwhile
        Assert.Equal(2, await AssetRow.CountAsync(server, tenant.CompanyHandle));
    }

    [Fact]
    public async Task The_sweep_deletes_staged_files_no_row_names_and_closes_upload_jobs_no_run_will_finish()
    {
        var tenant = await server.NewTenantAsync();
        var opened = await PostAsync(server.BaseAddress, AuthDocument(tenant), Open(tenant.CompanyHandle, "abandoned"));
        await server.WaitForRunAsync(tenant, "abandoned", r => r.State == "Running");
        // A job whose run failed long ago, leaving a file it had not ingested; and a file a dead node staged without its row.
        var jobId = await server.ScalarAsync<long>("select id from jobs where name = 'abandoned' and company_id = (select id from companies where handle = @c)",
            ("c", tenant.CompanyHandle));
        var pending = Staged();
        var orphan = Staged();
        await server.ExecuteAsync("insert into upload_files (job_id, staged_key, folder, name, client_name, size) values (@job, @key, '', 'pending.png', 'pending.png', 3)",
            ("job", jobId), ("key", pending));
        await server.ExecuteAsync("update jobs set released_at = now() - interval '2 hours' where id = @job", ("job", jobId));

        var (jobs, _) = await server.Services.GetRequiredService<UploadJanitor>().SweepAsync(CancellationToken.None);

        Assert.True(jobs >= 1);
        Assert.False(File.Exists(Path.Combine(server.StorageRoot, pending)));
        Assert.False(File.Exists(Path.Combine(server.StorageRoot, orphan)));
        Assert.Equal(0L, await server.ScalarAsync<long>("select count(*) from upload_files where job_id = @job", ("job", jobId)));
        var late = await PostAsync(server.BaseAddress, AuthDocument(tenant), Add(tenant.CompanyHandle, opened.JobHandle), FilePart("late.png", TestMedia.SolidImage(64, 64, ".png")));
        Assert.Equal(30001, late.FaultCode);
    }

    private static readonly XNamespace Ips = Envelopes.Ips;

    /// <summary>A staged file written two hours ago, as a node that died then would have left it.</summary>
    private string Staged()
    {
        var key = $"{UploadStaging.Root}/staged/{Guid.NewGuid():N}-000000";
        var path = Path.Combine(server.StorageRoot, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-2));
        return key;
    }

    private Task<SoapResponse> SteerAsync(TestTenant tenant, string operation, string jobHandle) => server.PostAsync(Envelopes.Soap11(tenant,
        $"<{operation}Param xmlns=\"{Envelopes.Ips}\"><companyHandle>{tenant.CompanyHandle}</companyHandle><jobHandle>{jobHandle}</jobHandle></{operation}Param>"));

    private async Task<IReadOnlyList<XElement>> ActiveJobsAsync(TestTenant tenant)
    {
        var response = await server.PostAsync(Envelopes.Soap11(tenant,
            $"<getActiveJobsParam xmlns=\"{Envelopes.Ips}\"><companyHandle>{tenant.CompanyHandle}</companyHandle></getActiveJobsParam>"));
        Assert.False(response.IsFault, response.Text);
        return [.. response.BodyElement.Element(Ips + "jobArray")!.Elements(Ips + "items")];
    }

    /// <summary>A body that breaks off in the middle of a file part: no closing boundary.</summary>
    private Task<UploadAnswer> TruncatedAsync(TestTenant tenant)
    {
        var body = "--cut\r\nContent-Disposition: form-data; name=\"auth\"\r\n\r\n" + AuthDocument(tenant)
            + "\r\n--cut\r\nContent-Disposition: form-data; name=\"uploadParams\"\r\n\r\n" + Open(tenant.CompanyHandle, "j")
            + "\r\n--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.png\"\r\n\r\nsome bytes, then nothing";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");
        return SendAsync(server.BaseAddress, content);
    }

    private Task<UploadAnswer> TwoAuthPartsAsync(TestTenant tenant)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(AuthDocument(tenant), Encoding.UTF8, "text/xml"), "auth" },
            { new StringContent(AuthDocument(tenant), Encoding.UTF8, "text/xml"), "auth" },
            { new StringContent(Open(tenant.CompanyHandle, "j"), Encoding.UTF8, "text/xml"), "uploadParams" },
        };
        return SendAsync(server.BaseAddress, content);
    }
}
