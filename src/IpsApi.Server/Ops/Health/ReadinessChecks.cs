using System.Net.Sockets;
using IpsApi.Jobs.Database;
using IpsApi.Jobs.Engine.Cluster;
using IpsApi.Jobs.Notifications;
using IpsApi.Jobs.Storage;
using IpsApi.Server.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace IpsApi.Server.Ops.Health;

/// <summary>
/// PostgreSQL answers a query: without it the node can neither take calls nor run jobs. A database that does not
/// answer at all (frozen, or cut off without a reset) is told within about a second by <see cref="DatabasePulse"/>,
/// so a load balancer's probe is answered rather than held; the checks below that read the database ask it first.
/// </summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource, DatabasePulse pulse) : IHealthCheck
{
    public const string NotAnswering = "PostgreSQL is not reachable: no answer within 1 s";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await pulse.AnsweringAsync())
        {
            return HealthCheckResult.Unhealthy(NotAnswering);
        }

        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The message names the host and the reason; the connection string (with its password) is never shown.
            return HealthCheckResult.Unhealthy($"PostgreSQL is not reachable: {e.Message}");
        }
    }
}

/// <summary>Every migration this binary ships is applied: an older schema would fail calls in odd places.</summary>
public sealed class MigrationsHealthCheck(Migrator migrator, DatabasePulse pulse) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await pulse.AnsweringAsync())
        {
            return HealthCheckResult.Unhealthy(DatabaseHealthCheck.NotAnswering);
        }

        try
        {
            return await migrator.IsCurrentAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{Migrator.Migrations.Count} migrations applied")
                : HealthCheckResult.Unhealthy("The database schema is behind this binary: restart a node so it applies the migrations");
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy($"The schema could not be read: {e.Message}");
        }
    }
}

/// <summary>
/// This node's Quartz scheduler runs and keeps checking in to the cluster: a node that stopped checking in has
/// its runs taken over by the others, so it must not be sent work either. Quartz judges the check-in itself
/// (<see cref="ClusterLiveness.NodesAsync"/>), with the same rule its failover uses.
/// </summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, ClusterLiveness cluster, DatabasePulse pulse, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await pulse.AnsweringAsync())
        {
            return HealthCheckResult.Unhealthy(DatabaseHealthCheck.NotAnswering);
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var node = await scheduler.GetSchedulerInstanceId(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        if (status != SchedulerStatus.Running)
        {
            return HealthCheckResult.Unhealthy($"The scheduler of node {node} is {status}, not running");
        }

        var self = (await cluster.NodesAsync(cancellationToken)).FirstOrDefault(n => n.IsCurrentNode);
        if (self?.LastCheckInUtc is not { } checkin)
        {
            return HealthCheckResult.Unhealthy($"Node {node} has not checked in to the cluster yet");
        }

        var age = (clock.GetUtcNow() - checkin).TotalSeconds;
        return self.State == ClusterNodeState.Alive
            ? HealthCheckResult.Healthy($"Node {node} checked in {age:0.0} s ago")
            : HealthCheckResult.Unhealthy($"Node {node} last checked in {age:0} s ago ({self.State})");
    }
}

/// <summary>
/// The storage root takes a file: ingest, publish and exports all write there. The answer does not name the folder
/// (readiness is read by load balancers and whoever reaches them); the log does, and so does `admin doctor`.
/// </summary>
public sealed class StorageHealthCheck(IOptions<StorageOptions> storage, ILogger<StorageHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var root = storage.Value.Root;
        var probe = Path.Combine(root, $".health-{Environment.MachineName}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(root);
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy("The storage root is writable");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Readiness: the storage root {Root} is not writable", root);
            return HealthCheckResult.Unhealthy($"The storage root is not writable ({e.GetType().Name}; the node's log names the folder)");
        }
    }
}

/// <summary>
/// The SMTP server greets us. Registered as a warning only: emails wait in the outbox and are retried, so a
/// mail server that is down must not take the node out of the load balancer.
/// </summary>
public sealed class SmtpHealthCheck(IOptions<NotificationOptions> notifications) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var smtp = notifications.Value.Smtp;
        if (!smtp.HasHost)
        {
            return HealthCheckResult.Healthy("No SMTP host: emails are written as .eml files to the data folder");
        }

        var port = SmtpProbe.PortOf(smtp);
        var problem = await SmtpProbe.ProblemAsync(smtp.Host!, port, smtp.Security == SmtpSecurity.SslOnConnect || port == 465,
            TimeSpan.FromSeconds(3), cancellationToken);
        return problem is null
            ? HealthCheckResult.Healthy($"SMTP {smtp.Host}:{port} answers")
            : new HealthCheckResult(context.Registration.FailureStatus, $"SMTP {smtp.Host}:{port}: {problem}");
    }
}

/// <summary>Shared by the readiness check and `admin doctor`: can we reach the mail server at all.</summary>
public static class SmtpProbe
{
    public static int PortOf(SmtpOptions smtp) => smtp.Port != 0 ? smtp.Port : smtp.Security switch
    {
        SmtpSecurity.SslOnConnect => 465,
        SmtpSecurity.StartTls => 587,
        _ => 25,
    };

    /// <summary>Null when the server accepted a connection and (on a plain port) said 220; else what went wrong.</summary>
    public static async Task<string?> ProblemAsync(string host, int port, bool tlsFirst, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, deadline.Token);
            if (tlsFirst)
            {
                // TLS on connect: the greeting comes after the handshake; a connection is all we ask for here.
                return null;
            }

            using var reader = new StreamReader(client.GetStream());
            var greeting = await reader.ReadLineAsync(deadline.Token);
            return greeting is not null && greeting.StartsWith("220", StringComparison.Ordinal)
                ? null
                : $"unexpected greeting '{greeting}'";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {timeout.TotalSeconds:0} s";
        }
        catch (SocketException e)
        {
            return e.Message;
        }
        catch (IOException e)
        {
            return e.Message;
        }
    }
}
