using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace IpsApi.Server.Hosting;

/// <summary>
/// The node's two kinds of listening sockets. The main listener serves SOAP, the WSDL, exports and delivery
/// (/is/*): everything clients and the public reach, including files any company uploaded. The dashboard (/ops)
/// has listeners of its own, so its session cookie never belongs to the origin that serves those files: a page
/// published by a company cannot read the dashboard (docs/OPERATIONS.md, "The dashboard"). /health and /metrics answer on both.
/// </summary>
public sealed class Listeners
{
    private static readonly object OpsMark = new();

    private readonly List<(ListenOptions Listen, bool Https)> _main = [];
    private readonly List<(ListenOptions Listen, bool Https)> _ops = [];

    /// <summary>The first main address as bound (port 0 resolved), e.g. "http://127.0.0.1:8080".</summary>
    public string MainAddress => AddressOf(_main);

    /// <summary>The first dashboard address as bound, e.g. "http://127.0.0.1:8090".</summary>
    public string OpsAddress => AddressOf(_ops);

    /// <summary>Whether the request came in on a dashboard listener (the connection was marked when accepted).</summary>
    public static bool IsOps(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(OpsMark) == true;

    /// <summary>Binds Kestrel to the main and the dashboard addresses; the settings were validated before.</summary>
    public void Bind(KestrelServerOptions kestrel, ServerOptions options)
    {
        foreach (var address in ListenAddress.ParseList(options.MainUrls()))
        {
            Listen(kestrel, address, _main, ops: false);
        }

        foreach (var address in ListenAddress.ParseList(options.Ops.ListenUrls()))
        {
            Listen(kestrel, address, _ops, ops: true);
        }
    }

    private static void Listen(KestrelServerOptions kestrel, ListenAddress address, List<(ListenOptions, bool)> into, bool ops)
    {
        void Configure(ListenOptions listen)
        {
            if (address.Https)
            {
                listen.UseHttps();
            }

            if (ops)
            {
                listen.Use(next => connection =>
                {
                    connection.Items[OpsMark] = OpsMark;
                    return next(connection);
                });
            }

            into.Add((listen, address.Https));
        }

        switch (address.Host)
        {
            case ListenHost.Localhost:
                kestrel.ListenLocalhost(address.Port, Configure);
                break;
            case ListenHost.Any:
                kestrel.ListenAnyIP(address.Port, Configure);
                break;
            default:
                kestrel.Listen(address.Ip!, address.Port, Configure);
                break;
        }
    }

    /// <summary>A wildcard listening address (0.0.0.0, [::]) is no address to give out: loopback is.</summary>
    private static string AddressOf(List<(ListenOptions Listen, bool Https)> listeners)
    {
        var (first, https) = listeners.Count > 0 ? listeners[0] : throw new InvalidOperationException("no listener is configured");
        var endpoint = first.IPEndPoint!;
        var host = endpoint.Address.Equals(IPAddress.Any) || endpoint.Address.Equals(IPAddress.IPv6Any)
            ? "127.0.0.1"
            : endpoint.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{endpoint.Address}]" : endpoint.Address.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{(https ? "https" : "http")}://{host}:{endpoint.Port}");
    }
}

public enum ListenHost
{
    Ip,
    Any,
    Localhost,
}

/// <summary>One listening address of IPSAPI_URLS or IPSAPI_OPS__URLS: http(s)://host:port.</summary>
public sealed record ListenAddress(bool Https, ListenHost Host, IPAddress? Ip, int Port)
{
    public static IEnumerable<ListenAddress> ParseList(string urls) => ParseList(urls, _ => { });

    /// <summary>The addresses of a list separated by ';' (as ASP.NET Core's URLS) or ','; each bad one is told to <paramref name="problem"/>.</summary>
    public static IReadOnlyList<ListenAddress> ParseList(string urls, Action<string> problem) =>
        urls.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Parse(u, problem)).OfType<ListenAddress>().ToList();

    /// <summary>The address, or null (with the reason) when it is not one Kestrel can listen on.</summary>
    public static ListenAddress? Parse(string url, Action<string>? problem = null)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "" : url[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            problem?.Invoke($"'{url}' is not an http:// or https:// address");
            return null;
        }

        var rest = url[(schemeEnd + 3)..].TrimEnd('/');
        var colon = rest.LastIndexOf(':');
        if (colon < 0 || rest.EndsWith(']')
            || !int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            problem?.Invoke($"'{url}' names no port");
            return null;
        }

        var host = rest[..colon];
        var https = scheme == "https";
        if (host is "*" or "+" or "[::]")
        {
            return new ListenAddress(https, ListenHost.Any, null, port);
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            if (port == 0)
            {
                problem?.Invoke($"'{url}': localhost cannot take port 0, use 127.0.0.1");
                return null;
            }

            return new ListenAddress(https, ListenHost.Localhost, null, port);
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out var ip))
        {
            return new ListenAddress(https, ListenHost.Ip, ip, port);
        }

        // Kestrel listens on every address for a host name it cannot bind to; so do we.
        return new ListenAddress(https, ListenHost.Any, null, port);
    }

    /// <summary>Whether both could take the same connections: the same port, and addresses that overlap.</summary>
    public bool Overlaps(ListenAddress other) =>
        Port != 0 && Port == other.Port
        && (Host != ListenHost.Ip || other.Host != ListenHost.Ip || Ip!.Equals(other.Ip)
            || Ip.Equals(IPAddress.Any) || other.Ip!.Equals(IPAddress.Any)
            || Ip.Equals(IPAddress.IPv6Any) || other.Ip!.Equals(IPAddress.IPv6Any));
}
