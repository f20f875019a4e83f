using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Scheduling;

/// <summary>What a database written by an earlier version of the server holds keeps working after an upgrade.</summary>
public sealed class UpgradeTests
{
    [Fact]
    public async Task A_cron_job_stored_before_the_engine_moved_still_fires_after_the_upgrade()
    {
        await using var database = await TestDatabase.CreateAsync("upgrade");
        var storage = Directory.CreateTempSubdirectory("ipsapi-upgrade-").FullName;
        var node = await ServerProcess.StartAsync(database.ConnectionString, "node-upgrade", storage);
        try
        {
            await SubmitAsync(node, database.Tenant);
            await node.StopAsync();
            await node.DisposeAsync();

            // As the earlier version stored it, and before it had applied the migration that renames it.
            var changed = await database.ScalarAsync<int>(
                """
                with renamed as (
                    update qrtz_job_details set job_class_name = 'IpsApi.Jobs.Scheduling.ScheduledFiring, IpsApi.Jobs'
                    where job_class_name = 'IpsApi.Jobs.Engine.Cron.ScheduledFiring, IpsApi.Jobs' returning 1),
                forgotten as (delete from schema_migrations where id = '040_cron_firing_class_moved' returning 1)
                select (select count(*) from renamed)::int + (select count(*) from forgotten)::int
                """);
            Assert.Equal(2, changed);
            // Runs of fires from now on: a run the stop handed back runs again too, but with its old trigger time.
            var upgradedAt = await database.ScalarAsync<DateTime>("select now()");

            node = await ServerProcess.StartAsync(database.ConnectionString, "node-upgrade", storage);
            await Eventually.WaitAsync(
                () => database.ScalarAsync<long>(
                    "select count(*) from job_runs r join jobs j on j.id = r.job_id where j.name = 'every second' and r.trigger_time > @at",
                    ("at", upgradedAt)),
                fired => fired >= 1, "the cron job to fire after the upgrade", timeoutSeconds: 60);
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    private static async Task SubmitAsync(ServerProcess node, TestTenant tenant)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, node.ServiceAddress)
        {
            Content = new StringContent(
                Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, "every second",
                    "<execSchedule>* * * * * ?</execSchedule><createVideoSitemapJob/>")),
                System.Text.Encoding.UTF8, "text/xml"),
        };
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
