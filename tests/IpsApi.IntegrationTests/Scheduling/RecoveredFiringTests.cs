using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Running;
using Microsoft.Extensions.DependencyInjection;

namespace IpsApi.IntegrationTests.Scheduling;

/// <summary>
/// A node killed after a run ended but before Quartz recorded the firing complete gets that firing back as a
/// recovery on restart: the runner must see that the firing's run already ended and not do the work again.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RecoveredFiringTests(ServerFixture server)
{
    [Fact]
    public async Task A_firing_whose_latest_run_ended_counts_as_done_and_one_cut_short_does_not()
    {
        var tenant = await server.NewTenantAsync();
        await server.SubmitAsync(tenant, "ended firing", "<createVideoSitemapJob/>");
        var run = await server.WaitForRunAsync(tenant, "ended firing", r => r.EndedAt is not null);
        await using var lookup = server.Db.CreateCommand("select job_id from job_runs where id = @id");
        lookup.Parameters.AddWithValue("id", run.Id);
        var jobId = (long)(await lookup.ExecuteScalarAsync())!;
        var runs = server.Services.GetRequiredService<RunStore>();

        Assert.True(await runs.FiringAlreadyEndedAsync(jobId, run.TriggerTime, CancellationToken.None));
        Assert.False(await runs.FiringAlreadyEndedAsync(jobId, run.TriggerTime.AddSeconds(1), CancellationToken.None));

        // A later run of the same firing still open (its node died in the middle): the firing has not ended.
        await server.ExecuteAsync(
            """
            insert into job_runs (job_id, company_id, instance_name, fire_instance_id, state, log_type, job_sub_type, trigger_time, started_at, server_name, recovering)
            select job_id, company_id, instance_name || '-again', fire_instance_id || '-again', 'Running', log_type, job_sub_type, now(), now(), server_name, true
            from job_runs where id = @id
            """, ("id", run.Id));
        Assert.False(await runs.FiringAlreadyEndedAsync(jobId, run.TriggerTime, CancellationToken.None));

        // That later run ended too: the firing, recovered once, has now ended.
        await server.ExecuteAsync("update job_runs set ended_at = now(), state = 'Done' where job_id = @job and ended_at is null", ("job", jobId));
        Assert.True(await runs.FiringAlreadyEndedAsync(jobId, run.TriggerTime, CancellationToken.None));
    }
}
