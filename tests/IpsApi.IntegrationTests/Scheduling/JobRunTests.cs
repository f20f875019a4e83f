using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Engine.Cron;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace IpsApi.IntegrationTests.Scheduling;

/// <summary>Submitted jobs run: now, at their execTime, on their cron schedule, and leave an IPS job log.</summary>
[Collection(ServerCollection.Name)]
public sealed class JobRunTests(ServerFixture server)
{
    private const string PublishServerDirectory = "<serverDirectoryPublishJob><emailSetting>None</emailSetting></serverDirectoryPublishJob>";

    [Fact]
    public async Task A_job_without_schedule_runs_now_and_publishes_the_server_directory()
    {
        var tenant = await server.NewTenantAsync();
        var folders = server.FoldersOf(tenant);
        Directory.CreateDirectory(Path.Combine(folders.Server, "css"));
        await File.WriteAllTextAsync(Path.Combine(folders.Server, "old.html"), "gone from the source soon");
        await server.SubmitAsync(tenant, "publish before", PublishServerDirectory);
        await server.WaitForRunAsync(tenant, "publish before", r => r.EndedAt is not null);
        Assert.Equal("gone from the source soon", await ContentAsync(tenant, "old.html"));
        File.Delete(Path.Combine(folders.Server, "old.html"));
        await File.WriteAllTextAsync(Path.Combine(folders.Server, "index.html"), "<h1>spring</h1>");
        await File.WriteAllTextAsync(Path.Combine(folders.Server, "css", "site.css"), "h1 { color: red }");

        var handle = await server.SubmitAsync(tenant, "publish now", PublishServerDirectory);
        var run = await server.WaitForRunAsync(tenant, "publish now", r => r.EndedAt is not null);

        Assert.Equal($"{tenant.CompanyHandle}|publish now|", handle);
        Assert.Equal("Done", run.State);
        Assert.Equal("<h1>spring</h1>", await ContentAsync(tenant, "index.html"));
        Assert.Equal("h1 { color: red }", await ContentAsync(tenant, "css/site.css"));
        Assert.Null(await ContentAsync(tenant, "old.html"));

        var details = await server.DetailsAsync(run.Id);
        Assert.Equal(
            ["BeginServerDirectoryPublish", "OriginalJobName", "JobType", "JobClient", "TotalFileCount",
             "ServerDirectoryPublishSuccess", "ServerDirectoryPublishSuccess", "ServerDirectoryPublishSuccess", "EndServerDirectoryPublish"],
            details.Select(d => d.LogType));
        Assert.Contains(details, d => d.LogType == "ServerDirectoryPublishSuccess" && d.AssetName == "css/site.css");
        Assert.Contains(details, d => d.LogType == "ServerDirectoryPublishSuccess" && d.AssetName == "old.html" && d.Message.StartsWith("Removed", StringComparison.Ordinal));
        Assert.Equal("publish now", details.Single(d => d.LogType == "OriginalJobName").Message);
        Assert.Equal("ServerDirectoryPublish", details.Single(d => d.LogType == "JobType").Message);
    }

    [Fact]
    public async Task A_second_publish_copies_only_what_changed()
    {
        var tenant = await server.NewTenantAsync();
        var folders = server.FoldersOf(tenant);
        Directory.CreateDirectory(folders.Server);
        await File.WriteAllTextAsync(Path.Combine(folders.Server, "a.txt"), "a");
        await File.WriteAllTextAsync(Path.Combine(folders.Server, "b.txt"), "b");
        await server.SubmitAsync(tenant, "first", PublishServerDirectory);
        await server.WaitForRunAsync(tenant, "first", r => r.EndedAt is not null);

        await File.WriteAllTextAsync(Path.Combine(folders.Server, "b.txt"), "b, changed");
        File.SetLastWriteTimeUtc(Path.Combine(folders.Server, "b.txt"), DateTime.UtcNow.AddMinutes(1));
        await server.SubmitAsync(tenant, "second", PublishServerDirectory);
        var run = await server.WaitForRunAsync(tenant, "second", r => r.EndedAt is not null);

        Assert.Equal(1, run.FileSuccess);
        Assert.Equal("b, changed", await ContentAsync(tenant, "b.txt"));
        Assert.Equal("a", await ContentAsync(tenant, "a.txt"));
        var published = (await server.DetailsAsync(run.Id)).Where(d => d.LogType == "ServerDirectoryPublishSuccess").Select(d => d.AssetName);
        Assert.Equal(["b.txt"], published);
    }

    /// <summary>A published server directory file as /is/content serves it; null when it answers 404.</summary>
    private async Task<string?> ContentAsync(TestTenant tenant, string path)
    {
        using var response = await server.Http.GetAsync(new Uri(server.BaseAddress, $"/is/content/{tenant.CompanyHandle}/{path}"));
        return response.StatusCode == System.Net.HttpStatusCode.NotFound ? null : await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_job_with_execTime_two_seconds_ahead_waits_for_it()
    {
        var tenant = await server.NewTenantAsync();
        var at = DateTimeOffset.UtcNow.AddSeconds(2);
        var inner = $"<execTime>{at:yyyy-MM-ddTHH:mm:ss.fffZ}</execTime>{PublishServerDirectory}";

        await server.SubmitAsync(tenant, "later", inner);
        var run = await server.WaitForRunAsync(tenant, "later", r => r.EndedAt is not null);

        Assert.True(run.StartedAt >= at.AddMilliseconds(-50), $"started {run.StartedAt:O}, due {at:O}");
        Assert.Equal(at.ToUnixTimeMilliseconds() / 1000, run.TriggerTime.ToUnixTimeMilliseconds() / 1000);
    }

    [Fact]
    public async Task A_cron_job_fires_on_its_schedule_and_keeps_its_name()
    {
        var tenant = await server.NewTenantAsync();
        var inner = $"<execSchedule>* * * * * ?</execSchedule>{PublishServerDirectory}";

        await server.SubmitAsync(tenant, "every second", inner);
        var runs = await Eventually.WaitAsync(() => server.RunsAsync(tenant, "every second"),
            r => r.Count(x => x.EndedAt is not null) >= 3, "three cron fires");
        await UnscheduleAsync(tenant, "every second");

        var done = runs.Where(r => r.EndedAt is not null).OrderBy(r => r.TriggerTime).Take(3).ToList();
        Assert.All(done, r => Assert.Equal("Done", r.State));
        Assert.Equal(3, done.Select(r => r.TriggerTime).Distinct().Count());
        Assert.Equal(3, done.Select(r => r.InstanceName).Distinct().Count());
        // Still in use: a second submit with the same name is renamed.
        Assert.Equal($"{tenant.CompanyHandle}|every second_2|", await server.SubmitAsync(tenant, "every second", PublishServerDirectory));
    }

    [Fact]
    public async Task A_job_type_without_executor_fails_visibly_with_a_FatalError()
    {
        var tenant = await server.NewTenantAsync();

        await server.SubmitAsync(tenant, "not yet", "<metadataPublishJob/>");
        var run = await server.WaitForRunAsync(tenant, "not yet", r => r.EndedAt is not null);

        Assert.Equal("Failed", run.State);
        Assert.True(run.FatalError);
        var fatal = (await server.DetailsAsync(run.Id)).Single(d => d.LogType == "FatalError");
        Assert.Contains("not supported yet", fatal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finished_one_shot_job_frees_its_name()
    {
        var tenant = await server.NewTenantAsync();
        await server.SubmitAsync(tenant, "reused", PublishServerDirectory);
        await server.WaitForRunAsync(tenant, "reused", r => r.EndedAt is not null);

        Assert.Equal($"{tenant.CompanyHandle}|reused|", await server.SubmitAsync(tenant, "reused", PublishServerDirectory));
    }

    [Fact]
    public async Task The_httpCompletionUrl_receives_the_outcome_of_the_run()
    {
        var tenant = await server.NewTenantAsync();
        var path = Guid.NewGuid().ToString("N");
        var url = server.Files.Url($"/callbacks/{path}");
        var element = $"<serverDirectoryPublishJob><emailSetting>None</emailSetting><httpCompletionUrl>{url}</httpCompletionUrl></serverDirectoryPublishJob>";

        await server.SubmitAsync(tenant, "called back", element);
        var run = await server.WaitForRunAsync(tenant, "called back", r => r.EndedAt is not null);
        var body = (await Eventually.WaitAsync(() => Task.FromResult(server.Files.CallbacksTo(path)), c => c.Count > 0, "the callback")).Single();

        using var document = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal($"{tenant.CompanyHandle}|called back|{run.InstanceName}|{run.Id}", document.RootElement.GetProperty("jobHandle").GetString());
        Assert.Equal("Succeeded", document.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("ServerDirectoryPublish", document.RootElement.GetProperty("jobType").GetString());
    }

    private async Task UnscheduleAsync(TestTenant tenant, string name)
    {
        await using var command = server.Db.CreateCommand(
            "select j.id from jobs j join companies c on c.id = j.company_id where c.handle = @c and j.name = @n");
        command.Parameters.AddWithValue("c", tenant.CompanyHandle);
        command.Parameters.AddWithValue("n", name);
        var id = (long)(await command.ExecuteScalarAsync())!;
        var scheduler = await server.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.DeleteJob(JobTriggers.KeyOf(id));
        // A fire already queued would run once more.
        await server.ExecuteAsync("delete from job_queue where job_id = @id and node is null", ("id", id));
    }
}
