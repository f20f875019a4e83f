using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Engine.Submit;
using IpsApi.Jobs.Store;
using IpsApi.Server.Soap.Mapping;
using IpsApi.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace IpsApi.IntegrationTests.Scheduling;

/// <summary>
/// Submits that arrive together share one transaction (group commit). What a user relies on still holds: each
/// answered job is stored with its trigger under its own name, and a submit that cannot be stored fails alone.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class GroupCommitTests(ServerFixture server)
{
    // A cron job is stored with its Quartz trigger (the group in an explicit transaction Quartz enlists in); a job
    // for tomorrow with its queue row (the group as one batch). Tomorrow's jobs stay queued for the whole test.
    private const string Nightly = "0 0 3 * * ?";

    public static TheoryData<bool> Schedules => new() { true, false };

    [Theory]
    [MemberData(nameof(Schedules))]
    public async Task Concurrent_submits_of_one_name_each_get_a_name_of_their_own_and_a_trigger_or_queue_row(bool cron)
    {
        var tenant = await server.NewTenantAsync();
        var inner = cron
            ? $"<execSchedule>{Nightly}</execSchedule><createVideoSitemapJob/>"
            : $"<execTime>{DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}</execTime><createVideoSitemapJob/>";
        var handles = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => server.SubmitAsync(tenant, "same name", inner)));

        var expected = new[] { $"{tenant.CompanyHandle}|same name|" }
            .Concat(Enumerable.Range(2, 23).Select(n => $"{tenant.CompanyHandle}|same name_{n}|"));
        Assert.Equal(expected.Order(), handles.Order());
        Assert.Equal(24, await JobsScheduledAsync(tenant));
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public async Task A_submit_that_cannot_be_stored_fails_alone_and_the_others_around_it_are_stored(bool cron)
    {
        var tenant = await server.NewTenantAsync();
        var (companyId, userId) = await IdsAsync(tenant);
        var submitter = server.Services.GetRequiredService<GroupCommitSubmitter>();
        JobSubmission Submission(int n, long notifyUserId)
        {
            var mapped = SubmitJobMapper.Map(
                new SubmitJobParam
                {
                    CompanyHandle = tenant.CompanyHandle,
                    JobName = $"grouped {n}",
                    ExecSchedule = cron ? Nightly : null,
                    ExecTime = cron ? null : DateTime.UtcNow.AddDays(1),
                    CreateVideoSitemapJob = new CreateVideoSitemapJob(),
                },
                TimeZoneInfo.Utc);
            return new JobSubmission(mapped.Value!, companyId, userId, notifyUserId, "en-US", null, null);
        }

        // Job 7 names a user that does not exist: its row breaks a foreign key, whatever group it lands in.
        var submits = Enumerable.Range(0, 30).Select(n => submitter.SubmitAsync(Submission(n, n == 7 ? -1 : userId))).ToList();
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => submits[7]);
        var stored = await Task.WhenAll(submits.Where((_, n) => n != 7));

        Assert.Equal(29, stored.Select(s => s.Id).Distinct().Count());
        Assert.Equal(29, await JobsScheduledAsync(tenant));
        Assert.Equal(29, await server.CountJobsAsync(tenant.CompanyHandle));
    }

    /// <summary>Jobs of the company with their Quartz trigger or their queue row (not both, not neither).</summary>
    private async Task<long> JobsScheduledAsync(TestTenant tenant)
    {
        await using var command = server.Db.CreateCommand(
            """
            select count(*) from jobs j join companies c on c.id = j.company_id
            where c.handle = @company
              and exists (select 1 from qrtz_triggers t where t.trigger_name = 'job-' || j.id and t.trigger_group = 'ips')
                  <> exists (select 1 from job_queue q where q.job_id = j.id)
            """);
        command.Parameters.AddWithValue("company", tenant.CompanyHandle);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(long Company, long User)> IdsAsync(TestTenant tenant)
    {
        await using var command = server.Db.CreateCommand(
            "select c.id, u.id from companies c, users u where c.handle = @company and u.email = @email");
        command.Parameters.AddWithValue("company", tenant.CompanyHandle);
        command.Parameters.AddWithValue("email", tenant.Email);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
