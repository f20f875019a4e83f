using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;

namespace IpsApi.IntegrationTests.Reliability;

/// <summary>
/// Two nodes on one database, behind a trusted "proxy" (the test names each request's client in X-Forwarded-For),
/// with sign-ins never cached (every call pays the password hash) and small backoff limits: every operation refuses
/// missing and wrong credentials and other companies' handles, a user name or an address guessed from too often waits
/// longer and longer on both nodes but is never locked for good, and a wrong user costs what a wrong password costs.
/// </summary>
[Collection(ReliabilityRun.Collection)]
public sealed class AuthenticationReliabilityTests(AuthenticationReliabilityTests.TwoNodes nodes) : IClassFixture<AuthenticationReliabilityTests.TwoNodes>
{
    private const int MaxFailedSignIns = 5;
    private const int MaxFailedSignInsPerAddress = 8;
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
                ["IPSAPI_AUTH__MAXFAILEDSIGNINSPERADDRESS"] = MaxFailedSignInsPerAddress.ToString(CultureInfo.InvariantCulture),
                ["IPSAPI_AUTH__LOCKOUTSECONDS"] = LockoutSeconds.ToString(CultureInfo.InvariantCulture),
                ["IPSAPI_PROXY__TRUSTEDPROXIES"] = "127.0.0.1",
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
    public async Task A_user_name_guessed_at_too_often_backs_off_on_every_node_and_is_never_locked_for_good()
    {
        var tenant = await CloneUserAsync("backoff");
        var body = Envelopes.SubmitJobBody(tenant.CompanyHandle, "after backoff", "<createVideoSitemapJob/>");
        var ghost = await GuessUntilCountedAsync($"nobody-{Guid.NewGuid():N}@example.test", body);
        var name = await GuessUntilCountedAsync(tenant.Email, body);

        // The right password, on either node, is refused while the name waits, and the answer says why.
        foreach (var node in new[] { _first, _second })
        {
            var (_, answer) = await PostAsync(node, Envelopes.Soap11(tenant, body));
            Assert.Equal(10001, CodeOf(answer));
            Assert.Contains("too many failed sign-ins", answer, StringComparison.Ordinal);
        }

        // Guesses during the wait are refused without being counted: they do not make it longer.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            Assert.Contains("too many failed sign-ins", (await PostAsync(_second, Envelopes.Soap11(Envelopes.AuthHeader(tenant.Email, $"more {attempt}"), body))).Answer,
                StringComparison.Ordinal);
        }

        // The owner gets in once the wait is over (the ceiling, LockoutSeconds, after the last counted guess).
        await Eventually.WaitAsync(async () => CodeOf((await PostAsync(_second, Envelopes.Soap11(tenant, body))).Answer), code => code is null,
            "the wait to run out", timeoutSeconds: LockoutSeconds + 30);
        var waited = name.SinceLastCounted.Elapsed;

        // An unknown name backs off the same way, so a wait tells nothing about which emails exist.
        Assert.Equal(name.Waits, ghost.Waits);
        Assert.Equal([1, 2, 4], name.Waits);
        Assert.InRange(waited.TotalSeconds, LockoutSeconds - 1, LockoutSeconds + 30);

        ReliabilityRun.Record("security-backoff", "Security: sign-in backoff (per name, two nodes)",
        [
            new Outcome($"{MaxFailedSignIns + 3} wrong passwords for a known name, then 10 more during the wait, alternating nodes",
                (MaxFailedSignIns + 13).ToString(CultureInfo.InvariantCulture),
                "waits of 1, 2, 4 s after the free failures (the ceiling), on both nodes; guesses during a wait refused uncounted; the right password works after the wait",
                $"right password accepted {waited.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s after the last counted guess (ceiling {LockoutSeconds} s)"),
            new Outcome("the same for a name that belongs to no user", (MaxFailedSignIns + 3).ToString(CultureInfo.InvariantCulture),
                "the same waits and the same answer: no email can be told to exist", $"waits {string.Join(", ", ghost.Waits)} s"),
        ]);
    }

    [Fact]
    public async Task An_address_that_tries_many_names_backs_off_while_others_sign_in()
    {
        var tenant = await CloneUserAsync("bystander");
        var body = Envelopes.SubmitJobBody(tenant.CompanyHandle, "address probe", "<createVideoSitemapJob/>");
        const string attacker = "203.0.113.77";
        for (var attempt = 0; attempt < MaxFailedSignInsPerAddress; attempt++)
        {
            var (_, answer) = await PostAsync(attempt % 2 == 0 ? _first : _second,
                Envelopes.Soap11(Envelopes.AuthHeader($"spray-{attempt}-{Guid.NewGuid():N}@example.test", "123456"), body), from: attacker);
            Assert.Equal(10001, CodeOf(answer));
        }

        var fromAttacker = await PostAsync(_second, Envelopes.Soap11(tenant, body), from: attacker);
        var fromElsewhere = await PostAsync(_first, Envelopes.Soap11(tenant, body), from: "198.51.100.20");

        Assert.Contains("too many failed sign-ins", fromAttacker.Answer, StringComparison.Ordinal);
        Assert.Null(CodeOf(fromElsewhere.Answer));
        ReliabilityRun.Record("security-address-backoff", "Security: sign-in backoff (per source address)",
        [
            new Outcome($"{MaxFailedSignInsPerAddress} unknown names from one address (X-Forwarded-For from the trusted proxy), then a valid user from it and from another",
                (MaxFailedSignInsPerAddress + 2).ToString(CultureInfo.InvariantCulture),
                "the address waits, even with a valid user's right password; the same user from another address signs in", "-"),
        ]);
    }

    [Fact]
    public async Task Failures_of_names_that_belong_to_no_one_expire_and_are_purged()
    {
        var body = Envelopes.SubmitJobBody("77", "purge probe", "<createVideoSitemapJob/>");
        var ghost = $"passing-{Guid.NewGuid():N}@example.test";
        await PostAsync(_first, Envelopes.Soap11(Envelopes.AuthHeader(ghost, "x"), body));
        var expires = await _database.ScalarAsync<DateTime>("select expires_at from sign_in_failures where key = @k", ("k", "name:" + ghost));
        Assert.InRange(expires, DateTime.UtcNow.AddSeconds(-5), DateTime.UtcNow.AddSeconds(930));

        // Time passes (the row's expiry moved into the past), and the next failure of anyone purges it.
        await _database.ScalarAsync<int>("with u as (update sign_in_failures set expires_at = now() - interval '1 second' where key = @k returning 1) select count(*)::int from u",
            ("k", "name:" + ghost));
        await PostAsync(_second, Envelopes.Soap11(Envelopes.AuthHeader($"other-{Guid.NewGuid():N}@example.test", "x"), body));

        Assert.Equal(0L, await _database.ScalarAsync<long>("select count(*) from sign_in_failures where key = @k", ("k", "name:" + ghost)));
        Assert.Equal(0L, await _database.ScalarAsync<long>("select count(*) from sign_in_failures where expires_at < now() - interval '1 minute'"));
    }

    /// <summary>
    /// Guesses wrong passwords for <paramref name="email"/> from changing addresses until the free failures and three
    /// more have counted, like a patient guesser; returns the waits announced after each counted one past the free
    /// ones (seconds) and a clock started at the last counted guess.
    /// </summary>
    private async Task<(List<int> Waits, Stopwatch SinceLastCounted)> GuessUntilCountedAsync(string email, string body)
    {
        var counted = 0;
        var waits = new List<int>();
        var sinceLast = Stopwatch.StartNew();
        var deadline = Stopwatch.StartNew();
        while (counted < MaxFailedSignIns + 3 && deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            var (_, answer) = await PostAsync(counted % 2 == 0 ? _first : _second, Envelopes.Soap11(Envelopes.AuthHeader(email, $"guess {counted}"), body));
            Assert.Equal(10001, CodeOf(answer));
            if (answer.Contains("too many failed sign-ins", StringComparison.Ordinal))
            {
                await Task.Delay(200);
                continue;
            }

            counted++;
            sinceLast.Restart();
            if (counted >= MaxFailedSignIns)
            {
                // The wait this failure set, read where every node reads it (a sign-in would count when the wait is over).
                waits.Add(await _database.ScalarAsync<int>(
                    "select coalesce(ceil(extract(epoch from blocked_until - now())), 0)::int from sign_in_failures where key = @k",
                    ("k", "name:" + email.ToLowerInvariant())));
            }
        }

        return (waits.Take(3).ToList(), sinceLast);
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

    /// <summary>
    /// Posts as a client at <paramref name="from"/> (X-Forwarded-For, believed from the loopback "proxy"); by default a
    /// new address each time, so the per-address backoff only counts where a test means it to.
    /// </summary>
    private async Task<(int Status, string Answer)> PostAsync(ServerProcess node, string envelope, string? basic = null, string? from = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, node.ServiceAddress) { Content = new StringContent(envelope, Encoding.UTF8) };
        request.Headers.Add("X-Forwarded-For", from ?? $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
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
