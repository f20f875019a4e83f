using System.Globalization;
using System.Net;
using IpsApi.Assets.Files;
using IpsApi.Assets.Publishing;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Logs;
using IpsApi.IntegrationTests.Ops;
using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.JobTypes.Export;
using IpsApi.Jobs.Retention;
using IpsApi.Server.Admin;
using IpsApi.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IpsApi.IntegrationTests.Retention;

/// <summary>
/// The cleaner with the server's default settings: each kind goes once it is due and stays until then, files with
/// their rows, and what is gone leaves no trace in the job logs or the dashboard. Rows are made due by moving their
/// instants back in time, the way ninety days would.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RetentionTests(ServerFixture server)
{
    private const string Sitemap = "<createVideoSitemapJob/>";
    private const string FarFuture = "0 0 0 1 1 ? 2099";

    private readonly LogTestKit _kit = new(server);

    [Fact]
    public async Task A_run_ended_over_90_days_ago_goes_with_its_details_task_progress_and_finished_job_and_the_logs_say_nothing_of_it()
    {
        var tenant = await server.NewTenantAsync();
        var expired = await _kit.RunAsync(tenant, "expired", Sitemap);
        var kept = await _kit.RunAsync(tenant, "kept", Sitemap);
        using var client = new IpsClient(server.ServiceAddress, tenant);
        var nightly = await client.SubmitAsync(new SubmitJobParam
        {
            CompanyHandle = tenant.CompanyHandle,
            JobName = "nightly",
            ExecSchedule = FarFuture,
            CreateVideoSitemapJob = new CreateVideoSitemapJob(),
        });
        await client.ExecuteAsync(nightly);
        var nightlyRun = await server.WaitForRunAsync(tenant, "nightly", r => r.EndedAt is not null);
        await server.ExecuteAsync(
            "insert into job_task_progress (run_id, task_type, task_state) values (@run, 'Sitemap', 'Done') on conflict do nothing",
            ("run", expired.Id));
        await EndedDaysAgoAsync(expired.Id, 91);
        await EndedDaysAgoAsync(kept.Id, 89);
        // The cron job is still in use: its last run stays, however old.
        await EndedDaysAgoAsync(nightlyRun.Id, 200);
        var neverExisted = await _kit.FaultAsync(tenant, LogBodies.GetJobLogDetails(tenant.CompanyHandle, $"{tenant.CompanyHandle}|never|x|1"));

        await PassAsync();

        Assert.Equal(0L, await CountAsync("select count(*) from job_runs where id = @id", expired.Id));
        Assert.Equal(0L, await CountAsync("select count(*) from job_log_details where run_id = @id", expired.Id));
        Assert.Equal(0L, await CountAsync("select count(*) from job_task_progress where run_id = @id", expired.Id));
        Assert.Equal(0L, await JobsNamedAsync(tenant, "expired"));
        Assert.NotEmpty(await server.DetailsAsync(kept.Id));
        Assert.NotEmpty(await server.DetailsAsync(nightlyRun.Id));
        Assert.Equal(1L, await JobsNamedAsync(tenant, "kept"));

        var logs = LogTestKit.Items(await _kit.OkAsync(tenant, LogBodies.GetJobLogs(tenant.CompanyHandle)));
        Assert.Equal(["kept", "nightly"], logs.Select(l => LogTestKit.Text(l, "jobName")).Order(StringComparer.Ordinal));
        // A handle of a run that is gone reads like one that never was.
        var gone = await _kit.FaultAsync(tenant, LogBodies.GetJobLogDetails(tenant.CompanyHandle, LogTestKit.HandleOf(tenant, "expired", expired)));
        Assert.Equal(neverExisted.FaultCode, gone.FaultCode);

        var admin = await server.NewColleagueAsync(tenant, UserRole.IpsCompanyAdmin);
        using var ops = new OpsSession(server.OpsAddress);
        await ops.SignInAsync(admin.Email, admin.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await ops.GetAsync($"/ops/runs/{expired.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await ops.GetAsync($"/ops/runs/{kept.Id}")).Status);
    }

    [Fact]
    public async Task A_deleted_job_s_queue_row_goes_at_the_next_pass_and_its_row_90_days_after_the_delete()
    {
        var tenant = await server.NewTenantAsync();
        var at = DateTimeOffset.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        await server.SubmitAsync(tenant, "orphaned", $"<execTime>{at}</execTime>{Sitemap}");
        await server.SubmitAsync(tenant, "waiting", $"<execTime>{at}</execTime>{Sitemap}");
        // A job deleted while a node that died held its row: the row came back to waiting, and no dispatcher takes a
        // deleted job.
        await server.ExecuteAsync(
            "update jobs set deleted_at = now(), released_at = now() where name = 'orphaned' and company_id = (select id from companies where handle = @c)",
            ("c", tenant.CompanyHandle));

        await PassAsync();

        Assert.Equal(0L, await QueueRowsAsync(tenant, "orphaned"));
        Assert.Equal(1L, await QueueRowsAsync(tenant, "waiting"));
        Assert.Equal(1L, await JobsNamedAsync(tenant, "orphaned"));

        await server.ExecuteAsync(
            "update jobs set deleted_at = now() - interval '91 days', released_at = now() - interval '91 days' where name = 'orphaned' and company_id = (select id from companies where handle = @c)",
            ("c", tenant.CompanyHandle));
        await PassAsync();

        Assert.Equal(0L, await JobsNamedAsync(tenant, "orphaned"));
        Assert.Equal(1L, await JobsNamedAsync(tenant, "waiting"));
    }

    [Fact]
    public async Task Delivered_messages_go_after_7_days_given_up_ones_after_30_and_pending_ones_never()
    {
        var marker = -Random.Shared.NextInt64(1_000_000, long.MaxValue / 2);
        async Task<long> AddAsync(string delivered, string failed) => await server.ScalarAsync<long>(
            $$"""
            insert into outbox (kind, run_id, payload, created_at, next_attempt_at, delivered_at, failed_at)
            values ('email', @run, '{}', now() - interval '100 days', now() + interval '1 year', {{delivered}}, {{failed}})
            returning id
            """, ("run", marker));
        var deliveredLongAgo = await AddAsync("now() - interval '8 days'", "null");
        var deliveredLately = await AddAsync("now() - interval '6 days'", "null");
        var givenUpLongAgo = await AddAsync("null", "now() - interval '31 days'");
        var givenUpLately = await AddAsync("null", "now() - interval '29 days'");
        var pending = await AddAsync("null", "null");

        await PassAsync();

        var left = await IdsAsync("select id from outbox where run_id = @m order by id", marker);
        Assert.Equal([deliveredLately, givenUpLately, pending], left);
        Assert.DoesNotContain(deliveredLongAgo, left);
        Assert.DoesNotContain(givenUpLongAgo, left);
    }

    [Fact]
    public async Task Sign_in_failures_go_once_they_expire()
    {
        var id = Guid.NewGuid().ToString("N");
        await server.ExecuteAsync(
            """
            insert into sign_in_failures (key, failures, first_failure_at, expires_at) values
                (@expired, 3, now() - interval '1 hour', now() - interval '1 minute'),
                (@current, 3, now() - interval '1 minute', now() + interval '10 minutes')
            """, ("expired", $"name:expired-{id}"), ("current", $"name:current-{id}"));

        await PassAsync();

        Assert.Equal([$"name:current-{id}"], await KeysAsync($"%{id}"));
    }

    [Fact]
    public async Task An_export_zip_goes_with_its_row_when_its_link_expires()
    {
        var tenant = await server.NewTenantAsync();
        var (companyId, storage) = await CompanyAsync(tenant);
        var exports = server.Services.GetRequiredService<ExportStore>();
        var files = server.Services.GetRequiredService<IFileStore>();
        string Zip(string name)
        {
            var key = $"{storage.Folder}/exports/{name}.zip";
            Directory.CreateDirectory(Path.GetDirectoryName(files.LocalPath(key))!);
            File.WriteAllText(files.LocalPath(key), name);
            return key;
        }

        var expiredKey = Zip("expired");
        var validKey = Zip("valid");
        var expiredToken = await exports.CreateDownloadAsync(companyId, expiredKey, "expired.zip", DateTimeOffset.UtcNow.AddMinutes(-1), default);
        var validToken = await exports.CreateDownloadAsync(companyId, validKey, "valid.zip", DateTimeOffset.UtcNow.AddHours(1), default);

        await PassAsync();

        Assert.False(File.Exists(files.LocalPath(expiredKey)));
        Assert.Equal(0L, await server.ScalarAsync<long>("select count(*) from export_downloads where token = @t", ("t", expiredToken)));
        Assert.True(File.Exists(files.LocalPath(validKey)));
        var download = await server.Http.GetAsync(new Uri(server.BaseAddress, $"/exports/{validToken}"));
        Assert.Equal("valid", await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Leftovers_of_an_unfinished_publish_go_but_a_publish_under_way_keeps_its_files()
    {
        var tenant = await server.NewTenantAsync();
        await _kit.PublishAsync(tenant, "publish", "a.txt");
        var (companyId, storage) = await CompanyAsync(tenant);
        var folders = server.FoldersOf(tenant);
        var published = Path.Combine(folders.Publish, CatalogKind.ServerDirectory.Folder());
        var named = Directory.GetFiles(published).Single();
        // What a node killed in the middle of a publish leaves: a file no entry names and rows of a version never made current.
        File.WriteAllText(Path.Combine(published, "0123456789abcdef.txt"), "left behind");
        await server.ExecuteAsync(
            """
            insert into publish_entries (company_id, kind, version, name, display_name, asset_type, folder, source, modified)
            values (@c, 'ServerDirectory', -7, 'stale', 'stale', 'Other', '', 'x', now())
            """, ("c", companyId));
        // A publish of another catalog is under way, holding its lock with a file placed.
        var catalogs = server.Services.GetRequiredService<PublishCatalogs>();
        var source = Path.Combine(server.StorageRoot, $"source-{Guid.NewGuid():N}.txt");
        File.WriteAllText(source, "being published");
        string placed;
        await using (var draft = await catalogs.BeginAsync(companyId, storage, CatalogKind.ImageRendering, default))
        {
            placed = Path.Combine(folders.Publish, CatalogKind.ImageRendering.Folder(), await draft.PlaceFileAsync(source, "source-1", ".txt", default));

            await PassAsync();

            Assert.Equal([named], Directory.GetFiles(published));
            Assert.Equal(0L, await server.ScalarAsync<long>("select count(*) from publish_entries where company_id = @c and version = -7", ("c", companyId)));
            Assert.True(File.Exists(placed));
        }

        // That publish failed (never committed): its file goes at the next pass.
        await PassAsync();
        Assert.False(File.Exists(placed));
        var delivered = await server.Http.GetAsync(new Uri(server.BaseAddress, $"/is/content/{Uri.EscapeDataString(tenant.CompanyHandle)}/a.txt"));
        Assert.Equal("content of a.txt", await delivered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task One_node_cleans_at_a_time_and_a_node_that_finds_the_lock_taken_leaves_everything()
    {
        var key = $"name:locked-{Guid.NewGuid():N}";
        await server.ExecuteAsync(
            "insert into sign_in_failures (key, failures, first_failure_at, expires_at) values (@k, 1, now() - interval '1 hour', now() - interval '1 minute')",
            ("k", key));
        var cleaner = server.Services.GetRequiredService<RetentionCleaner>();

        // Another node is cleaning: it holds the cleaner's lock for as long as its pass takes.
        await using (var otherNode = await server.Db.OpenConnectionAsync())
        {
            await Eventually.WaitAsync(async () =>
            {
                await using var take = otherNode.CreateCommand();
                take.CommandText = $"select pg_try_advisory_lock({RetentionCleaner.LockKey})";
                return await take.ExecuteScalarAsync() is true;
            }, taken => taken, "the cleaner's lock");

            Assert.Null(await cleaner.RunPassAsync(evenIfNotDue: true, default));
            Assert.Equal([key], await KeysAsync(key));

            // Its pass is over (a pooled connection would keep the session, and the lock, if not told).
            await using var release = otherNode.CreateCommand();
            release.CommandText = $"select pg_advisory_unlock({RetentionCleaner.LockKey})";
            await release.ExecuteNonQueryAsync();
        }

        await PassAsync();
        Assert.Empty(await KeysAsync(key));
    }

    [Fact]
    public async Task Doctor_tells_table_sizes_the_oldest_rows_kept_and_that_the_cleaner_keeps_up()
    {
        await PassAsync();
        var output = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IpsApi:Storage:Root"] = server.StorageRoot,
        }).Build();

        await AdminCommand.RunAsync(["doctor"], output, new StringWriter(), ServerFixture.ConnectionString, configuration);

        var text = output.ToString();
        var lines = text.Split('\n');
        Assert.True(lines.Any(l => l.StartsWith("ok    tables ", StringComparison.Ordinal)), text);
        Assert.True(lines.Any(l => l.TrimStart().StartsWith("job_runs ", StringComparison.Ordinal) && l.Contains("indexes", StringComparison.Ordinal)), text);
        Assert.True(lines.Any(l => l.StartsWith("ok    retention  job logs go 90 days after the run ended", StringComparison.Ordinal)
                                   && l.Contains("oldest from ", StringComparison.Ordinal)), text);
        Assert.True(lines.Any(l => l.StartsWith("ok    cleaner    last pass ", StringComparison.Ordinal) && l.Contains("keeping up", StringComparison.Ordinal)), text);
    }

    /// <summary>A pass now, whatever the ledger says; waits while the server's own cleaner is in the middle of one.</summary>
    private async Task PassAsync()
    {
        var cleaner = server.Services.GetRequiredService<RetentionCleaner>();
        await Eventually.WaitAsync(() => cleaner.RunPassAsync(evenIfNotDue: true, default), result => result is not null, "a retention pass");
    }

    private Task EndedDaysAgoAsync(long runId, int days) => server.ExecuteAsync(
        """
        update job_runs set started_at = now() - make_interval(days => @days, mins => 1), ended_at = now() - make_interval(days => @days)
        where id = @run;
        update jobs set released_at = now() - make_interval(days => @days)
        where id = (select job_id from job_runs where id = @run) and released_at is not null;
        """, ("run", runId), ("days", days));

    private Task<long> CountAsync(string sql, long id) => server.ScalarAsync<long>(sql, ("id", id));

    private Task<long> JobsNamedAsync(TestTenant tenant, string name) => server.ScalarAsync<long>(
        "select count(*) from jobs j join companies c on c.id = j.company_id where c.handle = @c and j.name = @n", ("c", tenant.CompanyHandle), ("n", name));

    private Task<long> QueueRowsAsync(TestTenant tenant, string name) => server.ScalarAsync<long>(
        "select count(*) from job_queue q join jobs j on j.id = q.job_id join companies c on c.id = j.company_id where c.handle = @c and j.name = @n",
        ("c", tenant.CompanyHandle), ("n", name));

    private async Task<List<long>> IdsAsync(string sql, long marker)
    {
        await using var command = server.Db.CreateCommand(sql);
        command.Parameters.AddWithValue("m", marker);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private async Task<List<string>> KeysAsync(string like)
    {
        await using var command = server.Db.CreateCommand("select key from sign_in_failures where key like @like order by key");
        command.Parameters.AddWithValue("like", like);
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private async Task<(long Id, CompanyStorage Storage)> CompanyAsync(TestTenant tenant)
    {
        await using var command = server.Db.CreateCommand("select id, storage_folder from companies where handle = @c");
        command.Parameters.AddWithValue("c", tenant.CompanyHandle);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), new CompanyStorage(reader.GetString(1)));
    }
}
