using System.ServiceModel;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;
using IpsApi.Wire;

namespace IpsApi.IntegrationTests.Control;

/// <summary>
/// Watching and steering jobs through a ServiceModel client, as an integration would: getActiveJobs,
/// getScheduledJobs, stop, pause, resume, execute and delete, with what a user then sees.
/// The in-process server runs optimizeImagesJob with the test host's slow executor (40 steps of 250 ms).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class JobControlTests(ServerFixture server)
{
    private const string FarFuture = "0 0 0 1 1 ? 2099";

    [Fact]
    public async Task GetActiveJobs_shows_the_running_run_with_progress_and_its_definition_echoed()
    {
        var tenant = await server.NewTenantAsync();
        using var client = new IpsClient(server.ServiceAddress, tenant);
        var handle = await client.SubmitAsync(Slow(tenant, "watched", description: "nightly optimisation", locale: "fr-FR"));
        await WaitForStepsAsync(tenant, "watched", 2);

        var active = (await client.ActiveAsync()).Single();

        Assert.Equal("Running", active.State);
        Assert.Matches(@$"^{tenant.CompanyHandle}\|watched\|watched_[0-9:.-]+\|\d+$", active.JobHandle);
        Assert.Equal("watched", active.Name);
        Assert.Equal("ImageOptimization", active.Type);
        Assert.Equal(tenant.Email, active.SubmitUserEmail);
        Assert.Equal(server.NodeName, active.ServerName);
        Assert.Equal("fr-FR", active.Locale);
        Assert.Equal("nightly optimisation", active.Description);
        Assert.InRange(active.Progress!.Value, 1, 99);
        Assert.StartsWith("step ", active.ProgressMessage, StringComparison.Ordinal);
        Assert.Equal("None", active.OptimizeImagesJob?.EmailSetting);
        Assert.Null(active.UploadUrlsJob);

        // The run's own handle finds it too; then stop it, which is what the next test checks in detail.
        Assert.Single(await client.ActiveAsync(jobHandle: active.JobHandle));
        await client.StopAsync(handle);
        await server.WaitForRunAsync(tenant, "watched", r => r.EndedAt is not null);
        Assert.Empty(await client.ActiveAsync());
    }

    [Fact]
    public async Task StopJob_ends_the_running_run_as_stopped_with_a_FileCancel_record()
    {
        var tenant = await server.NewTenantAsync();
        using var client = new IpsClient(server.ServiceAddress, tenant);
        var handle = await client.SubmitAsync(Slow(tenant, "to stop"));
        await WaitForStepsAsync(tenant, "to stop", 2);

        await client.StopAsync(handle);
        var stopping = (await client.ActiveAsync()).SingleOrDefault();
        var run = await server.WaitForRunAsync(tenant, "to stop", r => r.EndedAt is not null);

        Assert.True(stopping is null || stopping.State == "Stopping", stopping?.State);
        Assert.Equal("Stopped", run.State);
        var details = await server.DetailsAsync(run.Id);
        Assert.Equal("FileCancel", details[^2].LogType);
        Assert.Equal("EndImageOptimization", details[^1].LogType);
        Assert.True(await StepsAsync(tenant, "to stop") < 40);
    }

    [Fact]
    public async Task StopJob_without_a_running_run_is_30001_and_leaves_the_schedule_alone()
    {
        var tenant = await server.NewTenantAsync();
        using var client = new IpsClient(server.ServiceAddress, tenant);
        var handle = await client.SubmitAsync(Cron(tenant, "nightly", FarFuture));

        var fault = await Assert.ThrowsAsync<FaultException<IpsApiFault>>(() => client.StopAsync(handle));

        Assert.Equal(30001, fault.Detail.Code);
        Assert.Equal("Normal", (await client.ScheduledAsync(handle)).Single().TriggerState);
    }

    [Fact]
    public async Task PauseJob_and_resumeJob_switch_the_trigger_state_of_a_scheduled_job()
    {
        var tenant = await server.NewTenantAsync();
        using var client = new IpsClient(server.ServiceAddress, tenant);
        var handle = await client.SubmitAsync(Cron(tenant, "weekly", FarFuture));
        var before = (await client.ScheduledAsync()).Single();

        await client.PauseAsync(handle);
        var paused = (await client.ScheduledAsync()).Single();
        await client.ResumeAsync(handle);
        var resumed = (await client.ScheduledAsync()).Single();

        Assert.Equal(("Normal", "Paused", "Normal"), (before.TriggerState, paused.TriggerState, resumed.TriggerState));
        Assert.Equal(FarFuture, before.ExecSchedule);
        // Midnight in the server's zone (Europe/Berlin in the tests), sent as UTC.
        Assert.Equal(new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)).UtcDateTime, before.NextFireTime!.Value.ToUniversalTime());
        Assert.Equal("Europe/Berlin", before.TimeZone);
        Assert.Equal($"{tenant.CompanyHandle}|weekly|", before.JobHandle);
        Assert.Equal("None", before.ServerDirectoryPublishJob?.EmailSetting);
        Assert.Equal(resumed.NextFireTime, before.NextFireTime);
    }

    [Fact]
    public async Task GetScheduledJobs_of_several_cron_jobs_gives_each_its_own_next_fire_and_state()
    {
        var tenant = await server.NewTenantAsync();
        using var client = new IpsClient(server.ServiceAddress, tenant);
        var yearly = await client.SubmitAsync(Cron(tenant, "yearly", FarFuture));
        var paused = await client.SubmitAsync(Cron(tenant, "paused", "0 0 12 1 1 ? 2098"));
        await client.SubmitAsync(Cron(tenant, "monthly", "0 30 6 1 * ?"));
        await client.PauseAsync(paused);

        var scheduled = (await client.ScheduledAsync()).ToDictionary(s => s.Name!);

        Assert.Equal(["monthly", "paused", "yearly"], scheduled.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("Normal", "Paused", "Normal"),
            (scheduled["yearly"].TriggerState, scheduled["paused"].TriggerState, scheduled["monthly"].TriggerState));
        // Times in the server's zone (Europe/Berlin in the tests), sent as UTC.
        Assert.Equal(new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)).UtcDateTime, scheduled["yearly"].NextFireTime!.Value.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2098, 1, 1, 12, 0, 0, TimeSpan.FromHours(1)).UtcDateTime, scheduled["paused"].NextFireTime!.Value.ToUniversalTime());
        var monthly = TimeZoneInfo.ConvertTime(scheduled["monthly"].NextFireTime!.Value.ToUniversalTime(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Equal((1, 6, 30), (monthly.Day, monthly.Hour, monthly.Minute));
        Assert.InRange(monthly, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(32));
        Assert.Equal($"{tenant.CompanyHandle}|yearly|", scheduled["yearly"].JobHandle);
        Assert.Equal(yearly, scheduled["yearly"].JobHandle);
    }

    [Fact]
    public async Task A_paused_running_run_continues_where_it_stopped_on_resume()
    {
        var tenant = await server.NewTenantAsync();
        using var client = new IpsClient(server.ServiceAddress, tenant);
        var handle = await client.SubmitAsync(Slow(tenant, "pausable"));
        await WaitForStepsAsync(tenant, "pausable", 3);

        await client.PauseAsync(handle);
        var paused = await server.WaitForRunAsync(tenant, "pausable", r => r.EndedAt is not null);
        var stepsBefore = await StepsAsync(tenant, "pausable");
        Assert.Equal("Paused", paused.State);
        Assert.Equal("Paused", (await client.ScheduledAsync(handle)).Single().TriggerState);

        await client.ResumeAsync(handle);
        var runs = await Eventually.WaitAsync(() => server.RunsAsync(tenant, "pausable"),
            r => r.Count == 2 && r[1].EndedAt is not null, "the resumed run to finish");

        Assert.Equal("Done", runs[1].State);
        Assert.Equal(40, await DistinctStepsAsync(tenant, "pausable"));
        Assert.Equal(40, await StepsAsync(tenant, "pausable")); // no step done twice
        Assert.InRange(stepsBefore, 3, 39);
    }

    [Fact]
    public async Task ExecuteJob_runs_a_scheduled_job_now_without_changing_its_schedule()
    {
        var tenant = await server.NewTenantAsync();
        using var client = new IpsClient(server.ServiceAddress, tenant);
        var handle = await client.SubmitAsync(Cron(tenant, "yearly", FarFuture));
        var before = (await client.ScheduledAsync()).Single();

        await client.ExecuteAsync(handle);
        var run = await server.WaitForRunAsync(tenant, "yearly", r => r.EndedAt is not null);

        Assert.Equal("Done", run.State);
        var after = (await client.ScheduledAsync()).Single();
        Assert.Equal((before.NextFireTime, "Normal"), (after.NextFireTime, after.TriggerState));
    }

    [Fact]
    public async Task DeleteJob_removes_the_schedule_stops_the_run_and_keeps_the_logs()
    {
        var tenant = await server.NewTenantAsync();
        using var client = new IpsClient(server.ServiceAddress, tenant);
        var scheduled = await client.SubmitAsync(Cron(tenant, "doomed", FarFuture));
        var running = await client.SubmitAsync(Slow(tenant, "doomed run"));
        await WaitForStepsAsync(tenant, "doomed run", 2);

        await client.DeleteAsync(scheduled);
        await client.DeleteAsync(running);
        var run = await server.WaitForRunAsync(tenant, "doomed run", r => r.EndedAt is not null);

        Assert.Empty(await client.ScheduledAsync());
        Assert.Equal("Stopped", run.State);
        Assert.NotEmpty(await server.DetailsAsync(run.Id));
        var gone = await Assert.ThrowsAsync<FaultException<IpsApiFault>>(() => client.ExecuteAsync(scheduled));
        Assert.Equal(30001, gone.Detail.Code);
        // The name is free again.
        Assert.Equal($"{tenant.CompanyHandle}|doomed|", await client.SubmitAsync(Cron(tenant, "doomed", FarFuture)));
    }

    [Fact]
    public async Task IncludeWaitingJobs_shows_jobs_due_but_not_started()
    {
        var tenant = await server.NewTenantAsync();
        using var client = new IpsClient(server.ServiceAddress, tenant);
        var handles = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            handles.Add(await client.SubmitAsync(Slow(tenant, $"busy {i}")));
        }

        // Four runs at a time on this node: the fifth waits.
        var all = await Eventually.WaitAsync(() => client.ActiveAsync(waiting: true),
            a => a.Count(x => x.State == "Running") == 4 && a.Count == 5, "four running and one waiting");
        var withoutWaiting = await client.ActiveAsync();
        foreach (var handle in handles)
        {
            await client.DeleteAsync(handle);
        }

        var waiting = all.Single(a => a.State == "New");
        Assert.EndsWith("|", waiting.JobHandle, StringComparison.Ordinal);
        Assert.Equal(4, withoutWaiting.Count);
    }

    [Fact]
    public async Task Handles_that_are_bad_or_of_another_company_are_refused_and_roles_are_checked()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();
        var reader = await server.NewTenantAsync(UserRole.ImagePortalUser);
        using var client = new IpsClient(server.ServiceAddress, tenant);
        using var otherClient = new IpsClient(server.ServiceAddress, other);
        using var readerClient = new IpsClient(server.ServiceAddress, reader);
        var handle = await client.SubmitAsync(Cron(tenant, "mine", FarFuture));

        var bad = await Assert.ThrowsAsync<FaultException<IpsApiFault>>(() => client.PauseAsync("not a handle"));
        var unknown = await Assert.ThrowsAsync<FaultException<IpsApiFault>>(() => client.PauseAsync($"{tenant.CompanyHandle}|nothing|"));
        var foreign = await Assert.ThrowsAsync<FaultException<AuthorizationFault>>(() => otherClient.PauseAsync(handle));
        var notMember = await Assert.ThrowsAsync<FaultException<AuthorizationFault>>(() => otherClient.StopAsync(handle, company: tenant.CompanyHandle));
        var noRole = await Assert.ThrowsAsync<FaultException<AuthorizationFault>>(() => readerClient.StopAsync(handle));

        Assert.Equal((30001, 30001), (bad.Detail.Code, unknown.Detail.Code));
        Assert.Equal((20000, 20006, 20003), (foreign.Detail.Code, notMember.Detail.Code, noRole.Detail.Code));
        Assert.Equal("Normal", (await client.ScheduledAsync()).Single().TriggerState);
    }

    private static SubmitJobParam Slow(TestTenant tenant, string name, string? description = null, string? locale = null) => new()
    {
        CompanyHandle = tenant.CompanyHandle,
        JobName = name,
        Description = description,
        Locale = locale,
        OptimizeImagesJob = new OptimizeImagesJob { EmailSetting = "None" },
    };

    private static SubmitJobParam Cron(TestTenant tenant, string name, string cron) => new()
    {
        CompanyHandle = tenant.CompanyHandle,
        JobName = name,
        ExecSchedule = cron,
        ServerDirectoryPublishJob = new ServerDirectoryPublishJob { EmailSetting = "None" },
    };

    private Task<long> StepsAsync(TestTenant tenant, string jobName) => CountAsync(tenant, jobName, "count(*)");

    private Task<long> DistinctStepsAsync(TestTenant tenant, string jobName) => CountAsync(tenant, jobName, "count(distinct e.step)");

    private async Task<long> CountAsync(TestTenant tenant, string jobName, string what)
    {
        await using var command = server.Db.CreateCommand(
            $"""
            select {what} from test_side_effects e join jobs j on j.id = e.job_id join companies c on c.id = j.company_id
            where c.handle = @company and j.name = @name
            """);
        command.Parameters.AddWithValue("company", tenant.CompanyHandle);
        command.Parameters.AddWithValue("name", jobName);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task<long> WaitForStepsAsync(TestTenant tenant, string jobName, int steps) =>
        Eventually.WaitAsync(() => StepsAsync(tenant, jobName), n => n >= steps, $"{jobName} to take {steps} steps");
}
