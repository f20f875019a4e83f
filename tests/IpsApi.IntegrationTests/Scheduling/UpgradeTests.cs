using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Reliability;

namespace IpsApi.IntegrationTests.Scheduling;

/// <summary>
/// Upgrades: what a database written by an earlier build holds keeps working after an upgrade. Nodes of that build
/// (<see cref="PreviousBuild"/>) and of this one run as separate processes on one database.
/// </summary>
[Collection(ReliabilityRun.Collection)]
public sealed class UpgradeTests
{
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
                "the cron job to fire after the upgrade", timeoutSeconds: 60);
            Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from qrtz_triggers where trigger_state = 'ERROR'"));
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    private static Task<long> RunsOfAsync(TestDatabase database, DateTime triggeredAfter) => database.ScalarAsync<long>(
        "select count(*) from job_runs r join jobs j on j.id = r.job_id where j.name = 'every second' and r.trigger_time > @at and r.state = 'Done'",
        ("at", triggeredAfter));
}
