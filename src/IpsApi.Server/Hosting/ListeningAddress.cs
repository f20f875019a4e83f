using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace IpsApi.Server.Hosting;

/// <summary>The address this node can be reached at when nothing configured says better: its first listening address.</summary>
public static class ListeningAddress
{
    /// <summary>The first listening address of a started web host (port 0 is only resolved at start), or null before.</summary>
    public static string? First(IServiceProvider services) =>
        Reachable(services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault());

    /// <summary>A wildcard listening host (0.0.0.0, [::], +, *) is no address to give out: loopback is.</summary>
    public static string? Reachable(string? listening)
    {
        if (listening is null || !Uri.TryCreate(listening.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal),
                UriKind.Absolute, out var uri))
        {
            return listening;
        }

        return uri.Host is "0.0.0.0" or "[::]" or "::" ? new UriBuilder(uri) { Host = "127.0.0.1" }.Uri.GetLeftPart(UriPartial.Authority) : listening;
    }
}
