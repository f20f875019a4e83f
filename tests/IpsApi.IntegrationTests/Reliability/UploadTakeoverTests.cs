using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Reliability;

/// <summary>
/// A node killed with SIGKILL between two files of an upload: the run that takes the job over goes on from the cut
/// run's checkpoint, and the job's log reads as it does for the same upload where no node died.
/// </summary>
[Collection(ReliabilityRun.Collection)]
public sealed class UploadTakeoverTests
{
    private const string FirstOriginal = "select original_key from assets where name = 'first.png' and folder like '%cut'";

    [Fact]
    public async Task An_upload_killed_between_two_files_is_taken_over_without_ingesting_the_first_again_and_logs_as_if_nothing_happened()
    {
        await using var database = await TestDatabase.CreateAsync("takeover_upload");
        var storage = Directory.CreateTempSubdirectory("ipsapi-takeover-upload-").FullName;
        await using var files = await TestFileServer.StartAsync();
        var first = files.Add("first.png", TestMedia.SolidImage(64, 64, ".png"));
        var second = files.AddHeld("second.png", TestMedia.SolidImage(48, 32, ".png", red: 200));
        var settings = new Dictionary<string, string>
        {
            ["IPSAPI_OUTBOUND__ALLOWLOOPBACK"] = "true",
            ["IPSAPI_DOWNLOADS__MAXPARALLEL"] = "1",
        };
        var node = await ServerProcess.StartAsync(database.ConnectionString, "node-upload", storage, environment: settings);
        try
        {
            await SubmitAsync(node, database, "cut upload", "cut", first, second);
            // The first file is in and the second is being downloaded (its source holds it back): kill the node now.
            await Eventually.WaitAsync(() => Task.FromResult(files.HeldRequests.GetValueOrDefault("second.png")), n => n >= 1,
                "the node to ask for the second file");
            var firstAsset = await database.ScalarAsync<string>(FirstOriginal);
            await node.KillAsync();
            await node.DisposeAsync();

            files.Release("second.png");
            node = await ServerProcess.StartAsync(database.ConnectionString, "node-upload", storage, environment: settings);
            await WaitDoneAsync(database, "cut upload");
            // The first file was not ingested again: its asset keeps the original it had before the kill.
            Assert.Equal(firstAsset, await database.ScalarAsync<string>(FirstOriginal));

            // The same upload where no node dies.
            await SubmitAsync(node, database, "whole upload", "whole", first, second);
            await WaitDoneAsync(database, "whole upload");
        }
        finally
        {
            await node.DisposeAsync();
        }

        // The cut run stays in the log as interrupted; the run that took over reads like the run that was not cut.
        Assert.Equal(1, await database.ScalarAsync<long>(
            "select count(*) from job_runs r join jobs j on j.id = r.job_id where j.name = 'cut upload' and r.state = 'Failed'"));
        var cut = await CountsAsync(database, "cut upload");
        var whole = await CountsAsync(database, "whole upload");
        Assert.Equal("2 success, 0 errors, 0 warnings, 0 duplicates, 0 updated, 2 files, 2 transferred, 0 not transferred", whole);
        Assert.Equal(whole, cut);
        Assert.Equal(await RecordsAsync(database, "whole upload", "whole"), await RecordsAsync(database, "cut upload", "cut"));
        // One asset and one original per file.
        Assert.Equal(4, await database.ScalarAsync<long>("select count(*) from assets"));
        var originals = Directory.GetFiles(Path.Combine(storage, database.TenantStorageFolder, "assets"), "*", SearchOption.AllDirectories);
        Assert.True(originals.Length == 4, $"{originals.Length} files under assets/: {string.Join(", ", originals.Select(Path.GetFileName))}");
    }

    private static async Task SubmitAsync(ServerProcess node, TestDatabase database, string name, string folder, string first, string second)
    {
        await node.CallAsync(database.Tenant, "submitJob",
            $"<companyHandle>{database.Tenant.CompanyHandle}</companyHandle><jobName>{name}</jobName><uploadUrlsJob><urlArray>" +
            $"<items><sourceUrl>{first}</sourceUrl><destPath>{folder}/first.png</destPath></items>" +
            $"<items><sourceUrl>{second}</sourceUrl><destPath>{folder}/second.png</destPath></items>" +
            "</urlArray><overwrite>true</overwrite><readyForPublish>false</readyForPublish><createMask>false</createMask>" +
            "<emailSetting>None</emailSetting></uploadUrlsJob>");
    }

    private static Task<long> WaitDoneAsync(TestDatabase database, string name) => Eventually.WaitAsync(
        () => database.ScalarAsync<long>(
            "select count(*) from job_runs r join jobs j on j.id = r.job_id where j.name = @name and r.state = 'Done'", ("name", name)),
        done => done == 1, $"'{name}' to be done", timeoutSeconds: 120);

    /// <summary>The JobLog counts of the job's Done run, as getJobLogs reports them.</summary>
    private static Task<string> CountsAsync(TestDatabase database, string name) => database.ScalarAsync<string>(
        """
        select format('%s success, %s errors, %s warnings, %s duplicates, %s updated, %s files, %s transferred, %s not transferred',
                      file_success_count, file_error_count, file_warning_count, file_duplicate_count, file_update_count,
                      total_file_count, transfer_success_count, transfer_error_count)
        from job_runs r join jobs j on j.id = r.job_id where j.name = @name and r.state = 'Done'
        """, ("name", name));

    /// <summary>The Done run's records in getJobLogDetails' order: type, asset (its folder named generically) and message.</summary>
    private static Task<string> RecordsAsync(TestDatabase database, string name, string folder) => database.ScalarAsync<string>(
        """
        select string_agg(d.log_type || ' ' || coalesce(replace(d.asset_name, @folder, '<folder>'), '-') || ' ' ||
                          replace(replace(d.message, @name, '<job>'), @folder, '<folder>'), E'\n' order by d.created_at, d.id)
        from job_log_details d join job_runs r on r.id = d.run_id join jobs j on j.id = r.job_id
        where j.name = @name and r.state = 'Done'
        """, ("name", name), ("folder", $"{folder}/"));
}
