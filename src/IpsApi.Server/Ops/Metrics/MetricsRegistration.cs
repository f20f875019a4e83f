using IpsApi.Jobs.Engine.Running;
using OpenTelemetry.Metrics;

namespace IpsApi.Server.Ops.Metrics;

/// <summary>OpenTelemetry metrics of the SOAP side, the jobs and the queues, scraped by Prometheus at /metrics.</summary>
public static class MetricsRegistration
{
    public const string ScrapePath = "/metrics";

    public static IServiceCollection AddIpsMetrics(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseGauges>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SoapMetrics.MeterName, JobMetrics.MeterName, DatabaseGauges.MeterName, Delivery.DeliveryMetrics.MeterName)
            // Kestrel's own connection and request figures come for free with the ASP.NET Core meters.
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    public static IEndpointRouteBuilder MapIpsMetrics(this IEndpointRouteBuilder endpoints)
    {
        // The gauges register their instruments when first built.
        endpoints.ServiceProvider.GetRequiredService<DatabaseGauges>();
        endpoints.MapPrometheusScrapingEndpoint(ScrapePath);
        return endpoints;
    }
}
