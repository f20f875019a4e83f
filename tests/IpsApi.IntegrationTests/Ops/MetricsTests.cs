using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace IpsApi.IntegrationTests.Ops;

/// <summary>
/// What Prometheus scrapes from /metrics after real calls and runs. Other tests' jobs may run meanwhile, so
/// counters are checked to have moved by at least what this test did.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class MetricsTests(ServerFixture server)
{
    private const string QuickJob = "<createVideoSitemapJob/>";
    // No executor yet, so its run ends Failed (the same job the job log tests fail with).
    private const string JobWithoutExecutor = "<metadataPublishJob/>";

    [Fact]
    public async Task Soap_calls_are_counted_by_operation_and_outcome_with_their_latency()
    {
        var tenant = await server.NewTenantAsync();
        var before = await ScrapeAsync();

        await server.SubmitAsync(tenant, "metrics-ok", QuickJob);
        var refused = await server.PostAsync(Envelopes.Soap11(tenant with { Password = "wrong" }, Envelopes.SubmitJobBody(tenant.CompanyHandle, "metrics-refused", QuickJob)));
        Assert.True(refused.IsFault);

        var after = await ScrapeAsync();
        Assert.True(Delta(before, after, "ipsapi_soap_requests_total", ("operation", "submitJob"), ("outcome", "ok")) >= 1, after.Text);
        Assert.True(Delta(before, after, "ipsapi_soap_requests_total", ("operation", "submitJob"), ("outcome", "fault"), ("fault_code", "10001")) >= 1);
        Assert.True(Delta(before, after, "ipsapi_soap_request_duration_seconds_count", ("operation", "submitJob"), ("outcome", "ok")) >= 1);
        Assert.True(after.Sum("ipsapi_soap_request_duration_seconds_sum", ("operation", "submitJob")) > 0);
        Assert.True(after.Has("ipsapi_soap_request_duration_seconds_bucket"));
    }

    [Fact]
    public async Task Runs_are_counted_when_submitted_started_finished_and_failed_with_their_duration()
    {
        var tenant = await server.NewTenantAsync();
        var before = await ScrapeAsync();

        await server.SubmitAsync(tenant, "metrics-quick", QuickJob);
        await server.SubmitAsync(tenant, "metrics-fails", JobWithoutExecutor);
        await server.WaitForRunAsync(tenant, "metrics-quick", r => r.EndedAt is not null);
        var failed = await server.WaitForRunAsync(tenant, "metrics-fails", r => r.EndedAt is not null);
        Assert.Equal("Failed", failed.State);

        var after = await ScrapeAsync();
        const string quick = "CreateVideoSitemap";
        Assert.True(Delta(before, after, "ipsapi_jobs_submitted_total", ("job_type", quick)) >= 1, after.Text);
        Assert.True(Delta(before, after, "ipsapi_jobs_started_total", ("job_type", quick)) >= 1);
        Assert.True(Delta(before, after, "ipsapi_jobs_finished_total", ("job_type", quick), ("state", "Done")) >= 1);
        Assert.True(Delta(before, after, "ipsapi_jobs_run_duration_seconds_count", ("job_type", quick)) >= 1);
        Assert.True(Delta(before, after, "ipsapi_jobs_failed_total", ("job_type", "MetadataPublish")) >= 1);
        Assert.True(Delta(before, after, "ipsapi_jobs_finished_total", ("job_type", "MetadataPublish"), ("state", "Failed")) >= 1);
    }

    [Fact]
    public async Task An_upload_counts_its_files_and_the_bytes_it_stored()
    {
        var tenant = await server.NewTenantAsync();
        var image = TestMedia.SolidImage(200, 100, ".png");
        var url = server.Files.Add($"{Guid.NewGuid():N}/metric.png", image);
        var before = await ScrapeAsync();

        await server.SubmitAsync(tenant, "metrics-upload",
            $"<uploadUrlsJob><urlArray><items><sourceUrl>{url}</sourceUrl><destPath>metric.png</destPath></items></urlArray>"
            + "<overwrite>true</overwrite><readyForPublish>false</readyForPublish><createMask>false</createMask><emailSetting>None</emailSetting></uploadUrlsJob>");
        var run = await server.WaitForRunAsync(tenant, "metrics-upload", r => r.EndedAt is not null);
        Assert.Equal(("Done", 1), (run.State, run.FileSuccess));

        var after = await ScrapeAsync();
        Assert.True(Delta(before, after, "ipsapi_files_processed_total", ("job_type", "UrlUpload"), ("result", "success")) >= 1, after.Text);
        Assert.True(Delta(before, after, "ipsapi_ingested_bytes_total", ("job_type", "UrlUpload")) >= image.Length);
    }

    [Fact]
    public async Task Queue_and_outbox_depth_show_what_waits_in_the_database()
    {
        var tenant = await server.NewTenantAsync(UserRole.IpsUser);
        // A due job no node has claimed yet (dispatching stands by), and two messages: one waiting for its next
        // attempt, one given up.
        var dispatcher = server.Services.GetRequiredService<IpsApi.Jobs.Engine.Dispatch.Dispatcher>();
        dispatcher.Standby();
        await server.ExecuteAsync(
            """
            insert into outbox (kind, run_id, payload, next_attempt_at, failed_at)
            values ('callback', -424242, '{}', now() + interval '1 day', null),
                   ('callback', -424242, '{}', now(), now())
            """);
        PrometheusScrape with;
        try
        {
            await server.SubmitAsync(tenant, "metrics-waiting", "<createVideoSitemapJob/>");
            with = await ScrapeAsync();
        }
        finally
        {
            dispatcher.Resume();
            await server.ExecuteAsync("delete from outbox where run_id = -424242");
        }

        await server.WaitForRunAsync(tenant, "metrics-waiting", r => r.EndedAt is not null);
        var without = await ScrapeAsync();
        Assert.Equal(1, with.Sum("ipsapi_jobs_queue_depth") - without.Sum("ipsapi_jobs_queue_depth"));
        Assert.Equal(1, with.Sum("ipsapi_outbox_depth", ("state", "pending")) - without.Sum("ipsapi_outbox_depth", ("state", "pending")));
        Assert.Equal(1, with.Sum("ipsapi_outbox_depth", ("state", "failed")) - without.Sum("ipsapi_outbox_depth", ("state", "failed")));
    }

    private Task<PrometheusScrape> ScrapeAsync() => PrometheusScrape.TakeAsync(server.Http, server.BaseAddress);

    private static double Delta(PrometheusScrape before, PrometheusScrape after, string name, params (string, string)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);
}
