using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Scheduling;

/// <summary>
/// Server nodes as separate processes on a database of their own: a node killed in the middle of a run, and
/// two nodes sharing the work. The test host's executors record every step they take in test_side_effects.
/// </summary>
public sealed class ClusterTests
{
    private const string SlowJob = "<optimizeImagesJob><emailSetting>None</emailSetting></optimizeImagesJob>";
    private const string QuickJob = "<createVideoSitemapJob/>";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_node_killed_or_stopped_during_a_run_runs_the_job_again_on_restart_and_the_log_shows_the_interrupted_run(bool kill)
    {
        await using var database = await TestDatabase.CreateAsync(kill ? "crash" : "stop");
        var storage = Directory.CreateTempSubdirectory("ipsapi-crash-").FullName;
        var node = await ServerProcess.StartAsync(database.ConnectionString, "node-crash", storage);
        var jobId = 0L;
        try
        {
            var handle = await SubmitAsync(node, database.Tenant, "slow one", SlowJob);
            Assert.Equal("77|slow one|", handle);
            jobId = await database.ScalarAsync<long>("select id from jobs where name = 'slow one'");
            await Eventually.WaitAsync(
                () => database.ScalarAsync<long>("select count(*) from test_side_effects where job_id = @id", ("id", jobId)),
                steps => steps >= 3, "the slow run to be under way");

            if (kill)
            {
                await node.KillAsync();
            }
            else
            {
                await node.StopAsync();
            }

            await node.DisposeAsync();
            node = await ServerProcess.StartAsync(database.ConnectionString, "node-crash", storage);

            await Eventually.WaitAsync(
                () => database.ScalarAsync<long>("select count(*) from job_runs where job_id = @id and state = 'Done'", ("id", jobId)),
                done => done == 1, "the recovered run to finish", timeoutSeconds: 90);
        }
        finally
        {
            await node.DisposeAsync();
        }

        var states = await database.ScalarAsync<string>(
            "select string_agg(state || ':' || recovering, ',' order by id) from job_runs where job_id = @id", ("id", jobId));
        Assert.Equal("Failed:false,Done:true", states);
        var interruptedNote = await database.ScalarAsync<long>(
            """
            select count(*) from job_log_details d join job_runs r on r.id = d.run_id
            where r.job_id = @id and r.state = 'Failed' and d.log_type = 'FatalError' and d.message like '%interrupted%node-crash%'
            """, ("id", jobId));
        Assert.Equal(1, interruptedNote);
        // The run started again continues after the last step the interrupted one recorded.
        var lastRunSteps = await database.ScalarAsync<long>(
            "select count(*) from test_side_effects where run_id = (select max(id) from job_runs where job_id = @id)", ("id", jobId));
        var distinctSteps = await database.ScalarAsync<long>(
            "select count(distinct step) from test_side_effects where job_id = @id", ("id", jobId));
        Assert.Equal(40, distinctSteps);
        Assert.InRange(lastRunSteps, 1, 37);
    }

    [Fact]
    public async Task Two_nodes_on_one_database_run_200_jobs_each_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync("pair");
        var storage = Directory.CreateTempSubdirectory("ipsapi-pair-").FullName;
        await using var first = await ServerProcess.StartAsync(database.ConnectionString, "node-a", storage);
        await using var second = await ServerProcess.StartAsync(database.ConnectionString, "node-b", storage);

        for (var i = 0; i < 200; i++)
        {
            await SubmitAsync(i % 2 == 0 ? first : second, database.Tenant, $"quick {i}", QuickJob);
        }

        await Eventually.WaitAsync(
            () => database.ScalarAsync<long>("select count(*) from job_runs where state = 'Done'"),
            done => done >= 200, "200 runs to finish", timeoutSeconds: 120);
        await Task.Delay(1000); // a double run would show up now, if there were one

        Assert.Equal(200, await database.ScalarAsync<long>("select count(*) from job_runs"));
        Assert.Equal(200, await database.ScalarAsync<long>("select count(distinct job_id) from job_runs"));
        Assert.Equal(200, await database.ScalarAsync<long>("select count(*) from test_side_effects"));
        Assert.Equal(200, await database.ScalarAsync<long>("select count(distinct job_id) from test_side_effects"));
    }

    [Fact]
    public async Task Stop_and_pause_sent_to_one_node_reach_a_run_on_the_other()
    {
        await using var database = await TestDatabase.CreateAsync("steer");
        var storage = Directory.CreateTempSubdirectory("ipsapi-steer-").FullName;
        await using var first = await ServerProcess.StartAsync(database.ConnectionString, "node-a", storage);
        await using var second = await ServerProcess.StartAsync(database.ConnectionString, "node-b", storage);
        var nodes = new Dictionary<string, ServerProcess> { ["node-a"] = first, ["node-b"] = second };

        foreach (var operation in new[] { "stop", "pause" })
        {
            var name = $"{operation} me";
            var handle = await SubmitAsync(first, database.Tenant, name, SlowJob);
            var runningOn = await Eventually.WaitAsync(
                () => database.ScalarAsync<string>(
                    "select coalesce(max(r.server_name), '') from job_runs r join jobs j on j.id = r.job_id where j.name = @n and r.progress > 0",
                    ("n", name)),
                node => node.Length > 0, $"{name} to run");
            var elsewhere = nodes.Single(n => n.Key != runningOn).Value;

            using var client = new IpsClient(elsewhere.ServiceAddress, database.Tenant);
            await (operation == "stop" ? client.StopAsync(handle) : client.PauseAsync(handle));
            var state = await Eventually.WaitAsync(
                () => database.ScalarAsync<string>(
                    "select coalesce(max(r.state), '') from job_runs r join jobs j on j.id = r.job_id where j.name = @n and r.ended_at is not null",
                    ("n", name)),
                s => s.Length > 0, $"{name} to end");
            var progressAtEnd = await database.ScalarAsync<int>(
                "select max(r.progress) from job_runs r join jobs j on j.id = r.job_id where j.name = @n",
                ("n", name));

            Assert.Equal(operation == "stop" ? "Stopped" : "Paused", state);
            // The run took the request mid-way (40 steps of 250 ms), not by running to its end.
            Assert.InRange(progressAtEnd, 1, 99);
        }
    }

    private static async Task<string> SubmitAsync(ServerProcess node, TestTenant tenant, string name, string jobElement)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, node.ServiceAddress)
        {
            Content = new StringContent(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, name, jobElement)),
                System.Text.Encoding.UTF8, "text/xml"),
        };
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return System.Xml.Linq.XDocument.Parse(body).Descendants(SoapResponse.Ips + "jobHandle").Single().Value;
    }
}
