using System.Globalization;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Notifications;

namespace IpsApi.IntegrationTests.Reliability;

/// <summary>
/// A node killed with SIGKILL (or stopped with SIGTERM) in the middle of many running jobs, round after round:
/// after it comes back every acknowledged job finishes, the JobLog shows the interrupted runs, and side effects are
/// not doubled: the slow jobs resume after their last checkpoint, each upload makes its asset once, each run
/// sends at most one email.
/// </summary>
[Collection(ReliabilityRun.Collection)]
public sealed partial class CrashAndShutdownTests
{
    private const int Steps = 40; // SlowStepsExecutor

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_node_killed_or_stopped_in_the_middle_of_many_runs_finishes_every_job_once_after_restart(bool kill)
    {
        var rounds = kill ? ReliabilityRun.Size(2, 20) : ReliabilityRun.Size(1, 5);
        var slowPerRound = ReliabilityRun.Size(16, 90);
        const int uploadsPerRound = 10;
        await using var database = await TestDatabase.CreateAsync(kill ? "kill" : "sigterm");
        var storage = Directory.CreateTempSubdirectory("ipsapi-crash-").FullName;
        await using var files = await TestFileServer.StartAsync();
        var image = files.Add("p.png", TestMedia.SolidImage(64, 64, ".png"));
        await using var smtp = await SmtpServerFixture.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["IPSAPI_SCHEDULER__MAXCONCURRENTRUNS"] = "24",
            ["IPSAPI_SMTP__HOST"] = "127.0.0.1",
            ["IPSAPI_SMTP__PORT"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["IPSAPI_SMTP__SECURITY"] = "None",
            ["IPSAPI_NOTIFICATIONS__POLLSECONDS"] = "1",
            ["IPSAPI_OUTBOUND__ALLOWLOOPBACK"] = "true",
            // An email a killed node had claimed is sent again once its lease runs out: short here, 300 s by default.
            ["IPSAPI_SMTP__TIMEOUTSECONDS"] = "2",
            ["IPSAPI_NOTIFICATIONS__CALLBACKTIMEOUTSECONDS"] = "2",
            ["IPSAPI_NOTIFICATIONS__LEASESECONDS"] = "8",
        };
        var node = await ServerProcess.StartAsync(database.ConnectionString, "node-crash", storage, environment: settings);
        var interruptedRuns = 0L;
        var stopSeconds = new List<double>();
        var requeued = 0; // jobs the node held when it went down, queued again when it came back (the node logs how many)
        try
        {
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < slowPerRound; i++)
                {
                    await SubmitAsync(node, database, $"slow-{round}-{i}", "<optimizeImagesJob><emailSetting>None</emailSetting></optimizeImagesJob>");
                }

                for (var i = 0; i < uploadsPerRound; i++)
                {
                    await SubmitAsync(node, database, $"upload-{round}-{i}",
                        $"<uploadUrlsJob><urlArray><items><sourceUrl>{image}</sourceUrl><destPath>r{round}/u{round}-{i}.png</destPath></items></urlArray><overwrite>true</overwrite><readyForPublish>false</readyForPublish><createMask>false</createMask><emailSetting>JobCompletion</emailSetting></uploadUrlsJob>");
                }

                // In the middle: many slow runs under way, none near its end.
                await Eventually.WaitAsync(
                    () => database.ScalarAsync<long>("select count(distinct job_id) from test_side_effects t join jobs j on j.id = t.job_id where j.name like @p", ("p", $"slow-{round}-%")),
                    started => started >= Math.Min(slowPerRound, 20), "slow runs to be under way", timeoutSeconds: 120);
                var stopping = System.Diagnostics.Stopwatch.StartNew();
                if (kill)
                {
                    await node.KillAsync();
                }
                else
                {
                    await node.StopAsync();
                    stopSeconds.Add(stopping.Elapsed.TotalSeconds);
                }

                requeued += RequeuedAtStart(node);
                await node.DisposeAsync();
                node = await ServerProcess.StartAsync(database.ConnectionString, "node-crash", storage, environment: settings);
            }

            await Eventually.WaitAsync(
                () => database.ScalarAsync<long>("select count(*) from jobs j where not exists (select 1 from job_runs r where r.job_id = j.id and r.state = 'Done')"),
                open => open == 0, "every job to have a Done run", timeoutSeconds: 600);
            await Eventually.WaitAsync(
                () => Task.FromResult(smtp.Messages().Count(m => (m.Subject ?? "").Contains("succeeded", StringComparison.Ordinal) && (m.Subject ?? "").Contains("\"upload-", StringComparison.Ordinal))),
                sent => sent >= rounds * uploadsPerRound, "a success email for every upload", timeoutSeconds: 120);
            await Task.Delay(3000); // a doubled email would come now
        }
        finally
        {
            requeued += RequeuedAtStart(node);
            await node.DisposeAsync();
        }

        var jobs = rounds * (slowPerRound + uploadsPerRound);
        Assert.Equal(jobs, await database.ScalarAsync<long>("select count(*) from jobs"));
        Assert.Equal(jobs, await database.ScalarAsync<long>("select count(*) from job_runs where state = 'Done'"));
        interruptedRuns = await database.ScalarAsync<long>(
            "select count(*) from job_runs r where r.state = 'Failed' and exists (select 1 from job_log_details d where d.run_id = r.id and d.log_type = 'FatalError' and d.message like '%interrupted%')");
        Assert.True(interruptedRuns >= rounds, $"{interruptedRuns} interrupted runs in the log over {rounds} rounds");
        Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from job_runs where ended_at is null"));

        // Slow jobs: every step done, and a step redone only where a run was cut between the step and its checkpoint.
        Assert.Equal(rounds * slowPerRound * Steps, await database.ScalarAsync<long>("select count(*) from (select distinct job_id, step from test_side_effects) s"));
        var redone = await database.ScalarAsync<long>("select count(*) - count(distinct (job_id, step)) from test_side_effects");
        if (!kill)
        {
            Assert.Equal(0, redone); // SIGTERM stops between steps
        }
        else
        {
            Assert.InRange(redone, 0, interruptedRuns);
        }

        // Uploads: one asset and one original file each; one email per Done run.
        var uploads = rounds * uploadsPerRound;
        Assert.Equal(uploads, await database.ScalarAsync<long>("select count(*) from assets"));
        Assert.Equal(uploads, await database.ScalarAsync<long>("select count(distinct name) from assets"));
        var originals = Directory.GetFiles(Path.Combine(storage, database.TenantStorageFolder, "assets"), "*", SearchOption.AllDirectories);
        Assert.True(originals.Length == uploads, $"{originals.Length} files under assets/: {string.Join(", ", originals.Select(Path.GetFileName))}");
        var messages = smtp.Messages();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < uploadsPerRound; i++)
            {
                var name = $"\"upload-{round}-{i}\"";
                // One email per run. A node killed between handing an email to SMTP and recording it sends it again
                // after restart as the same message (same Message-Id, as docs/CONFIGURATION.md says); a second run would be a new one.
                var sent = messages.Where(m => (m.Subject ?? "").Contains(name, StringComparison.Ordinal) && (m.Subject ?? "").Contains("succeeded", StringComparison.Ordinal)).ToList();
                Assert.NotEmpty(sent);
                Assert.Single(sent.Select(m => m.MessageId).Distinct());
            }
        }

        ReliabilityRun.Record(kill ? "crash" : "shutdown", kill ? "Crash (kill -9)" : "Shutdown (SIGTERM)",
        [
            new Outcome($"{(kill ? "kill -9" : "SIGTERM")} of the node with {slowPerRound} slow jobs (40 checkpointed steps) and {uploadsPerRound} uploads in flight, restart",
                $"{rounds} rounds, {jobs} jobs",
                "every acknowledged job Done; interrupted runs closed as Failed with a FatalError in the JobLog; "
                + (kill ? "a step redone only where a run was cut between step and checkpoint" : "no step redone (runs stop between steps)")
                + "; one asset and one file per upload; one success email per upload",
                $"{interruptedRuns} interrupted runs; {redone} steps redone; {requeued} held jobs queued again by the node when it came back"
                + (kill ? "" : $"; node exited {string.Join(", ", stopSeconds.Select(s => s.ToString("0.0", CultureInfo.InvariantCulture)))} s after SIGTERM")),
        ]);
    }

    private static int RequeuedAtStart(ServerProcess node) => HeldJobsQueuedAgain().Matches(node.Output)
        .Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [System.Text.RegularExpressions.GeneratedRegex(@"(\d+) job\(s\) this node held when it stopped are queued again")]
    private static partial System.Text.RegularExpressions.Regex HeldJobsQueuedAgain();

    private static async Task SubmitAsync(ServerProcess node, TestDatabase database, string name, string job)
    {
        using var http = new HttpClient();
        using var content = new StringContent(Envelopes.Soap11(database.Tenant, Envelopes.SubmitJobBody("77", name, job)), System.Text.Encoding.UTF8, "text/xml");
        using var response = await http.PostAsync(node.ServiceAddress, content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
    }
}
