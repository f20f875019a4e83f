using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;
using Microsoft.Extensions.DependencyInjection;
using static IpsApi.IntegrationTests.Logs.LogTestKit;

namespace IpsApi.IntegrationTests.Logs;

/// <summary>getJobLogs: one entry per run, with what a user reads in a job list.</summary>
[Collection(ServerCollection.Name)]
public sealed class GetJobLogsTests(ServerFixture server)
{
    private readonly LogTestKit _kit = new(server);

    [Fact]
    public async Task GetJobLogs_lists_each_run_with_handle_names_submitter_dates_and_counts_newest_first()
    {
        var tenant = await server.NewTenantAsync();
        var description = "<description>Spring images</description>" + PublishServerDirectory;
        _kit.WriteFiles(tenant, "a.jpg", "b.jpg", "c.jpg");
        var published = await _kit.RunAsync(tenant, "spring", description);
        var failed = await _kit.FailAsync(tenant, "broken");

        var logs = Items(await _kit.OkAsync(tenant, LogBodies.GetJobLogs(tenant.CompanyHandle)));

        Assert.Equal([HandleOf(tenant, "broken", failed), HandleOf(tenant, "spring", published)], logs.Select(l => Text(l, "jobHandle")));
        var spring = logs[1];
        Assert.Equal(tenant.CompanyHandle, Text(spring, "companyHandle"));
        Assert.Equal("spring", Text(spring, "jobName"));
        Assert.Equal("spring", Text(spring, "originalJobName"));
        Assert.Equal(tenant.Email, Text(spring, "submitUserEmail"));
        Assert.Equal("EndServerDirectoryPublish", Text(spring, "logType"));
        Assert.Equal("", Text(spring, "jobSubType"));
        Assert.Equal("Spring images", Text(spring, "description"));
        Assert.Equal(published.StartedAt, Date(spring, "startDate"));
        Assert.Equal(published.EndedAt, Date(spring, "endDate"));
        Assert.Equal((3, 0, 0, 3), (Int(spring, "fileSuccessCount"), Int(spring, "fileErrorCount"), Int(spring, "fileWarningCount"), Int(spring, "totalFileCount")));
        Assert.Equal("false", Text(spring, "fatalError"));
        Assert.Null(spring.Element(Ips + "detailArray"));

        var broken = logs[0];
        Assert.Equal("EndMetadata", Text(broken, "logType"));
        Assert.Equal("", Text(broken, "description"));
        Assert.Equal(1, Int(broken, "fileErrorCount"));
        Assert.Equal("true", Text(broken, "fatalError"));
    }

    [Fact]
    public async Task GetJobLogs_sorts_by_every_sortBy_value_in_both_directions()
    {
        var world = await TwoCompaniesAsync();
        var bravo = await _kit.PublishAsync(world.First, "bravo", "1.txt", "2.txt");
        var alpha = await _kit.FailAsync(world.Colleague, "alpha");
        var charlie = await _kit.PublishAsync(world.Second, "charlie", "3.txt");

        async Task<string[]> SortedAsync(string sortBy, string direction) =>
            Items(await _kit.OkAsync(world.First, LogBodies.GetJobLogs(sortBy: sortBy, sortDirection: direction)))
                .Select(l => Text(l, "jobName")).ToArray();

        // bravo and charlie are the first user's (email "zed-..."), alpha the colleague's ("amy-..."); handles are u|<id>.
        var firstUserFirst = string.CompareOrdinal(world.First.UserHandle, world.Colleague.UserHandle) < 0;
        var expected = new Dictionary<string, string[]>
        {
            ["JobName"] = ["alpha", "bravo", "charlie"],
            ["LogType"] = ["alpha", "bravo", "charlie"],
            ["StartDate"] = ["bravo", "alpha", "charlie"],
            ["CompanyName"] = ["bravo", "alpha", "charlie"],
            ["UserId"] = firstUserFirst ? ["bravo", "charlie", "alpha"] : ["alpha", "bravo", "charlie"],
            ["Email"] = ["alpha", "bravo", "charlie"],
            ["FileErrorCount"] = ["bravo", "charlie", "alpha"],
            ["FileWarningCount"] = ["bravo", "alpha", "charlie"],
            ["FileSuccessCount"] = ["alpha", "charlie", "bravo"],
        };
        foreach (var (sortBy, ascending) in expected)
        {
            // The sortBy rides along so that a failure names it.
            Assert.Equal((sortBy, string.Join(", ", ascending)), (sortBy, string.Join(", ", await SortedAsync(sortBy, "Ascending"))));
            // Descending reverses the order, ties included (they are broken by run in the same direction).
            Assert.Equal((sortBy, string.Join(", ", Enumerable.Reverse(ascending))),
                (sortBy, string.Join(", ", await SortedAsync(sortBy, "Descending"))));
        }

        Assert.Equal(["charlie", "alpha", "bravo"], Items(await _kit.OkAsync(world.First, LogBodies.GetJobLogs())).Select(l => Text(l, "jobName")));
        Assert.True(bravo.Id < alpha.Id && alpha.Id < charlie.Id);
    }

    [Fact]
    public async Task GetJobLogs_without_companyHandle_covers_the_callers_companies_only_and_filters_by_submitter()
    {
        var world = await TwoCompaniesAsync();
        await _kit.PublishAsync(world.First, "mine", "1.txt");
        await _kit.FailAsync(world.Colleague, "theirs");
        await _kit.PublishAsync(world.Second, "elsewhere", "2.txt");
        var stranger = await server.NewTenantAsync();
        await _kit.FailAsync(stranger, "not visible");

        var forFirst = Items(await _kit.OkAsync(world.First, LogBodies.GetJobLogs()));
        var forColleague = Items(await _kit.OkAsync(world.Colleague, LogBodies.GetJobLogs()));
        var byColleague = Items(await _kit.OkAsync(world.First, LogBodies.GetJobLogs(userHandle: world.Colleague.UserHandle)));
        var inSecond = Items(await _kit.OkAsync(world.First, LogBodies.GetJobLogs(world.Second.CompanyHandle)));

        Assert.Equal(["elsewhere", "theirs", "mine"], forFirst.Select(l => Text(l, "jobName")));
        Assert.Equal(["theirs", "mine"], forColleague.Select(l => Text(l, "jobName")));
        Assert.Equal(["theirs"], byColleague.Select(l => Text(l, "jobName")));
        Assert.Equal(world.Colleague.Email, Text(byColleague[0], "submitUserEmail"));
        Assert.Equal(["elsewhere"], inSecond.Select(l => Text(l, "jobName")));
        Assert.Equal(world.Second.CompanyHandle, Text(inSecond[0], "companyHandle"));
    }

    [Fact]
    public async Task GetJobLogs_keeps_runs_in_the_start_date_window_and_returns_at_most_numRows()
    {
        var tenant = await server.NewTenantAsync();
        var first = await _kit.PublishAsync(tenant, "first", "1.txt");
        var second = await _kit.FailAsync(tenant, "second");
        var third = await _kit.PublishAsync(tenant, "third", "2.txt");

        async Task<string[]> NamesAsync(string body) => Items(await _kit.OkAsync(tenant, body)).Select(l => Text(l, "jobName")).ToArray();

        Assert.Equal(["second", "first"], await NamesAsync(LogBodies.GetJobLogs(tenant.CompanyHandle, startDate: first.StartedAt, endDate: second.StartedAt)));
        Assert.Equal(["third", "second"], await NamesAsync(LogBodies.GetJobLogs(tenant.CompanyHandle, startDate: second.StartedAt)));
        Assert.Equal(["first"], await NamesAsync(LogBodies.GetJobLogs(tenant.CompanyHandle, endDate: first.StartedAt)));
        Assert.Empty(await NamesAsync(LogBodies.GetJobLogs(tenant.CompanyHandle, startDate: third.StartedAt.AddSeconds(1))));
        Assert.Equal(["third", "second"], await NamesAsync(LogBodies.GetJobLogs(tenant.CompanyHandle, numRows: 2)));
        Assert.Equal(["first"], await NamesAsync(LogBodies.GetJobLogs(tenant.CompanyHandle, sortDirection: "Ascending", numRows: 1)));
        Assert.Equal(3, (await NamesAsync(LogBodies.GetJobLogs(tenant.CompanyHandle, numRows: 5000))).Length);
    }

    [Fact]
    public async Task GetJobLogs_dates_without_zone_are_in_the_servers_zone()
    {
        var tenant = await server.NewTenantAsync();
        var run = await _kit.PublishAsync(tenant, "zoned", "1.txt");
        var berlin = TimeZoneInfo.ConvertTime(run.StartedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        var wall = berlin.AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        var body = $"<getJobLogsParam xmlns=\"{Envelopes.Ips}\"><companyHandle>{tenant.CompanyHandle}</companyHandle><startDate>{wall}</startDate></getJobLogsParam>";
        var logs = Items(await _kit.OkAsync(tenant, body));

        Assert.Single(logs);
    }

    [Fact]
    public async Task GetJobLogs_keeps_the_runs_of_a_deleted_job()
    {
        var tenant = await server.NewTenantAsync();
        var run = await _kit.PublishAsync(tenant, "deleted later", "1.txt");
        await server.ExecuteAsync("update jobs set deleted_at = now() where id = (select job_id from job_runs where id = @id)", ("id", run.Id));

        var logs = Items(await _kit.OkAsync(tenant, LogBodies.GetJobLogs(tenant.CompanyHandle)));

        Assert.Equal([HandleOf(tenant, "deleted later", run)], logs.Select(l => Text(l, "jobHandle")));
    }

    [Fact]
    public async Task An_ImagePortalUser_reads_the_job_logs_of_its_company()
    {
        var tenant = await server.NewTenantAsync();
        var reader = await _kit.ColleagueAsync(tenant, UserRole.ImagePortalUser);
        var run = await _kit.PublishAsync(tenant, "for the portal", "1.txt");

        var logs = Items(await _kit.OkAsync(reader, LogBodies.GetJobLogs(tenant.CompanyHandle)));

        Assert.Equal([HandleOf(tenant, "for the portal", run)], logs.Select(l => Text(l, "jobHandle")));
    }

    [Theory]
    [InlineData("Size", null, null, "sortBy")]
    [InlineData("jobname", null, null, "sortBy")]
    [InlineData(null, "Up", null, "sortDirection")]
    [InlineData(null, null, 0, "numRows")]
    public async Task GetJobLogs_with_an_invalid_option_is_refused_with_30001(string? sortBy, string? sortDirection, int? numRows, string named)
    {
        var tenant = await server.NewTenantAsync();

        var response = await _kit.FaultAsync(tenant, LogBodies.GetJobLogs(tenant.CompanyHandle, sortBy: sortBy, sortDirection: sortDirection, numRows: numRows));

        Assert.Equal(30001, response.FaultCode);
        Assert.Contains(named, response.FaultReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetJobLogs_is_refused_for_an_unknown_user_a_foreign_company_and_an_unknown_company_alike()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();

        var unknownUser = await _kit.FaultAsync(tenant, LogBodies.GetJobLogs(tenant.CompanyHandle, userHandle: "u|no-such-user"));
        var otherUser = await _kit.FaultAsync(tenant, LogBodies.GetJobLogs(tenant.CompanyHandle, userHandle: other.UserHandle));
        var otherUserEverywhere = await _kit.FaultAsync(tenant, LogBodies.GetJobLogs(userHandle: other.UserHandle));
        var foreign = await _kit.FaultAsync(tenant, LogBodies.GetJobLogs(other.CompanyHandle));
        var unknown = await _kit.FaultAsync(tenant, LogBodies.GetJobLogs("no-such-company"));

        Assert.Equal((30001, "Invalid parameter userHandle: no user 'u|no-such-user'"), (unknownUser.FaultCode, unknownUser.FaultReason));
        // A user of another company reads exactly like no user: the answer does not confirm who exists elsewhere.
        Assert.Equal((30001, $"Invalid parameter userHandle: no user '{other.UserHandle}'"), (otherUser.FaultCode, otherUser.FaultReason));
        Assert.Equal((30001, $"Invalid parameter userHandle: no user '{other.UserHandle}'"), (otherUserEverywhere.FaultCode, otherUserEverywhere.FaultReason));
        Assert.Equal(20006, foreign.FaultCode);
        Assert.Equal("authorizationFault", foreign.FaultDetail.Name.LocalName);
        Assert.Equal((20006, foreign.FaultReason.Replace(other.CompanyHandle, "no-such-company", StringComparison.Ordinal)), (unknown.FaultCode, unknown.FaultReason));
    }

    /// <summary>
    /// Two companies ("A ..." and "B ...") with one user in both (zed-...) and a colleague in the first (amy-...):
    /// names chosen so that every sort key orders the runs differently.
    /// </summary>
    private async Task<(TestTenant First, TestTenant Second, TestTenant Colleague)> TwoCompaniesAsync()
    {
        var accounts = server.Services.GetRequiredService<AccountStore>();
        var id = Guid.NewGuid().ToString("N")[..10];
        var (a, b) = ($"ca{id}", $"cb{id}");
        await accounts.AddCompanyAsync(a, $"A company {id}");
        await accounts.AddCompanyAsync(b, $"B company {id}");
        var zed = await accounts.AddUserAsync(new NewUser($"zed-{id}@example.test", $"pw-{id}", UserRole.IpsUser, [a, b]));
        var amy = await accounts.AddUserAsync(new NewUser($"amy-{id}@example.test", $"pw-{id}", UserRole.IpsUser, [a]));
        return (new TestTenant(a, zed!.Email, $"pw-{id}", zed.Handle),
            new TestTenant(b, zed.Email, $"pw-{id}", zed.Handle),
            new TestTenant(a, amy!.Email, $"pw-{id}", amy.Handle));
    }
}
