using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Notifications;
using IpsApi.Jobs.Storage;
using IpsApi.Server.Ops.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpsApi.IntegrationTests.Ops;

/// <summary>What a load balancer and an operator with curl see at /health/live and /health/ready.</summary>
[Collection(ServerCollection.Name)]
public sealed class HealthTests(ServerFixture server)
{
    [Fact]
    public async Task Ready_on_a_working_node_is_200_with_every_check_healthy()
    {
        var (status, body) = await GetAsync(server.BaseAddress, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        foreach (var name in new[] { "database", "migrations", "scheduler", "storage", "smtp" })
        {
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
        }

        Assert.Contains(server.NodeName, checks.GetProperty("scheduler").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Ready_names_no_storage_or_mail_folder()
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(server.BaseAddress, "/health/ready"));

        Assert.DoesNotContain(server.StorageRoot, text, StringComparison.Ordinal);
        Assert.DoesNotMatch("\"description\": \"[^\"]*/", text);
        IpsApi.IntegrationTests.Reliability.SecurityReview.Held(
            "`GET /health/ready` read for file system paths",
            "1",
            "no storage root, mail folder or other path in any check's description (the log and `admin doctor` name them)");
    }

    [Fact]
    public async Task Live_is_200_and_runs_no_checks()
    {
        var (status, body) = await GetAsync(server.BaseAddress, "/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task An_unreachable_smtp_server_is_a_warning_that_names_it()
    {
        var closedPort = ClosedPort();
        var options = new NotificationOptions { PickupFolder = "/tmp", Smtp = { Host = "127.0.0.1", Port = closedPort, Security = SmtpSecurity.None } };
        var check = new SmtpHealthCheck(Options.Create(options));

        var result = await check.CheckHealthAsync(ContextFor("smtp", check, HealthStatus.Degraded));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains($"127.0.0.1:{closedPort}", result.Description);
    }

    [Fact]
    public async Task A_storage_root_that_cannot_be_written_is_unhealthy_and_only_the_log_names_the_folder()
    {
        // A folder below a regular file can never be created, whoever runs the test (root included).
        var file = Path.GetTempFileName();
        try
        {
            var root = Path.Combine(file, "storage");
            var logs = new CapturedLogs();
            using var factory = new Serilog.Extensions.Logging.SerilogLoggerFactory(new Serilog.LoggerConfiguration().WriteTo.Sink(logs).CreateLogger(), dispose: true);
            var check = new StorageHealthCheck(Options.Create(new StorageOptions { Root = root }), factory.CreateLogger<StorageHealthCheck>());

            var result = await check.CheckHealthAsync(ContextFor("storage", check, HealthStatus.Unhealthy));

            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.StartsWith("The storage root is not writable", result.Description, StringComparison.Ordinal);
            Assert.DoesNotContain(file, result.Description, StringComparison.Ordinal);
            Assert.Contains(logs.Events, e => e.RenderMessage().Contains(root, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_node_whose_schema_is_behind_or_whose_database_is_gone_is_not_ready_but_still_live()
    {
        var database = await TestDatabase.CreateAsync("health");
        var storage = Directory.CreateTempSubdirectory("ipsapi-health-").FullName;
        await using var node = await ServerProcess.StartAsync(database.ConnectionString, "node-health", storage);
        try
        {
            // The scheduler checks in right after start; wait for the node to be ready at all.
            await Eventually.WaitAsync(() => GetAsync(node.BaseAddress, "/health/ready"), r => r.Status == HttpStatusCode.OK, "the node to be ready");

            var newest = await database.ScalarAsync<string>("delete from schema_migrations where id = (select max(id) from schema_migrations) returning id");
            var (behindStatus, behind) = await GetAsync(node.BaseAddress, "/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, behindStatus);
            Assert.Equal("Unhealthy", behind.GetProperty("checks").GetProperty("migrations").GetProperty("status").GetString());
            Assert.Equal("Healthy", behind.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
            await database.ScalarAsync<int>("insert into schema_migrations (id) values (@id) returning 1", ("id", newest));
        }
        finally
        {
            await database.DisposeAsync();
        }

        var (goneStatus, gone) = await GetAsync(node.BaseAddress, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, goneStatus);
        Assert.Equal("Unhealthy", gone.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        var description = gone.GetProperty("checks").GetProperty("database").GetProperty("description").GetString();
        Assert.StartsWith("PostgreSQL is not reachable", description);
        Assert.DoesNotContain("Password", description, StringComparison.OrdinalIgnoreCase);
        var (liveStatus, _) = await GetAsync(node.BaseAddress, "/health/live");
        Assert.Equal(HttpStatusCode.OK, liveStatus);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(Uri baseAddress, string path)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(baseAddress, path));
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static HealthCheckContext ContextFor(string name, IHealthCheck check, HealthStatus failureStatus) => new()
    {
        Registration = new HealthCheckRegistration(name, check, failureStatus, null),
    };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
