using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace IpsApi.Server.Ops.Proxy;

/// <summary>
/// Behind a reverse proxy the client's scheme and host arrive as X-Forwarded-* headers; the WSDL's service
/// address and the dashboard's cookies need them. Off by default: a node reachable without the proxy would
/// otherwise believe whatever a caller claims. IPSAPI_PROXY__TRUSTEDPROXIES lists the proxies' addresses.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "IpsApi:Proxy";

    /// <summary>The proxies' addresses and ranges, as configured.</summary>
    public static IReadOnlyList<string> TrustedProxies(IConfiguration configuration) =>
        (configuration[$"{Section}:TrustedProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IServiceCollection AddIpsForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = TrustedProxies(configuration);
        if (proxies.Count == 0)
        {
            return services;
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                if (proxy.Contains('/', StringComparison.Ordinal))
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                }
                else
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            }
        });
        // First in the pipeline, before the SOAP gateway reads the request's address.
        services.AddTransient<IStartupFilter, ForwardedHeadersStartupFilter>();
        return services;
    }

    private sealed class ForwardedHeadersStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}
