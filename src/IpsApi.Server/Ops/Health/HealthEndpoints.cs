using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IpsApi.Server.Ops.Health;

/// <summary>
/// /health/live: the process answers HTTP (restart it when not). /health/ready: this node can do its work
/// (send it traffic when 200). A warning (Degraded, e.g. SMTP down) still answers 200, with the reason in the body.
/// </summary>
public static partial class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddIpsHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<SchedulerHealthCheck>("scheduler", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<SmtpHealthCheck>("smtp", HealthStatus.Degraded, [ReadyTag], TimeSpan.FromSeconds(5));
        return services;
    }

    public static IEndpointRouteBuilder MapIpsHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteAsync,
        });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
        });
        return endpoints;
    }

    /// <summary>
    /// A small JSON document a person can read with curl: overall status, then each check and why. No check names
    /// a file system path; should a message from below (a driver's error) carry one, it is left out here.
    /// </summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = WithoutPaths(e.Value.Description), durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1) }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonOptions, context.RequestAborted);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Absolute paths (a word starting with '/' or a drive letter) become "(a path)".</summary>
    internal static string? WithoutPaths(string? text) => text is null ? null : Paths().Replace(text, "(a path)");

    [GeneratedRegex(@"(?<=^|[\s'""(=])(/|[A-Za-z]:\\)[^\s'"")]+")]
    private static partial Regex Paths();
}
