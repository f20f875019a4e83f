using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Engine.Dispatch;
using Microsoft.Extensions.DependencyInjection;

namespace IpsApi.IntegrationTests.Scheduling;

/// <summary>
/// The dispatch queue as an operator would check it: what a submit leaves behind before anything runs, that each
/// queued job runs once and leaves the queue, that a job held by a node that stopped checking in is taken over
/// (its cut run closed as interrupted) while one held by a live node is left alone.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DispatchQueueTests(ServerFixture server)
{
    private const string Sitemap = "<createVideoSitemapJob/>";

    [Fact]
    public async Task Submitted_jobs_wait_in_the_queue_until_a_dispatcher_claims_them_and_each_runs_once()
    {
        var tenant = await server.NewTenantAsync();
        var dispatcher = server.Services.GetRequiredService<Dispatcher>();
        dispatcher.Standby();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                await server.SubmitAsync(tenant, $"queued {i}", Sitemap);
            }

            await server.SubmitAsync(tenant, "tomorrow", $"<execTime>{DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}</execTime>{Sitemap}");
            await server.SubmitAsync(tenant, "nightly", $"<execSchedule>0 0 3 * * ?</execSchedule>{Sitemap}");

            // One-shot jobs (now or at their execTime) are queue rows, durable before the answer; a cron job is a Quartz trigger.
            Assert.Equal(
                [("nightly", false, true), ("queued 0", true, false), ("queued 1", true, false), ("queued 2", true, false),
                 ("queued 3", true, false), ("queued 4", true, false), ("queued 5", true, false), ("tomorrow", true, false)],
                await QueuedAndTriggeredAsync(tenant));
            Assert.Empty(await server.RunsAsync(tenant, "queued 0"));
        }
        finally
        {
            dispatcher.Resume();
        }

        for (var i = 0; i < 6; i++)
        {
            await server.WaitForRunAsync(tenant, $"queued {i}", r => r.EndedAt is not null);
        }

        for (var i = 0; i < 6; i++)
        {
            var runs = await server.RunsAsync(tenant, $"queued {i}");
            Assert.Equal(["Done"], runs.Select(r => r.State));
            Assert.Equal(server.NodeName, runs[0].ServerName);
        }

        // A run's end and its queue row's removal commit together; the execTime job still waits for its time.
        Assert.Equal(
            [("nightly", false, true), .. Enumerable.Range(0, 6).Select(i => ($"queued {i}", false, false)), ("tomorrow", true, false)],
            await QueuedAndTriggeredAsync(tenant));
    }

    [Fact]
    public async Task A_job_held_by_a_node_that_stopped_checking_in_is_taken_over_and_its_cut_run_closed_as_interrupted()
    {
        var tenant = await server.NewTenantAsync();
        var jobId = await QueueHeldByAsync(tenant, "orphaned", "ghost-node");
        // The ghost node had opened a run before it died.
        await server.ExecuteAsync(
            """
            insert into job_runs (job_id, company_id, instance_name, fire_instance_id, state, log_type, job_sub_type,
                                  trigger_time, started_at, server_name, recovering)
            select id, company_id, name || '_ghost', 'ghost-node/' || id || '/1', 'Running', 'BeginVideoSitemap', '',
                   now(), now(), 'ghost-node', false
            from jobs where id = @id
            """, ("id", jobId));

        var runs = await Eventually.WaitAsync(() => server.RunsAsync(tenant, "orphaned"),
            r => r.Any(x => x.State == "Done"), "the job to be taken over and run");

        var (cut, rerun) = (runs.Single(r => r.ServerName == "ghost-node"), runs.Single(r => r.State == "Done"));
        Assert.Equal("Failed", cut.State);
        Assert.True(cut.FatalError);
        Assert.Contains(await server.DetailsAsync(cut.Id), d => d.LogType == "FatalError" && d.Message.Contains("ghost-node", StringComparison.Ordinal));
        Assert.Equal(server.NodeName, rerun.ServerName);
        Assert.True(rerun.Recovering);
        Assert.Equal(0L, await server.ScalarAsync<long>("select count(*) from job_queue where job_id = @id", ("id", jobId)));
    }

    [Fact]
    public async Task A_job_held_by_a_node_that_keeps_checking_in_is_left_to_it()
    {
        var tenant = await server.NewTenantAsync();
        // A live node, as Quartz records one: checked in now, announcing a long interval.
        await server.ExecuteAsync(
            """
            insert into qrtz_scheduler_state (sched_name, instance_name, last_checkin_time, checkin_interval)
            values ('ipsapi', 'busy-node', @now, 600000)
            """, ("now", DateTimeOffset.UtcNow.UtcTicks));
        try
        {
            var jobId = await QueueHeldByAsync(tenant, "busy elsewhere", "busy-node");

            // Several of the once-a-second looks for jobs of nodes that stopped checking in.
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.Equal("busy-node", await server.ScalarAsync<string>("select node from job_queue where job_id = @id", ("id", jobId)));
            Assert.Empty(await server.RunsAsync(tenant, "busy elsewhere"));

            // Once it stops checking in, the job is taken over after all.
            await server.ExecuteAsync("delete from qrtz_scheduler_state where instance_name = 'busy-node'");
            var run = await server.WaitForRunAsync(tenant, "busy elsewhere", r => r.EndedAt is not null);
            Assert.Equal(("Done", true), (run.State, run.Recovering));
        }
        finally
        {
            await server.ExecuteAsync("delete from qrtz_scheduler_state where instance_name = 'busy-node'");
        }
    }

    [Fact]
    public async Task ExecuteJob_brings_a_one_shot_job_forward_and_it_runs_once()
    {
        var tenant = await server.NewTenantAsync();
        var handle = await server.SubmitAsync(tenant, "next week", $"<execTime>{DateTimeOffset.UtcNow.AddDays(7):yyyy-MM-ddTHH:mm:ssZ}</execTime>{Sitemap}");
        using var client = new IpsClient(server.ServiceAddress, tenant);
        await client.ExecuteAsync(handle);

        var run = await server.WaitForRunAsync(tenant, "next week", r => r.EndedAt is not null);
        Assert.Equal("Done", run.State);
        Assert.Equal(0L, await server.ScalarAsync<long>(
            "select count(*) from job_queue q join jobs j on j.id = q.job_id where j.name = 'next week' and j.company_id = (select id from companies where handle = @c)",
            ("c", tenant.CompanyHandle)));
    }

    [Fact]
    public async Task ExecuteJob_while_the_job_runs_runs_it_again_right_after_and_the_name_stays_in_use_until_then()
    {
        var tenant = await server.NewTenantAsync();
        using var client = new IpsClient(server.ServiceAddress, tenant);
        // The test host's optimizeImagesJob takes 40 steps of 250 ms.
        var handle = await client.SubmitAsync(new IpsApi.Wire.SubmitJobParam
        {
            CompanyHandle = tenant.CompanyHandle,
            JobName = "twice",
            OptimizeImagesJob = new IpsApi.Wire.OptimizeImagesJob { EmailSetting = "None" },
        });
        await server.WaitForRunAsync(tenant, "twice", r => r.Progress > 0);

        await client.ExecuteAsync(handle);

        // While the second run runs, the job keeps its name (a one-shot job frees it with its last run).
        await Eventually.WaitAsync(() => server.RunsAsync(tenant, "twice"), r => r.Count == 2 && r[1].Progress > 0, "the second run");
        Assert.Equal(1L, await UnreleasedAsync(tenant, "twice"));

        var runs = await Eventually.WaitAsync(() => server.RunsAsync(tenant, "twice"),
            r => r.Count == 2 && r.All(x => x.EndedAt is not null), "the first run and the one asked for while it ran");
        Assert.Equal(["Done", "Done"], runs.Select(r => r.State));
        Assert.True(runs[1].StartedAt >= runs[0].EndedAt, "the second run overlapped the first");
        Assert.Equal(0L, await UnreleasedAsync(tenant, "twice"));
    }

    private Task<long> UnreleasedAsync(TestTenant tenant, string name) => server.ScalarAsync<long>(
        "select count(*) from jobs j join companies c on c.id = j.company_id where c.handle = @c and j.name = @n and j.released_at is null",
        ("c", tenant.CompanyHandle), ("n", name));

    /// <summary>Submits a job while dispatching stands by and marks its queue row as held by <paramref name="node"/>.</summary>
    private async Task<long> QueueHeldByAsync(TestTenant tenant, string name, string node)
    {
        var dispatcher = server.Services.GetRequiredService<Dispatcher>();
        dispatcher.Standby();
        try
        {
            await server.SubmitAsync(tenant, name, Sitemap);
            var jobId = await server.ScalarAsync<long>(
                "select j.id from jobs j join companies c on c.id = j.company_id where c.handle = @c and j.name = @n",
                ("c", tenant.CompanyHandle), ("n", name));
            await server.ExecuteAsync(
                "update job_queue set node = @node, claimed_at = now(), attempts = 1 where job_id = @id and node is null",
                ("node", node), ("id", jobId));
            return jobId;
        }
        finally
        {
            dispatcher.Resume();
        }
    }

    private async Task<List<(string Name, bool Queued, bool Triggered)>> QueuedAndTriggeredAsync(TestTenant tenant)
    {
        await using var command = server.Db.CreateCommand(
            """
            select j.name, exists (select 1 from job_queue q where q.job_id = j.id),
                   exists (select 1 from qrtz_triggers t where t.trigger_name = 'job-' || j.id and t.trigger_group = 'ips')
            from jobs j join companies c on c.id = j.company_id
            where c.handle = @c order by j.name
            """);
        command.Parameters.AddWithValue("c", tenant.CompanyHandle);
        var rows = new List<(string, bool, bool)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2)));
        }

        return rows;
    }
}
