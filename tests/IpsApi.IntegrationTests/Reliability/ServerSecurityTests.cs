using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Admin;

namespace IpsApi.IntegrationTests.Reliability;

/// <summary>
/// A black-box sweep of one server process (its own database and storage root) through what a tenant can try
/// against the job engine: links out of the server directory, exports larger than delivery renders, answers that
/// tell what exists, and what the admin command does to accounts. Each attempt is checked as a user would: the
/// fault on the wire, the rows, the files served.
/// </summary>
[Collection(ReliabilityRun.Collection)]
public sealed class ServerSecurityTests
{
    private const string Ips = Envelopes.Ips;

    [Fact]
    public async Task What_a_tenant_tries_against_files_exports_answers_and_accounts_holds()
    {
        await using var database = await TestDatabase.CreateAsync("security");
        var storage = Directory.CreateTempSubdirectory("ipsapi-security-").FullName;
        var outside = Directory.CreateTempSubdirectory("ipsapi-outside-").FullName;
        var rows = new List<Outcome>();
        try
        {
            await using var node = await ServerProcess.StartAsync(database.ConnectionString, "security-node", storage);
            using var http = new HttpClient();
            var tenant = database.Tenant;
            var accounts = new AccountStore(database.Db);
            await accounts.AddCompanyAsync("78", "Other Co");
            var otherUser = await accounts.AddUserAsync(new NewUser("other@example.test", "other-pw", UserRole.IpsUser, ["78"]));
            var admin = await accounts.AddUserAsync(new NewUser("root@example.test", "root-pw", UserRole.IpsAdmin, []));

            async Task<XDocument> PostAsync(string header, string body)
            {
                var envelope = $"<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Header>{header}</soapenv:Header>"
                    + $"<soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>";
                using var content = new StringContent(envelope, Encoding.UTF8);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
                using var response = await http.PostAsync(node.ServiceAddress, content);
                return XDocument.Parse(await response.Content.ReadAsStringAsync());
            }

            Task<XDocument> AsTenant(string body) => PostAsync(Envelopes.AuthHeader(tenant.Email, tenant.Password), body);
            static (int? Code, string Reason) Fault(XDocument answer) =>
                (answer.Descendants(XName.Get("code", Ips)).Select(c => (int?)int.Parse(c.Value, CultureInfo.InvariantCulture)).FirstOrDefault(),
                 answer.Descendants(XName.Get("reason", Ips)).FirstOrDefault()?.Value ?? "");
            async Task<string> RunAsync(string jobName, string job)
            {
                var answer = await AsTenant(Envelopes.SubmitJobBody(tenant.CompanyHandle, jobName, job));
                Assert.True(Fault(answer).Code is null, answer.ToString());
                var run = await Eventually.WaitAsync(() => database.ScalarAsync<long>(
                        "select coalesce(max(r.id), 0) from job_runs r join jobs j on j.id = r.job_id where j.name = @n and r.ended_at is not null", ("n", jobName)),
                    id => id > 0, $"the run of {jobName}");
                return await database.ScalarAsync<string>(
                    "select coalesce(string_agg(log_type || ' ' || message || ' ' || coalesce(asset_name, ''), E'\\n' order by id), '') from job_log_details where run_id = @r",
                    ("r", run));
            }

            Task<long> Count(string sql, params (string, object)[] parameters) => database.ScalarAsync<long>(sql, parameters);

            // Links out of the server directory.
            var folder = await database.ScalarAsync<string>("select storage_folder from companies where handle = @h", ("h", tenant.CompanyHandle));
            var server = new IpsApi.Jobs.Storage.CompanyFolders(storage, new IpsApi.Assets.Files.CompanyStorage(folder)).Server;
            Directory.CreateDirectory(Path.Combine(outside, "sub"));
            await File.WriteAllBytesAsync(Path.Combine(outside, "sub", "secret.png"), TestMedia.SolidImage(64, 48, ".png"));
            await File.WriteAllTextAsync(Path.Combine(outside, "passwd"), "outside");
            Directory.CreateDirectory(Path.Combine(server, "in"));
            await File.WriteAllBytesAsync(Path.Combine(server, "in", "small.png"), TestMedia.SolidImage(64, 48, ".png"));
            Directory.CreateSymbolicLink(Path.Combine(server, "lnk"), outside);
            Directory.CreateSymbolicLink(Path.Combine(server, "in", "folder-link"), outside);
            File.CreateSymbolicLink(Path.Combine(server, "in", "passwd.png"), Path.Combine(outside, "passwd"));
            var upload = "<includeSubfolders>true</includeSubfolders><createMask>false</createMask><processMetadataFiles>false</processMetadataFiles>"
                + "<emailSetting>None</emailSetting></uploadDirectoryJob>";
            var escapes = new List<string>();
            // "./lnk/sub" and "lnk/../lnk/sub" do not get that far: '.' and '..' are refused at submit.
            var dotted = Fault(await AsTenant(Envelopes.SubmitJobBody(tenant.CompanyHandle, "upload dotted",
                $"<uploadDirectoryJob><serverDir>./lnk/sub</serverDir><overwrite>true</overwrite><readyForPublish>false</readyForPublish>{upload}")));
            Assert.Equal(30001, dotted.Code);
            foreach (var dir in new[] { "lnk", "lnk/sub", "/lnk/sub/", "in" })
            {
                escapes.Add(await RunAsync($"upload {dir}", $"<uploadDirectoryJob><serverDir>{dir}</serverDir><overwrite>true</overwrite><readyForPublish>false</readyForPublish>{upload}"));
            }

            var publish = await RunAsync("publish server", "<serverDirectoryPublishJob><emailSetting>None</emailSetting></serverDirectoryPublishJob>");
            var served = new List<HttpStatusCode>();
            foreach (var path in new[] { "lnk/sub/secret.png", "in/passwd.png", "in/folder-link/passwd", "in/small.png" })
            {
                using var response = await http.GetAsync(new Uri(node.BaseAddress, $"/is/content/{tenant.CompanyHandle}/{path}"));
                served.Add(response.StatusCode);
            }

            Assert.Equal(1L, await Count("select count(*) from assets"));
            Assert.Equal(0L, await Count("select count(*) from assets where name <> 'small.png'"));
            Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK], served);
            Assert.All(escapes.Take(3), log => Assert.Contains("does not exist in the company's server folder", log, StringComparison.Ordinal));
            Assert.DoesNotContain("secret", publish + string.Concat(escapes), StringComparison.Ordinal);
            rows.Add(new Outcome("uploadDirectoryJob through `server/lnk -> /outside` (`lnk`, `lnk/sub`, `/lnk/sub/`; `./lnk/sub`), a folder with a link to a folder and a link to a file outside; serverDirectoryPublishJob of it all",
                "5 uploads, 1 publish, 4 fetches", "nothing from outside ingested, published or served (404; `./lnk/sub` refused at submit with 30001); the regular file inside uploaded and served", "-"));

            // Exports larger than delivery renders.
            var asset = await database.ScalarAsync<long>("select id from assets where name = 'small.png'");
            var exportRefusals = new List<(int?, string)>();
            foreach (var modifiers in new[] { "wid=8192&amp;hei=8192&amp;fit=stretch", "wid=8192&amp;hei=8192", "scl=0.0001" })
            {
                exportRefusals.Add(Fault(await AsTenant(Envelopes.SubmitJobBody(tenant.CompanyHandle, "huge export",
                    $"<exportJob><assetHandleArray><items>a|{tenant.CompanyHandle}|{asset}</items></assetHandleArray><fmt>convert</fmt>"
                    + $"<is_modifier>{modifiers}</is_modifier><emailSetting>None</emailSetting></exportJob>"))));
            }

            Assert.All(exportRefusals, f => Assert.Equal(30001, f.Item1));
            Assert.Equal(0L, await Count("select count(*) from jobs where name = 'huge export'"));
            rows.Add(new Outcome("exportJob `fmt=convert` of a 64×48 image with `wid=8192&hei=8192&fit=stretch`, `wid=8192&hei=8192`, `scl=0.0001`", "3",
                "30001 at submit, nothing stored (run time checks again from the file's header)", "refused sizes " + string.Join(", ", exportRefusals.Select(f =>
                    System.Text.RegularExpressions.Regex.Match(f.Item2, @"would be (\d+ x \d+) pixels").Groups[1].Value)) + " (limits 4096 per side, 16777216 pixels)"));

            // Answers that would tell what exists.
            var unknownCompany = Fault(await AsTenant(Envelopes.SubmitJobBody("no-such-company", "probe", "<createVideoSitemapJob/>")));
            var otherCompany = Fault(await AsTenant(Envelopes.SubmitJobBody("78", "probe", "<createVideoSitemapJob/>")));
            var unknownUser = Fault(await AsTenant($"<getJobLogsParam xmlns=\"{Ips}\"><userHandle>u|no-such-user</userHandle></getJobLogsParam>"));
            var otherUserLogs = Fault(await AsTenant($"<getJobLogsParam xmlns=\"{Ips}\"><userHandle>{otherUser!.Handle}</userHandle></getJobLogsParam>"));
            var notifyAdmin = Fault(await AsTenant($"<submitJobParam xmlns=\"{Ips}\"><companyHandle>{tenant.CompanyHandle}</companyHandle><userHandle>{admin!.Handle}</userHandle>"
                + "<jobName>mail root</jobName><createVideoSitemapJob/></submitJobParam>"));
            var localName = await RunAsync("fetch internal", "<uploadUrlsJob><urlArray><items><sourceUrl>http://localhost:9/x.png</sourceUrl><destPath>x.png</destPath></items></urlArray>"
                + "<overwrite>true</overwrite><readyForPublish>false</readyForPublish><createMask>false</createMask><emailSetting>None</emailSetting></uploadUrlsJob>");

            Assert.Equal((20006, otherCompany.Reason.Replace("78", "no-such-company", StringComparison.Ordinal)), unknownCompany);
            Assert.Equal((30001, unknownUser.Reason.Replace("u|no-such-user", otherUser.Handle, StringComparison.Ordinal)), otherUserLogs);
            Assert.Equal(20002, notifyAdmin.Code);
            Assert.Contains("host localhost resolves to an address this server does not call", localName, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", localName, StringComparison.Ordinal);
            Assert.DoesNotContain("loopback", localName, StringComparison.Ordinal);
            rows.Add(new Outcome("a company that does not exist vs one of others; getJobLogs `userHandle` of no user vs of another company's user; a job's `userHandle` naming an IpsAdmin outside the company; uploadUrlsJob of `http://localhost:9/`",
                "5", "the same fault for what does not exist and what is not the caller's (20006, 30001); 20002 for the outsider; the refusal names the host, not its address or kind", "-"));

            // Accounts: password rules, disabling and deleting, with the node remembering the password.
            var weak = new List<int>();
            foreach (var password in new[] { "pw", "short-pw-11", "password1234", "aaaaaaaaaaaaaa" })
            {
                weak.Add(await AdminCommand.RunAsync(["user", "add", "weak@example.test", password, "IpsUser", "77"], TextWriter.Null, TextWriter.Null, database.ConnectionString));
            }

            var probe = Envelopes.SubmitJobBody(tenant.CompanyHandle, "account probe", "<execTime>2099-01-01T00:00:00Z</execTime><createVideoSitemapJob/>");
            var before = Fault(await AsTenant(probe)).Code;
            await AdminCommand.RunAsync(["user", "disable", tenant.Email], TextWriter.Null, TextWriter.Null, database.ConnectionString);
            var disabled = Fault(await AsTenant(probe)).Code;
            await AdminCommand.RunAsync(["user", "enable", tenant.Email], TextWriter.Null, TextWriter.Null, database.ConnectionString);
            var enabled = Fault(await AsTenant(Envelopes.SubmitJobBody(tenant.CompanyHandle, "account probe 2", "<execTime>2099-01-01T00:00:00Z</execTime><createVideoSitemapJob/>"))).Code;
            await AdminCommand.RunAsync(["user", "delete", tenant.Email], TextWriter.Null, TextWriter.Null, database.ConnectionString);
            var deleted = Fault(await AsTenant(probe)).Code;

            Assert.All(weak, code => Assert.Equal(64, code));
            Assert.Equal(0L, await Count("select count(*) from users where email = 'weak@example.test'"));
            Assert.Equal((null, 10002, null, 10001), (before, disabled, enabled, deleted));
            rows.Add(new Outcome("admin `user add` with passwords of 2 and 11 characters, a common one, one repeated character; `user disable`, `enable`, `delete` of a user whose password the node had just verified (credential cache on, 60 s)",
                "4 + 4 calls", "weak passwords refused (exit 64, no row); the disabled user refused at once (10002), back after enable, the deleted one refused at once (10001)", "-"));
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
            Directory.Delete(outside, recursive: true);
        }

        ReliabilityRun.Record("security-server", "Security: server directory, exports, answers, accounts", rows,
            "One server process on a database of its own, driven over HTTP as a tenant would; the admin command run as an operator would.");
    }
}
