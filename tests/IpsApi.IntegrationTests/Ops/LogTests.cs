using System.Text.Json;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Server.Ops.Logging;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Context;
using Serilog.Events;

namespace IpsApi.IntegrationTests.Ops;

/// <summary>What someone reading the server's log finds: each run's lines tied to their run, and the optional file.</summary>
[Collection(ServerCollection.Name)]
public sealed class LogTests(ServerFixture server)
{
    [Fact]
    public async Task Every_event_of_a_run_carries_its_job_handle_company_job_type_and_run_id()
    {
        var tenant = await server.NewTenantAsync();
        await server.SubmitAsync(tenant, "logged-quick", "<createVideoSitemapJob/>");
        await server.SubmitAsync(tenant, "logged-failing", "<metadataPublishJob/>");
        var quick = await server.WaitForRunAsync(tenant, "logged-quick", r => r.EndedAt is not null);
        var failing = await server.WaitForRunAsync(tenant, "logged-failing", r => r.EndedAt is not null);

        foreach (var (name, run, type) in new[] { ("logged-quick", quick, "CreateVideoSitemap"), ("logged-failing", failing, "MetadataPublish") })
        {
            // The run's own lines: those that name the job or its instance.
            var events = await Eventually.WaitAsync(
                () => Task.FromResult(server.Logs.Events.Where(e => Names(e, name) && Text(e, "Company") == tenant.CompanyHandle).ToList()),
                found => found.Count >= 2, $"the start and end lines of {name}");

            Assert.All(events, e =>
            {
                Assert.StartsWith($"{tenant.CompanyHandle}|{name}|", Text(e, "JobHandle"));
                Assert.Equal(type, Text(e, "JobType"));
                Assert.Equal(run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Properties["RunId"].ToString());
            });
            Assert.Contains(events, e => e.MessageTemplate.Text.Contains("started", StringComparison.Ordinal));
            Assert.Contains(events, e => e.MessageTemplate.Text.Contains("ended", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(tenant.Password, server.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_file_setting_writes_a_daily_file_with_each_line_and_its_properties()
    {
        var folder = Directory.CreateTempSubdirectory("ipsapi-logs-").FullName;
        try
        {
            WriteOneEvent(folder, "text");
            WriteOneEvent(Path.Combine(folder, "json"), "json");

            var text = File.ReadAllText(Path.Combine(folder, $"node-{DateTime.Now:yyyyMMdd}.log"));
            Assert.Contains("Run r1 of nightly ended Done", text, StringComparison.Ordinal);
            Assert.Contains("RunId", text, StringComparison.Ordinal);
            Assert.Contains("47|nightly|", text, StringComparison.Ordinal);

            var line = File.ReadLines(Path.Combine(folder, "json", $"node-{DateTime.Now:yyyyMMdd}.log")).Single();
            using var json = JsonDocument.Parse(line);
            Assert.Equal("Run {InstanceName} of {JobName} ended {State}", json.RootElement.GetProperty("@mt").GetString());
            Assert.Equal(42, json.RootElement.GetProperty("RunId").GetInt32());
            Assert.Equal("47|nightly|", json.RootElement.GetProperty("JobHandle").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void WriteOneEvent(string folder, string format)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IpsApi:Log:File"] = Path.Combine(folder, "node-.log"),
            ["IpsApi:Log:Format"] = format,
        }).Build();
        using var logger = LogSetup.Configure(new LoggerConfiguration(), configuration).CreateLogger();
        using (LogContext.PushProperty("JobHandle", "47|nightly|"))
        using (LogContext.PushProperty("RunId", 42))
        {
            logger.Information("Run {InstanceName} of {JobName} ended {State}", "r1", "nightly", "Done");
        }
    }

    private static bool Names(LogEvent e, string jobName) =>
        (Text(e, "JobName") == jobName) || (Text(e, "InstanceName")?.StartsWith(jobName + "_", StringComparison.Ordinal) ?? false);

    private static string? Text(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: var scalar } ? scalar?.ToString() : null;
}
