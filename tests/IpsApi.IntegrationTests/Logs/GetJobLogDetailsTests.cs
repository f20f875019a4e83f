using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static IpsApi.IntegrationTests.Logs.LogTestKit;
using IpsApi.Jobs.Engine.Cron;

namespace IpsApi.IntegrationTests.Logs;

/// <summary>getJobLogDetails: the records of a run, a job or a submitted name, paged, filtered and in the caller's language.</summary>
[Collection(ServerCollection.Name)]
public sealed class GetJobLogDetailsTests(ServerFixture server)
{
    private static readonly string[] PublishRecords =
    [
        "BeginServerDirectoryPublish", "OriginalJobName", "JobType", "JobClient", "TotalFileCount",
        "ServerDirectoryPublishSuccess", "ServerDirectoryPublishSuccess", "ServerDirectoryPublishSuccess", "EndServerDirectoryPublish",
    ];

    private readonly LogTestKit _kit = new(server);

    [Fact]
    public async Task A_run_handle_gives_that_run_with_every_record_in_the_order_written()
    {
        var tenant = await server.NewTenantAsync();
        var run = await _kit.PublishAsync(tenant, "spring", "a.jpg", "b.jpg", "c.jpg");
        var handle = HandleOf(tenant, "spring", run);

        var logs = Items(await _kit.OkAsync(tenant, LogBodies.GetJobLogDetails(tenant.CompanyHandle, handle)));

        var log = Assert.Single(logs);
        Assert.Equal(handle, Text(log, "jobHandle"));
        Assert.Equal("spring", Text(log, "jobName"));
        Assert.Equal("EndServerDirectoryPublish", Text(log, "logType"));
        Assert.Equal(3, Int(log, "fileSuccessCount"));
        Assert.Equal(9, Int(log, "detailTotalRows"));
        var details = Details(log);
        Assert.Equal(PublishRecords, details.Select(d => Text(d, "logType")));
        Assert.Equal("spring started on test-node", Text(details[0], "logMessage"));
        Assert.Equal("spring", Text(details[1], "logMessage"));
        Assert.Equal("ServerDirectoryPublish", Text(details[2], "logMessage"));
        Assert.Equal("(no appName given)", Text(details[3], "logMessage"));
        Assert.Equal("3", Text(details[4], "logMessage"));
        Assert.Equal(["a.jpg", "b.jpg", "c.jpg"], details.Skip(5).Take(3).Select(d => Text(d, "assetName")));
        Assert.All(details.Skip(5).Take(3), d => Assert.Equal(("Published", "PublishCatalog"), (Text(d, "logMessage"), Text(d, "assetType"))));
        Assert.Null(details[0].Element(Ips + "assetName"));
        Assert.Equal("spring ended: Done", Text(details[8], "logMessage"));
        var dates = details.Select(d => Date(d, "dateCreated")).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.InRange(dates[0], run.StartedAt, run.EndedAt!.Value);
    }

    [Fact]
    public async Task Details_come_in_pages_with_the_total_and_sorted_by_date_or_log_type()
    {
        var tenant = await server.NewTenantAsync();
        var run = await _kit.PublishAsync(tenant, "paged", "a.jpg", "b.jpg", "c.jpg");
        var handle = HandleOf(tenant, "paged", run);

        async Task<(int Total, string[] Types)> PageAsync(int? perPage, int? page, string? sortBy = null, string? direction = null)
        {
            var log = Items(await _kit.OkAsync(tenant, LogBodies.GetJobLogDetails(
                tenant.CompanyHandle, handle, recordsPerPage: perPage, resultsPage: page, sortBy: sortBy, sortDirection: direction))).Single();
            return (Int(log, "detailTotalRows"), Details(log).Select(d => Text(d, "logType")).ToArray());
        }

        var pages = new[] { await PageAsync(4, 1), await PageAsync(4, 2), await PageAsync(4, 3), await PageAsync(4, 4) };
        Assert.Equal([9, 9, 9, 9], pages.Select(p => p.Total));
        Assert.Equal([4, 4, 1, 0], pages.Select(p => p.Types.Length));
        Assert.Equal(PublishRecords, pages.SelectMany(p => p.Types));
        Assert.Equal(PublishRecords, (await PageAsync(null, null, "Date", "Ascending")).Types);
        Assert.Equal(Enumerable.Reverse(PublishRecords), (await PageAsync(null, null, "Date", "Descending")).Types);
        Assert.Equal(PublishRecords.Order(StringComparer.Ordinal), (await PageAsync(null, null, "LogType")).Types);
        Assert.Equal(PublishRecords.Order(StringComparer.Ordinal).Reverse(), (await PageAsync(null, null, "LogType", "Descending")).Types);
        Assert.Equal(9, (await PageAsync(5000, 1)).Types.Length);
    }

    [Fact]
    public async Task LogTypeArray_keeps_those_records_and_detailTotalRows_counts_only_them()
    {
        var tenant = await server.NewTenantAsync();
        var run = await _kit.PublishAsync(tenant, "filtered", "a.jpg", "b.jpg", "c.jpg");
        string[] types = ["ServerDirectoryPublishSuccess", "EndServerDirectoryPublish"];

        var all = Items(await _kit.OkAsync(tenant, LogBodies.GetJobLogDetails(
            tenant.CompanyHandle, HandleOf(tenant, "filtered", run), logTypes: types))).Single();
        var secondPage = Items(await _kit.OkAsync(tenant, LogBodies.GetJobLogDetails(
            tenant.CompanyHandle, HandleOf(tenant, "filtered", run), logTypes: types, recordsPerPage: 3, resultsPage: 2))).Single();

        Assert.Equal(4, Int(all, "detailTotalRows"));
        Assert.Equal([.. Enumerable.Repeat("ServerDirectoryPublishSuccess", 3), "EndServerDirectoryPublish"], Details(all).Select(d => Text(d, "logType")));
        Assert.Equal(4, Int(secondPage, "detailTotalRows"));
        Assert.Equal(["EndServerDirectoryPublish"], Details(secondPage).Select(d => Text(d, "logType")));
    }

    [Fact]
    public async Task A_job_handle_gives_every_run_of_the_job_newest_first()
    {
        var tenant = await server.NewTenantAsync();
        var handle = await server.SubmitAsync(tenant, "every second", $"<execSchedule>* * * * * ?</execSchedule>{PublishServerDirectory}");
        await Eventually.WaitAsync(() => server.RunsAsync(tenant, "every second"), r => r.Count(x => x.EndedAt is not null) >= 2, "two fires");
        await UnscheduleAsync(handle);
        var runs = await Eventually.WaitAsync(() => server.RunsAsync(tenant, "every second"), r => r.All(x => x.EndedAt is not null), "the last fire's end");

        var logs = Items(await _kit.OkAsync(tenant, LogBodies.GetJobLogDetails(tenant.CompanyHandle, handle)));

        Assert.Equal(runs.OrderByDescending(r => r.Id).Select(r => HandleOf(tenant, "every second", r)), logs.Select(l => Text(l, "jobHandle")));
        Assert.All(logs, l => Assert.Equal(Int(l, "detailTotalRows"), Details(l).Count));
        Assert.All(logs, l => Assert.Equal("BeginServerDirectoryPublish", Text(Details(l)[0], "logType")));
    }

    [Fact]
    public async Task An_originalName_gives_the_runs_of_every_job_submitted_under_it_and_a_jobHandle_wins_over_it()
    {
        var tenant = await server.NewTenantAsync();
        var first = await _kit.FailAsync(tenant, "nightly");
        // The name is free again once the first run is over: the second job gets it too.
        await server.SubmitAsync(tenant, "nightly", "<metadataPublishJob/>");
        var runs = await Eventually.WaitAsync(() => server.RunsAsync(tenant, "nightly"),
            r => r.Count == 2 && r.All(x => x.EndedAt is not null), "the second run");
        var second = runs[1];
        var other = await _kit.PublishAsync(tenant, "other", "a.jpg");

        var byName = Items(await _kit.OkAsync(tenant, LogBodies.GetJobLogDetails(tenant.CompanyHandle, originalName: "nightly")));
        var both = Items(await _kit.OkAsync(tenant, LogBodies.GetJobLogDetails(
            tenant.CompanyHandle, HandleOf(tenant, "other", other), originalName: "nightly")));
        var none = Items(await _kit.OkAsync(tenant, LogBodies.GetJobLogDetails(tenant.CompanyHandle, originalName: "never submitted")));

        Assert.Equal([HandleOf(tenant, "nightly", second), HandleOf(tenant, "nightly", first)], byName.Select(l => Text(l, "jobHandle")));
        Assert.All(byName, l => Assert.Contains(Details(l), d => Text(d, "logType") == "FatalError"
            && Text(d, "logMessage") == "Job type MetadataPublish is not supported yet by this server; nothing was done."));
        Assert.Equal([HandleOf(tenant, "other", other)], both.Select(l => Text(l, "jobHandle")));
        Assert.Empty(none);
    }

    [Fact]
    public async Task Messages_are_in_germanfor_an_authHeader_locale_de_DE()
    {
        var tenant = await server.NewTenantAsync();
        var run = await _kit.PublishAsync(tenant, "Frühling", "a.jpg");

        var log = Items(await _kit.OkAsync(tenant, LogBodies.GetJobLogDetails(tenant.CompanyHandle, HandleOf(tenant, "Frühling", run)),
            extraAuth: "<locale>de-DE</locale>")).Single();

        Assert.Equal(
            ["Frühling auf test-node gestartet", "Frühling", "ServerDirectoryPublish", "(kein appName angegeben)", "1",
             "Veröffentlicht", "Frühling beendet: abgeschlossen"],
            Details(log).Select(d => Text(d, "logMessage")));
    }

    [Fact]
    public async Task Messages_follow_Accept_Language_unless_the_authHeader_names_a_locale()
    {
        var tenant = await server.NewTenantAsync();
        var run = await _kit.FailAsync(tenant, "broken");
        var body = LogBodies.GetJobLogDetails(tenant.CompanyHandle, HandleOf(tenant, "broken", run), logTypes: ["FatalError"]);
        void German(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation("Accept-Language", "de-DE,de;q=0.9,en;q=0.5");

        var byHeader = Items(await _kit.OkAsync(tenant, body, configure: German)).Single();
        var byAuth = Items(await _kit.OkAsync(tenant, body, extraAuth: "<locale>en-US</locale>", configure: German)).Single();
        var japanese = Items(await _kit.OkAsync(tenant, body, extraAuth: "<locale>ja-JP</locale>")).Single();
        var austrian = Items(await _kit.OkAsync(tenant, body, extraAuth: "<locale>de-AT</locale>")).Single();

        const string german = "Der Jobtyp MetadataPublish wird von diesem Server noch nicht unterstützt; es wurde nichts ausgeführt.";
        Assert.Equal(german, Text(Details(byHeader).Single(), "logMessage"));
        Assert.Equal("Job type MetadataPublish is not supported yet by this server; nothing was done.", Text(Details(byAuth).Single(), "logMessage"));
        Assert.Equal("ジョブの種類 MetadataPublish は、このサーバーではまだサポートされていません。何も実行されませんでした。", Text(Details(japanese).Single(), "logMessage"));
        Assert.Equal(german, Text(Details(austrian).Single(), "logMessage"));
    }

    [Fact]
    public async Task A_request_in_a_dated_namespace_is_answered_in_it()
    {
        var tenant = await server.NewTenantAsync();
        var run = await _kit.PublishAsync(tenant, "dated", "a.jpg");
        XNamespace dated = "http://www.scene7.com/IpsApi/xsd/2014-04-03";

        var response = await server.PostAsync(Envelopes.Soap11(tenant, LogBodies.GetJobLogDetails(
            tenant.CompanyHandle, HandleOf(tenant, "dated", run), ns: dated.NamespaceName)), soapAction: "getJobLogDetails");

        Assert.Equal(200, response.Status);
        Assert.Equal(dated + "getJobLogDetailsReturn", response.BodyElement.Name);
        var log = response.BodyElement.Element(dated + "jobLogArray")!.Element(dated + "items")!;
        Assert.Equal(HandleOf(tenant, "dated", run), (string?)log.Element(dated + "jobHandle"));
        Assert.Equal(7, log.Element(dated + "detailArray")!.Elements(dated + "items").Count());
        WireSchema.AssertValid(InUnversionedNamespace(response.BodyElement));
    }

    [Fact]
    public async Task An_ImagePortalUser_reads_the_details_of_its_companys_runs()
    {
        var tenant = await server.NewTenantAsync();
        var reader = await _kit.ColleagueAsync(tenant, UserRole.ImagePortalUser);
        var run = await _kit.PublishAsync(tenant, "portal", "a.jpg");

        var log = Items(await _kit.OkAsync(reader, LogBodies.GetJobLogDetails(tenant.CompanyHandle, originalName: "portal"))).Single();

        Assert.Equal(HandleOf(tenant, "portal", run), Text(log, "jobHandle"));
        Assert.Equal(7, Int(log, "detailTotalRows"));
    }

    [Fact]
    public async Task Wrong_requests_are_refused_with_the_fault_a_client_can_act_on()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();
        var run = await _kit.FailAsync(tenant, "mine");
        var theirs = await _kit.FailAsync(other, "theirs");
        var handle = HandleOf(tenant, "mine", run);

        async Task<(int, string)> FaultOf(string body)
        {
            var response = await _kit.FaultAsync(tenant, body);
            return (response.FaultCode, response.FaultReason);
        }

        Assert.Equal(30002, (await FaultOf(LogBodies.GetJobLogDetails(null, handle))).Item1);
        Assert.Equal((30002, "Missing required parameter: jobHandle or originalName"), await FaultOf(LogBodies.GetJobLogDetails(tenant.CompanyHandle)));
        Assert.Equal(30001, (await FaultOf(LogBodies.GetJobLogDetails(tenant.CompanyHandle, "nonsense"))).Item1);
        Assert.Equal(30001, (await FaultOf(LogBodies.GetJobLogDetails(tenant.CompanyHandle, $"{tenant.CompanyHandle}|no such job|"))).Item1);
        Assert.Equal(30001, (await FaultOf(LogBodies.GetJobLogDetails(tenant.CompanyHandle, $"{tenant.CompanyHandle}|mine|{run.InstanceName}|{run.Id + 100000}"))).Item1);
        Assert.Equal(20000, (await FaultOf(LogBodies.GetJobLogDetails(tenant.CompanyHandle, HandleOf(other, "theirs", theirs)))).Item1);
        Assert.Equal(20006, (await FaultOf(LogBodies.GetJobLogDetails("no-such-company", handle))).Item1);
        Assert.Equal(20006, (await FaultOf(LogBodies.GetJobLogDetails(other.CompanyHandle, HandleOf(other, "theirs", theirs)))).Item1);
        Assert.Equal(20006, (await FaultOf(LogBodies.GetJobLogDetails(other.CompanyHandle, originalName: "theirs"))).Item1);
        Assert.Equal(30001, (await FaultOf(LogBodies.GetJobLogDetails(tenant.CompanyHandle, handle, sortBy: "Size"))).Item1);
        Assert.Equal(30001, (await FaultOf(LogBodies.GetJobLogDetails(tenant.CompanyHandle, handle, sortDirection: "down"))).Item1);
        Assert.Equal(30001, (await FaultOf(LogBodies.GetJobLogDetails(tenant.CompanyHandle, handle, recordsPerPage: 0))).Item1);
        Assert.Equal(30001, (await FaultOf(LogBodies.GetJobLogDetails(tenant.CompanyHandle, handle, resultsPage: 0))).Item1);
    }

    private async Task UnscheduleAsync(string jobHandle)
    {
        var name = jobHandle.Split('|')[1];
        await using var command = server.Db.CreateCommand(
            "select j.id from jobs j join companies c on c.id = j.company_id where c.handle = @c and j.name = @n");
        command.Parameters.AddWithValue("c", jobHandle.Split('|')[0]);
        command.Parameters.AddWithValue("n", name);
        var id = (long)(await command.ExecuteScalarAsync())!;
        var scheduler = await server.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.DeleteJob(JobTriggers.KeyOf(id));
        // A fire already queued would run once more.
        await server.ExecuteAsync("delete from job_queue where job_id = @id and node is null", ("id", id));
    }

    private static XElement InUnversionedNamespace(XElement element) => new(
        Ips + element.Name.LocalName,
        element.Elements().Any() ? element.Elements().Select(InUnversionedNamespace) : (object)element.Value);
}
