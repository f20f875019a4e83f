using IpsApi.IntegrationTests.Infrastructure;
using static IpsApi.IntegrationTests.Uploads.UploadFileClient;

namespace IpsApi.IntegrationTests.Uploads;

/// <summary>
/// Upload jobs on server processes of their own: the idle timeout with a short setting, and a node killed with
/// SIGKILL between two POSTs of a job, whose files are all ingested by the node that takes the job over.
/// </summary>
public sealed class UploadNodeTests
{
    [Fact]
    public async Task An_upload_job_without_endJob_ends_once_no_post_came_for_the_idle_timeout()
    {
        await using var database = await TestDatabase.CreateAsync("upload_idle");
        var storage = Directory.CreateTempSubdirectory("ipsapi-upload-idle-").FullName;
        await using var node = await ServerProcess.StartAsync(database.ConnectionString, "upload-idle", storage,
            environment: new Dictionary<string, string> { ["IPSAPI_UPLOADS__IDLETIMEOUTSECONDS"] = "2" });
        var tenant = database.Tenant;

        var opened = await PostAsync(node.BaseAddress, AuthDocument(tenant), Open(tenant.CompanyHandle, "quiet"), FilePart("one.png", TestMedia.SolidImage(64, 64, ".png")));
        await Eventually.WaitAsync(
            () => database.ScalarAsync<object>("select ended_at from job_runs r join jobs j on j.id = r.job_id where j.name = 'quiet'"),
            ended => ended is DateTime, "the idle upload job to end", describe: () => Task.FromResult(node.Output));
        var late = await PostAsync(node.BaseAddress, AuthDocument(tenant), Add(tenant.CompanyHandle, opened.JobHandle), FilePart("two.png", TestMedia.SolidImage(64, 64, ".png")));

        Assert.Equal("Done", await database.ScalarAsync<string>("select state from job_runs r join jobs j on j.id = r.job_id where j.name = 'quiet'"));
        Assert.Equal(1, await database.ScalarAsync<int>("select file_success_count from job_runs r join jobs j on j.id = r.job_id where j.name = 'quiet'"));
        // Not before the timeout: the job waited two seconds after its POST for a further one (both instants the database's).
        Assert.True(await database.ScalarAsync<bool>(
            "select r.ended_at >= u.last_post_at + interval '2 seconds' from job_runs r join upload_jobs u on u.job_id = r.job_id join jobs j on j.id = r.job_id where j.name = 'quiet'"));
        Assert.Equal(("ipsApiFault", 30001), (late.FaultElement, late.FaultCode));
        Assert.Equal(1L, await database.ScalarAsync<long>("select count(*) from assets"));
    }

    [Fact]
    public async Task A_node_killed_between_two_posts_loses_no_answered_file_and_another_node_finishes_the_job()
    {
        await using var database = await TestDatabase.CreateAsync("upload_kill");
        var storage = Directory.CreateTempSubdirectory("ipsapi-upload-kill-").FullName;
        var first = await ServerProcess.StartAsync(database.ConnectionString, "upload-a", storage);
        await using var second = await ServerProcess.StartAsync(database.ConnectionString, "upload-b", storage);
        var tenant = database.Tenant;
        try
        {
            var opened = await PostAsync(first.BaseAddress, AuthDocument(tenant), Open(tenant.CompanyHandle, "survivor"),
                FilePart("one.png", TestMedia.SolidImage(300, 200, ".png")));
            await first.KillAsync();

            // The job lives in the database and the shared storage root: the other node takes its next POST at once.
            var ended = await PostAsync(second.BaseAddress, AuthDocument(tenant), Add(tenant.CompanyHandle, opened.JobHandle, "<endJob>true</endJob>"),
                FilePart("two.png", TestMedia.SolidImage(310, 200, ".png")));
            Assert.Equal(opened.JobHandle, ended.JobHandle);
            await Eventually.WaitAsync(
                () => database.ScalarAsync<long>("select count(*) from job_runs r join jobs j on j.id = r.job_id where j.name = 'survivor' and r.state = 'Done'"),
                done => done == 1, "the job to be finished by the other node", timeoutSeconds: 120, describe: () => Task.FromResult(second.Output));
        }
        finally
        {
            await first.DisposeAsync();
        }

        Assert.Equal(["one.png", "two.png"], await NamesAsync(database));
        Assert.Equal("upload-b", await database.ScalarAsync<string>(
            "select r.server_name from job_runs r join jobs j on j.id = r.job_id where j.name = 'survivor' and r.state = 'Done'"));
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from job_runs where ended_at is null"));
        Assert.Empty(UploadLeftovers(storage));
        Directory.Delete(storage, recursive: true);
    }

    [Fact]
    public async Task An_upload_job_waiting_for_its_next_post_holds_no_run_slot()
    {
        await using var database = await TestDatabase.CreateAsync("upload_slot");
        var storage = Directory.CreateTempSubdirectory("ipsapi-upload-slot-").FullName;
        await using var node = await ServerProcess.StartAsync(database.ConnectionString, "upload-slot", storage,
            environment: new Dictionary<string, string> { ["IPSAPI_SCHEDULER__MAXCONCURRENTRUNS"] = "1" });
        var tenant = database.Tenant;

        var opened = await PostAsync(node.BaseAddress, AuthDocument(tenant), Open(tenant.CompanyHandle, "open upload"));
        await Eventually.WaitAsync(
            () => database.ScalarAsync<long>("select count(*) from job_runs r join jobs j on j.id = r.job_id where j.name = 'open upload' and r.state = 'Running'"),
            running => running == 1, "the upload job to run");
        var submitted = await node.CallAsync(tenant, "submitJob",
            $"<companyHandle>{tenant.CompanyHandle}</companyHandle><jobName>meanwhile</jobName><createVideoSitemapJob/>");

        // The node's only slot is not taken by the upload job that waits: the other job runs and ends meanwhile.
        await Eventually.WaitAsync(
            () => database.ScalarAsync<long>("select count(*) from job_runs r join jobs j on j.id = r.job_id where j.name = 'meanwhile' and r.state = 'Done'"),
            done => done == 1, "the other job to run while the upload job waits", describe: () => Task.FromResult(node.Output));
        Assert.Equal("77|meanwhile|", (string)submitted.Elements().Single());
        Assert.Equal(1L, await database.ScalarAsync<long>(
            "select count(*) from job_runs r join jobs j on j.id = r.job_id where j.name = 'open upload' and r.ended_at is null"));
        var ended = await PostAsync(node.BaseAddress, AuthDocument(tenant), Add(tenant.CompanyHandle, opened.JobHandle, "<endJob>true</endJob>"));
        Assert.Equal(opened.JobHandle, ended.JobHandle);
        Directory.Delete(storage, recursive: true);
    }

    private static async Task<List<string>> NamesAsync(TestDatabase database)
    {
        await using var command = database.Db.CreateCommand("select file_name from assets order by file_name");
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
