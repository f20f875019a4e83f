using System.Net;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Reliability;

namespace IpsApi.IntegrationTests.Scheduling;

/// <summary>
/// Upgrades: what a database written by an earlier build holds keeps working after an upgrade, and a cluster upgraded
/// one node at a time keeps working throughout. Nodes of that build (<see cref="PreviousBuild"/>) and of this one run
/// as separate processes on one database.
/// </summary>
[Collection(ReliabilityRun.Collection)]
public sealed class UpgradeTests
{
    private const int Steps = 40; // SlowStepsExecutor

    [Fact]
    public async Task A_cron_job_stored_by_the_previous_build_still_fires_after_the_upgrade()
    {
        var previous = await PreviousBuild.TestHostAsync();
        await using var database = await TestDatabase.CreateEmptyAsync("upgrade");
        var storage = Directory.CreateTempSubdirectory("ipsapi-upgrade-").FullName;
        var node = await ServerProcess.StartAsync(database.ConnectionString, "node-upgrade", storage, host: previous);
        try
        {
            await database.AddTenantAsync();
            await node.CallAsync(database.Tenant, "submitJob",
                $"<companyHandle>{database.Tenant.CompanyHandle}</companyHandle><jobName>every second</jobName>" +
                "<execSchedule>* * * * * ?</execSchedule><createVideoSitemapJob/>");
            await Eventually.WaitAsync(() => RunsOfAsync(database, DateTime.MinValue), runs => runs >= 1,
                "the previous build to run its cron job", timeoutSeconds: 60);
            await node.StopAsync();
            await node.DisposeAsync();

            var upgradedAt = await database.ScalarAsync<DateTime>("select now()");
            node = await ServerProcess.StartAsync(database.ConnectionString, "node-upgrade", storage);
            // Runs of fires from now on: a run the stop handed back runs again too, but with its old trigger time.
            await Eventually.WaitAsync(() => RunsOfAsync(database, upgradedAt), runs => runs >= 2,
                "the cron job to fire after the upgrade", timeoutSeconds: 120, describe: () => StateAsync(database, node));
            Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from qrtz_triggers where trigger_state = 'ERROR'"));
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_rolling_upgrade_loses_no_job_runs_none_twice_and_the_old_node_works_until_it_is_restarted()
    {
        var previous = await PreviousBuild.TestHostAsync();
        await using var database = await TestDatabase.CreateEmptyAsync("rolling");
        var storage = Directory.CreateTempSubdirectory("ipsapi-rolling-").FullName;
        var settings = new Dictionary<string, string> { ["IPSAPI_SCHEDULER__MAXCONCURRENTRUNS"] = "8" };
        Task<ServerProcess> StartAsync(string name, string? host) =>
            ServerProcess.StartAsync(database.ConnectionString, name, storage, environment: settings, host: host);

        var a = await StartAsync("node-a", previous);
        var b = await StartAsync("node-b", previous);
        await using var load = new SubmitLoad();
        try
        {
            await database.AddTenantAsync();
            await load.StartAsync(database.Tenant, a, b);
            await a.CallAsync(database.Tenant, "submitJob", CronJob(database, "cron stored by the old build"));
            await Task.Delay(3000);

            // node-b to the new build: it applies the migrations the old build does not know.
            load.Leave(b);
            await b.StopAsync();
            await b.DisposeAsync();
            var migrationsBefore = await database.ScalarAsync<long>("select count(*) from schema_migrations");
            b = await StartAsync("node-b", null);
            var mixedFrom = await database.ScalarAsync<DateTime>("select now()");
            load.Join(b);
            await b.CallAsync(database.Tenant, "submitJob", CronJob(database, "cron stored by the new build"));
            var migrationsApplied = await database.ScalarAsync<long>("select count(*) from schema_migrations") - migrationsBefore;

            // The old node works beside the new one: it takes submits, runs jobs and stays ready for the load balancer.
            await Eventually.WaitAsync(() => Task.FromResult(load.AcknowledgedBy(a, after: mixedFrom)), n => n >= 20,
                "the old node to take submits beside the new one", timeoutSeconds: 180);
            await Eventually.WaitAsync(() => RunStepsOnAsync(database, "node-a", mixedFrom), n => n >= 20,
                "the old node to run jobs beside the new one", timeoutSeconds: 180);
            await Eventually.WaitAsync(() => RunStepsOnAsync(database, "node-b", mixedFrom), n => n >= 20,
                "the new node to run jobs beside the old one", timeoutSeconds: 180);
            using (var http = new HttpClient())
            using (var ready = await http.GetAsync(new Uri(a.BaseAddress, "/health/ready")))
            {
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            }

            // While the new node restarts, the old one alone fires the cron job the new one stored.
            load.Leave(b);
            await b.StopAsync();
            await b.DisposeAsync();
            var aloneFrom = await database.ScalarAsync<DateTime>("select now()");
            await Eventually.WaitAsync(() => CronRunsAsync(database, "cron stored by the new build", aloneFrom), n => n >= 2,
                "the old node to fire the cron job the new node stored", timeoutSeconds: 180, describe: () => StateAsync(database, a));
            b = await StartAsync("node-b", null);
            load.Join(b);

            // node-a to the new build.
            load.Leave(a);
            await a.StopAsync();
            await a.DisposeAsync();
            a = await StartAsync("node-a", null);
            var upgradedFrom = await database.ScalarAsync<DateTime>("select now()");
            load.Join(a);
            await Eventually.WaitAsync(() => Task.FromResult(load.AcknowledgedBy(a, after: upgradedFrom)), n => n >= 20,
                "the upgraded node-a to take submits", timeoutSeconds: 180);
            await Eventually.WaitAsync(() => RunStepsOnAsync(database, "node-a", upgradedFrom), n => n >= 20,
                "the upgraded node-a to run jobs", timeoutSeconds: 180);
            await load.StopAsync();
            await Eventually.WaitAsync(
                () => database.ScalarAsync<long>(
                    "select count(*) from jobs j where j.name not like 'cron%' and not exists (select 1 from job_runs r where r.job_id = j.id and r.state = 'Done')"),
                open => open == 0, "every one-shot job to have a Done run", timeoutSeconds: 300);

            // Both cron jobs fire on the new build. (A fire waits in the queue behind the jobs queued before it, so
            // only once those have run does every fire run at once.)
            var drainedAt = await database.ScalarAsync<DateTime>("select now()");
            foreach (var cron in new[] { "cron stored by the old build", "cron stored by the new build" })
            {
                await Eventually.WaitAsync(() => CronRunsAsync(database, cron, drainedAt), n => n >= 2, $"'{cron}' to fire on the new build", timeoutSeconds: 120,
                    describe: () => StateAsync(database, a, b));
            }

            await Task.Delay(2000); // a second run of a one-shot job would show up now, if there were one

            // Nothing lost: every acknowledged job is stored and has run; none ran twice.
            var acknowledged = load.Acknowledged();
            Assert.Equal(acknowledged.Count, await database.ScalarAsync<long>("select count(*) from jobs where name = any(@names)", ("names", acknowledged.ToArray())));
            Assert.Equal("", await database.ScalarAsync<string>(
                """
                select coalesce(string_agg(j.name || ': ' || (select string_agg(r.server_name || ' ' || r.state || ' ' || r.started_at::time || '-' ||
                                                                     coalesce(r.ended_at::time::text, 'open') || case when r.recovering then ' recovering' else '' end, ', ' order by r.id)
                                                              from job_runs r where r.job_id = j.id), E'\n'), '')
                from jobs j where j.name not like 'cron%' and (select count(*) from job_runs r where r.job_id = j.id and r.state = 'Done') <> 1
                """));
            Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from job_runs where ended_at is null and job_id in (select id from jobs where name not like 'cron%')"));
            // A quick job did its work once, unless a stop cut its run after the work (then once more, by the run after).
            Assert.Equal(0, await database.ScalarAsync<long>(
                """
                select count(*) from (select t.job_id from test_side_effects t join jobs j on j.id = t.job_id where j.name like 'quick-%'
                                      group by t.job_id having count(*) > 1) twice
                where not exists (select 1 from job_runs r where r.job_id = twice.job_id and r.state = 'Failed')
                """));
            // A slow job did each of its steps once, across the nodes and builds its runs had (a stop ends a run between steps).
            var slow = await database.ScalarAsync<long>("select count(*) from jobs where name like 'slow-%'");
            Assert.Equal(slow * Steps, await database.ScalarAsync<long>(
                "select count(*) from test_side_effects t join jobs j on j.id = t.job_id where j.name like 'slow-%'"));
            Assert.Equal(slow * Steps, await database.ScalarAsync<long>(
                "select count(*) from (select distinct t.job_id, t.step from test_side_effects t join jobs j on j.id = t.job_id where j.name like 'slow-%') s"));
            Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from qrtz_triggers where trigger_state = 'ERROR'"));
            Assert.True(acknowledged.Count >= 100 && slow >= 5, $"{acknowledged.Count} jobs acknowledged, {slow} slow ones: too few to tell");
            Console.WriteLine(
                $"Rolling upgrade from {PreviousBuild.Commit[..7]}: {acknowledged.Count} jobs acknowledged ({slow} slow), {load.Failures} submits refused, " +
                $"{migrationsApplied} migration(s) applied by the first upgraded node.");
        }
        finally
        {
            await load.StopAsync();
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }

    private static string CronJob(TestDatabase database, string name) =>
        $"<companyHandle>{database.Tenant.CompanyHandle}</companyHandle><jobName>{name}</jobName>" +
        "<execSchedule>* * * * * ?</execSchedule><createVideoSitemapJob/>";

    private static Task<long> CronRunsAsync(TestDatabase database, string name, DateTime triggeredAfter) => database.ScalarAsync<long>(
        "select count(*) from job_runs r join jobs j on j.id = r.job_id where j.name = @name and r.trigger_time > @at and r.state = 'Done'",
        ("name", name), ("at", triggeredAfter));

    /// <summary>Work the test executors recorded on the node since the time given (a quick job's one step, a slow job's steps).</summary>
    private static Task<long> RunStepsOnAsync(TestDatabase database, string node, DateTime after) => database.ScalarAsync<long>(
        "select count(*) from test_side_effects where node = @node and at > @at", ("node", node), ("at", after));

    /// <summary>What a failed wait on a node shows: the queue, the runs, the triggers and the end of the node's output.</summary>
    private static async Task<string> StateAsync(TestDatabase database, params ServerProcess[] nodes) =>
        "queue: " + await database.ScalarAsync<string>(
            "select coalesce(string_agg(job_id || ' ' || coalesce(node, '-') || ' ' || queued_at::time || case when again then ' again' else '' end, '; '), '') from job_queue")
        + "\nruns: " + await database.ScalarAsync<string>(
            "select coalesce(string_agg(line, '; ' order by id), '') from (select r.id, j.name || ' ' || r.id || ' ' || r.server_name || ' ' || r.state || ' ' || r.trigger_time::time as line from job_runs r join jobs j on j.id = r.job_id where j.name like 'cron%' or j.name = 'every second' order by r.id desc limit 30) last")
        + "\ntriggers: " + await database.ScalarAsync<string>(
            "select coalesce(string_agg(trigger_name || ' ' || trigger_state || ' next ' || next_fire_time, '; '), '') from qrtz_triggers")
        + "\ncheck-ins: " + await database.ScalarAsync<string>(
            "select coalesce(string_agg(instance_name || ' ' || last_checkin_time || ' every ' || checkin_interval, '; '), '') from qrtz_scheduler_state")
        + "\nnow: " + DateTimeOffset.UtcNow.UtcTicks
        + string.Concat(nodes.Select(node => "\nnode output (end):\n" + string.Join('\n', node.Output.Split('\n').TakeLast(40))));

    private static Task<long> RunsOfAsync(TestDatabase database, DateTime triggeredAfter) => database.ScalarAsync<long>(
        "select count(*) from job_runs r join jobs j on j.id = r.job_id where j.name = 'every second' and r.trigger_time > @at and r.state = 'Done'",
        ("at", triggeredAfter));

    /// <summary>
    /// One client submitting quick jobs (and every 20th a slow one) at up to 10 a second to the nodes that have
    /// joined it, in turn, until stopped: each acknowledged job's name, the node that took it and when.
    /// </summary>
    private sealed class SubmitLoad : IAsyncDisposable
    {
        private readonly List<ServerProcess> _nodes = [];
        private readonly List<(string Name, ServerProcess Node, DateTime At)> _acknowledged = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
        private Task _worker = Task.CompletedTask;

        /// <summary>Submits refused or not answered (a node stopping answers nothing it has not acknowledged).</summary>
        public int Failures { get; private set; }

        public Task StartAsync(TestTenant tenant, params ServerProcess[] nodes)
        {
            _nodes.AddRange(nodes);
            _worker = Task.Run(() => WorkAsync(tenant));
            return Task.CompletedTask;
        }

        /// <summary>No further submits go to the node (before it is stopped: submits under way still get their answer).</summary>
        public void Leave(ServerProcess node)
        {
            lock (_nodes)
            {
                _nodes.Remove(node);
            }
        }

        public void Join(ServerProcess node)
        {
            lock (_nodes)
            {
                _nodes.Add(node);
            }
        }

        public int AcknowledgedBy(ServerProcess node, DateTime after)
        {
            lock (_acknowledged)
            {
                return _acknowledged.Count(a => a.Node == node && a.At > after);
            }
        }

        public IReadOnlyList<string> Acknowledged()
        {
            lock (_acknowledged)
            {
                return [.. _acknowledged.Select(a => a.Name)];
            }
        }

        public async Task StopAsync()
        {
            if (!_stop.IsCancellationRequested)
            {
                await _stop.CancelAsync();
            }

            await _worker;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _http.Dispose();
            _stop.Dispose();
        }

        private async Task WorkAsync(TestTenant tenant)
        {
            for (var n = 0; !_stop.IsCancellationRequested; n++)
            {
                ServerProcess node;
                lock (_nodes)
                {
                    node = _nodes[n % _nodes.Count];
                }

                var (name, job) = n % 20 == 0
                    ? ($"slow-{n}", "<optimizeImagesJob><emailSetting>None</emailSetting></optimizeImagesJob>")
                    : ($"quick-{n}", "<createVideoSitemapJob/>");
                using var content = new StringContent(
                    Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, name, job)), System.Text.Encoding.UTF8, "text/xml");
                try
                {
                    // Not the stop's token: a submit under way is answered, so that its job is counted either way.
                    using var response = await _http.PostAsync(node.ServiceAddress, content);
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.IsSuccessStatusCode && body.Contains("<jobHandle>", StringComparison.Ordinal))
                    {
                        lock (_acknowledged)
                        {
                            _acknowledged.Add((name, node, DateTime.UtcNow));
                        }
                    }
                    else
                    {
                        Failures++;
                    }
                }
                catch (HttpRequestException)
                {
                    Failures++;
                }

                try
                {
                    await Task.Delay(100, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
