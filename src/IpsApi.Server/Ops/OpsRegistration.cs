using IpsApi.Server.Ops.Dashboard;
using IpsApi.Server.Ops.Health;
using IpsApi.Server.Ops.Metrics;
using IpsApi.Server.Ops.Proxy;

namespace IpsApi.Server.Ops;

/// <summary>
/// Everything for the people who run the server: health endpoints, metrics and the dashboard. The host adds
/// it with one line each, so the SOAP side never depends on it.
/// </summary>
public static class OpsRegistration
{
    public static IServiceCollection AddIpsOps(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIpsHealth();
        services.AddIpsMetrics();
        services.AddIpsForwardedHeaders(configuration);
        services.AddIpsDashboard();
        return services;
    }

    public static WebApplication MapIpsOps(this WebApplication app)
    {
        app.MapIpsHealth();
        app.MapIpsMetrics();
        app.MapIpsDashboard();
        return app;
    }
}
