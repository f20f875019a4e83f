using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;

namespace IpsApi.IntegrationTests.Reliability;

/// <summary>
/// Two nodes on one database, with sign-ins never cached (every call pays the password hash) and a small lock
/// limit: every operation refuses missing and wrong credentials and other companies' handles, a user name guessed
/// at too often is locked on both nodes for a while, and a wrong user costs what a wrong password costs.
/// </summary>
[Collection(ReliabilityRun.Collection)]
public sealed class AuthenticationReliabilityTests(AuthenticationReliabilityTests.TwoNodes nodes) : IClassFixture<AuthenticationReliabilityTests.TwoNodes>
{
    private const int MaxFailedSignIns = 5;
    private const int LockoutSeconds = 4;
    private const string Ips = Envelopes.Ips;

    private readonly TestDatabase _database = nodes.Database;
    private readonly ServerProcess _first = nodes.First;
    private readonly ServerProcess _second = nodes.Second;
    private readonly HttpClient _http = nodes.Http;

    /// <summary>The two nodes every test of the class signs in to.</summary>
    public sealed class TwoNodes : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = null!;

        public ServerProcess First { get; private set; } = null!;

        public ServerProcess Second { get; private set; } = null!;

        public HttpClient Http { get; } = new();

        public async Task InitializeAsync()
        {
            Database = await TestDatabase.CreateAsync("auth");
            var storage = Directory.CreateTempSubdirectory("ipsapi-auth-").FullName;
            var settings = new Dictionary<string, string>
            {
                ["IPSAPI_AUTH__CREDENTIALCACHESECONDS"] = "0",
                ["IPSAPI_AUTH__MAXFAILEDSIGNINS"] = MaxFailedSignIns.ToString(CultureInfo.InvariantCulture),
                ["IPSAPI_AUTH__LOCKOUTSECONDS"] = LockoutSeconds.ToString(CultureInfo.InvariantCulture),
            };
            First = await ServerProcess.StartAsync(Database.ConnectionString, "node-a", storage, environment: settings);
            Second = await ServerProcess.StartAsync(Database.ConnectionString, "node-b", storage, environment: settings);
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await First.DisposeAsync();
            await Second.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    /// <summary>A minimal valid body of each operation, naming a company and, where it takes one, a job or asset.</summary>
    private static readonly (string Operation, Func<string, string, string> Body)[] Operations =
    [
        ("submitJob", (company, _) => Envelopes.SubmitJobBody(company, "auth probe", "<createVideoSitemapJob/>")),
        ("getActiveJobs", (company, job) => $"<getActiveJobsParam xmlns=\"{Ips}\"><companyHandle>{company}</companyHandle><jobHandle>{job}</jobHandle></getActiveJobsParam>"),
        ("getScheduledJobs", (company, job) => $"<getScheduledJobsParam xmlns=\"{Ips}\"><companyHandle>{company}</companyHandle><jobHandle>{job}</jobHandle></getScheduledJobsParam>"),
        ("getJobLogs", (company, _) => $"<getJobLogsParam xmlns=\"{Ips}\"><companyHandle>{company}</companyHandle></getJobLogsParam>"),
        ("getJobLogDetails", (company, job) => $"<getJobLogDetailsParam xmlns=\"{Ips}\"><companyHandle>{company}</companyHandle><jobHandle>{job}</jobHandle></getJobLogDetailsParam>"),
        ("getAssetJobLogs", (company, _) => $"<getAssetJobLogsParam xmlns=\"{Ips}\"><companyHandle>{company}</companyHandle><assetHandle>a|88|1</assetHandle></getAssetJobLogsParam>"),
        ("stopJob", (company, job) => $"<stopJobParam xmlns=\"{Ips}\"><companyHandle>{company}</companyHandle><jobHandle>{job}</jobHandle></stopJobParam>"),
        ("pauseJob", (company, job) => $"<pauseJobParam xmlns=\"{Ips}\"><companyHandle>{company}</companyHandle><jobHandle>{job}</jobHandle></pauseJobParam>"),
        ("resumeJob", (company, job) => $"<resumeJobParam xmlns=\"{Ips}\"><companyHandle>{company}</companyHandle><jobHandle>{job}</jobHandle></resumeJobParam>"),
        ("executeJob", (company, job) => $"<executeJobParam xmlns=\"{Ips}\"><companyHandle>{company}</companyHandle><jobHandle>{job}</jobHandle></executeJobParam>"),
        ("deleteJob", (company, job) => $"<deleteJobParam xmlns=\"{Ips}\"><companyHandle>{company}</companyHandle><jobHandle>{job}</jobHandle></deleteJobParam>"),
    ];

    [Fact]
    public async Task Every_operation_refuses_missing_and_wrong_credentials_and_other_companies_and_their_handles()
    {
        var accounts = new AccountStore(_database.Db);
        await accounts.AddCompanyAsync("88", "Other Co");
        await accounts.AddUserAsync(new NewUser("other@example.test", "other-pw", UserRole.IpsUser, ["88"]));
        var other = new TestTenant("88", "other@example.test", "other-pw", "");
        // A job of the other company that stays: scheduled far ahead.
        var theirs = await OkAsync(_first, other, Envelopes.SubmitJobBody("88", "their job",
            "<execSchedule>0 0 3 1 1 ? 2099</execSchedule><createVideoSitemapJob/>"));
        Assert.Equal("88|their job|", theirs.Descendants(XName.Get("jobHandle", Ips)).Single().Value);
        var theirJobBefore = await TheirJobAsync();

        var checks = 0;
        var failures = new List<string>();
        var tenant = _database.Tenant;
        // Wrong passwords go to a user of their own: they lock it, and the tenant must stay able to sign in.
        var victim = await CloneUserAsync("victim");
        foreach (var (operation, body) in Operations)
        {
            var mine = body(tenant.CompanyHandle, $"{tenant.CompanyHandle}|no such job|");
            await ExpectAsync(operation, "no credentials", Envelopes.Soap11("", mine), [10000]);
            await ExpectAsync(operation, "wrong password", Envelopes.Soap11(Envelopes.AuthHeader(victim.Email, "not-the-password"), mine), [10001]);
            await ExpectAsync(operation, "unknown user", Envelopes.Soap11(Envelopes.AuthHeader($"ghost-{operation}@example.test", "x"), mine), [10001]);
            await ExpectAsync(operation, "empty password", Envelopes.Soap11(Envelopes.AuthHeader(victim.Email, ""), mine), [10001]);
            await ExpectAsync(operation, "another company", Envelopes.Soap11(tenant, body("88", "88|their job|")), [20006]);
            await ExpectAsync(operation, "HTTP Basic with a wrong password", Envelopes.Soap11("", mine), [10001],
                basic: $"{victim.Email}:wrong");
            if (operation is "submitJob" or "getJobLogs")
            {
                continue; // no handle to name
            }

            await ExpectAsync(operation, "another company's job handle", Envelopes.Soap11(tenant, body(tenant.CompanyHandle, "88|their job|")), [20000, 30001],
                okIf: answer => !answer.Contains("their job", StringComparison.Ordinal) && !answer.Contains("88|", StringComparison.Ordinal));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(theirJobBefore, await TheirJobAsync());
        Assert.Equal(0, await _database.ScalarAsync<long>("select count(*) from jobs where name = 'auth probe'"));

        ReliabilityRun.Record("auth-refusals", "Authentication: every operation refuses",
        [
            new Outcome($"{Operations.Length} operations × (no credentials, wrong password, unknown user, empty password, HTTP Basic with a wrong password, another company; and for the 9 that name a job or asset, another company's handle)",
                checks.ToString(CultureInfo.InvariantCulture), "every call refused (10000 / 10001 / 20006 / 20000, or nothing of the other company shown); the other company's job unchanged; nothing submitted",
                "-"),
        ]);

        async Task ExpectAsync(string operation, string what, string envelope, int[] codes, Func<string, bool>? okIf = null, string? basic = null)
        {
            checks++;
            var (status, answer) = await PostAsync(checks % 2 == 0 ? _first : _second, envelope, basic);
            var code = CodeOf(answer);
            if (code is { } c && codes.Contains(c))
            {
                return;
            }

            if (code is null && okIf is not null && okIf(answer))
            {
                return;
            }

            failures.Add($"{operation} with {what}: expected {string.Join(" or ", codes)}, got HTTP {status} {answer[..Math.Min(300, answer.Length)]}");
        }
    }

    [Fact]
    public async Task A_user_name_guessed_at_too_often_is_locked_on_every_node_for_a_while()
    {
        var tenant = await CloneUserAsync("locked");
        var body = Envelopes.SubmitJobBody(tenant.CompanyHandle, "after lock", "<createVideoSitemapJob/>");

        for (var attempt = 0; attempt < MaxFailedSignIns; attempt++)
        {
            var (_, answer) = await PostAsync(attempt % 2 == 0 ? _first : _second, Envelopes.Soap11(Envelopes.AuthHeader(tenant.Email, $"guess {attempt}"), body));
            Assert.Equal(10001, CodeOf(answer));
        }

        // The right password, on either node, is now refused too, and the answer says why.
        foreach (var node in new[] { _first, _second })
        {
            var (_, answer) = await PostAsync(node, Envelopes.Soap11(tenant, body));
            Assert.Equal(10001, CodeOf(answer));
            Assert.Contains("too many failed sign-ins", answer, StringComparison.Ordinal);
        }

        // An unknown name is locked the same way, so a lock tells nothing about which emails exist.
        for (var attempt = 0; attempt <= MaxFailedSignIns; attempt++)
        {
            await PostAsync(_first, Envelopes.Soap11(Envelopes.AuthHeader("nobody-at-all@example.test", "x"), body));
        }

        var (_, ghost) = await PostAsync(_second, Envelopes.Soap11(Envelopes.AuthHeader("nobody-at-all@example.test", "x"), body));
        Assert.Contains("too many failed sign-ins", ghost, StringComparison.Ordinal);

        // After the lock runs out, the right password works again.
        var locked = Stopwatch.StartNew();
        await Eventually.WaitAsync(async () => CodeOf((await PostAsync(_second, Envelopes.Soap11(tenant, body))).Answer), code => code is null,
            "the lock to run out", timeoutSeconds: LockoutSeconds + 30);
        Assert.True(locked.Elapsed >= TimeSpan.FromSeconds(LockoutSeconds - 2), $"unlocked after {locked.Elapsed}");
    }

    [Fact]
    public async Task A_wrong_user_and_a_wrong_password_take_the_same_time()
    {
        var samples = ReliabilityRun.Size(40, 600);
        // Each wrong password goes to a user of its own, so no lock interferes with the measurement.
        var hash = await _database.ScalarAsync<string>("select password_hash from users where email = @e", ("e", _database.Tenant.Email));
        await _database.ScalarAsync<int>(
            "with i as (insert into users (handle, email, password_hash, role) select 'u|t' || g, 'timing-' || g || '@example.test', @hash, 'IpsUser' from generate_series(1, @n) g returning 1) select count(*)::int from i",
            ("hash", hash), ("n", samples));
        var body = Envelopes.SubmitJobBody("77", "timing", "<createVideoSitemapJob/>");
        var wrongUser = new List<double>();
        var wrongPassword = new List<double>();
        for (var warmup = 0; warmup < 5; warmup++)
        {
            await PostAsync(_first, Envelopes.Soap11(Envelopes.AuthHeader($"warmup-{warmup}@example.test", "x"), body));
        }

        for (var i = 1; i <= samples; i++)
        {
            // Interleaved, in an order that alternates, so drift in the machine's load hits both alike.
            var pair = i % 2 == 0
                ? new[] { (wrongUser, $"ghost-{i}@example.test"), (wrongPassword, $"timing-{i}@example.test") }
                : new[] { (wrongPassword, $"timing-{i}@example.test"), (wrongUser, $"ghost-{i}@example.test") };
            foreach (var (into, email) in pair)
            {
                var started = Stopwatch.GetTimestamp();
                var (_, answer) = await PostAsync(_first, Envelopes.Soap11(Envelopes.AuthHeader(email, "not-it"), body));
                into.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Assert.Equal(10001, CodeOf(answer));
            }
        }

        var userMedian = ReliabilityRun.Percentile(wrongUser, 50);
        var passwordMedian = ReliabilityRun.Percentile(wrongPassword, 50);
        // A statistical sanity check, not a speed goal: without the dummy hash the unknown user would answer in a
        // fraction of the time (no PBKDF2), far outside this band.
        var ratio = userMedian / passwordMedian;
        Assert.InRange(ratio, 0.7, 1.43);

        ReliabilityRun.Record("auth-timing", "Authentication: wrong user vs wrong password",
        [
            new Outcome("unknown user (10001)", samples.ToString(CultureInfo.InvariantCulture), "same answer as a wrong password",
                $"median {ReliabilityRun.Ms(userMedian)}, p90 {ReliabilityRun.Ms(ReliabilityRun.Percentile(wrongUser, 90))}, mean {ReliabilityRun.Ms(wrongUser.Average())}"),
            new Outcome("wrong password of an existing user (10001)", samples.ToString(CultureInfo.InvariantCulture), "same answer as an unknown user",
                $"median {ReliabilityRun.Ms(passwordMedian)}, p90 {ReliabilityRun.Ms(ReliabilityRun.Percentile(wrongPassword, 90))}, mean {ReliabilityRun.Ms(wrongPassword.Average())}; median ratio {ratio.ToString("0.00", CultureInfo.InvariantCulture)}"),
        ], "Measured from the client over loopback, interleaved, sign-in cache off; both paths run the lock check, the user lookup, one PBKDF2 (210,000 iterations; a dummy hash for unknown users) and record the failure.");
    }

    private async Task<TestTenant> CloneUserAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.test"[..40];
        await new AccountStore(_database.Db).AddUserAsync(new NewUser(email, "right-pw", UserRole.IpsUser, ["77"]));
        return new TestTenant("77", email, "right-pw", "");
    }

    private Task<string> TheirJobAsync() => _database.ScalarAsync<string>(
        "select coalesce(string_agg(j.name || ':' || j.paused || ':' || (select count(*) from job_runs r where r.job_id = j.id), ','), '') from jobs j join companies c on c.id = j.company_id where c.handle = '88'");

    private async Task<XDocument> OkAsync(ServerProcess node, TestTenant tenant, string body)
    {
        var (status, answer) = await PostAsync(node, Envelopes.Soap11(tenant, body));
        Assert.True(status == 200, answer);
        return XDocument.Parse(answer);
    }

    private async Task<(int Status, string Answer)> PostAsync(ServerProcess node, string envelope, string? basic = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, node.ServiceAddress) { Content = new StringContent(envelope, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        if (basic is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        }

        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static int? CodeOf(string answer)
    {
        var code = XDocument.Parse(answer).Descendants(XName.Get("code", Ips)).FirstOrDefault();
        return code is null ? null : (int)code;
    }
}
