using System.Net;
using System.Net.NetworkInformation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace IpsApi.Server.Hosting;

/// <summary>
/// The host names clients may reach this server by, so that what the server writes into an answer from the Host
/// header (the WSDL's service address) can never be a name a caller made up: a cache in front would hand that answer
/// to everyone. Entries are names (any port), <c>*.domain</c>, IP addresses and CIDR ranges. Without a configured
/// list (IPSAPI_ALLOWEDHOSTS): localhost and loopback, this machine's name, the addresses the server listens on (every
/// address of the machine when it listens on all of them) and the reverse proxies the settings trust.
/// </summary>
public sealed class AllowedHosts
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _suffixes = [];
    private readonly List<IPNetwork> _networks = [];
    private readonly Lazy<HashSet<string>>? _listening;

    private AllowedHosts(Func<IEnumerable<string>>? listening)
    {
        _listening = listening is null ? null : new Lazy<HashSet<string>>(() => ListeningHosts(listening()));
    }

    /// <param name="configured">IPSAPI_ALLOWEDHOSTS, comma-separated; empty for the defaults.</param>
    /// <param name="trustedProxies">IPSAPI_PROXY__TRUSTEDPROXIES entries (addresses or ranges).</param>
    /// <param name="listening">The addresses the server listens on, asked once it has started.</param>
    public static AllowedHosts Create(string? configured, IEnumerable<string> trustedProxies, Func<IEnumerable<string>> listening)
    {
        var entries = Split(configured);
        if (entries.Count > 0)
        {
            var hosts = new AllowedHosts(null);
            entries.ForEach(hosts.Add);
            return hosts;
        }

        var defaults = new AllowedHosts(listening);
        foreach (var entry in new[] { "localhost", "127.0.0.0/8", "::1", Dns.GetHostName() }.Concat(trustedProxies))
        {
            defaults.Add(entry);
        }

        return defaults;
    }

    /// <summary>Each entry of IPSAPI_ALLOWEDHOSTS that is not a host name, pattern, address or range, said in one line.</summary>
    public static IEnumerable<string> Problems(string? configured) =>
        Split(configured).Where(e => !IsValidEntry(e)).Select(e => $"IPSAPI_ALLOWEDHOSTS: '{e}' is not a host name, *.domain, IP address or CIDR range.");

    /// <summary>The listening addresses of a started web host, for <see cref="Create"/>.</summary>
    public static Func<IEnumerable<string>> ListeningOf(IServiceProvider services) =>
        () => services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];

    public bool Allows(HostString host)
    {
        if (!host.HasValue)
        {
            return false;
        }

        var name = host.Host.Trim('[', ']');
        if (IPAddress.TryParse(name, out var address))
        {
            return _networks.Any(n => n.Contains(address)) || _listening?.Value.Contains(address.ToString()) == true;
        }

        return _names.Contains(name) || _suffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase) && name.Length > s.Length)
            || _listening?.Value.Contains(name) == true;
    }

    private void Add(string entry)
    {
        if (entry.StartsWith("*.", StringComparison.Ordinal))
        {
            _suffixes.Add(entry[1..]);
        }
        else if (entry.Contains('/', StringComparison.Ordinal))
        {
            _networks.Add(IPNetwork.Parse(entry));
        }
        else if (IPAddress.TryParse(entry.Trim('[', ']'), out var address))
        {
            _networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
        }
        else
        {
            _names.Add(entry);
        }
    }

    private static bool IsValidEntry(string entry) =>
        entry.Contains('/', StringComparison.Ordinal)
            ? IPNetwork.TryParse(entry, out _)
            : IPAddress.TryParse(entry.Trim('[', ']'), out _)
              || Uri.CheckHostName(entry.StartsWith("*.", StringComparison.Ordinal) ? entry[2..] : entry) == UriHostNameType.Dns;

    private static List<string> Split(string? configured) =>
        (configured ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>
    /// The hosts of the listening addresses (IP addresses in their canonical text); one on every address (0.0.0.0,
    /// [::], +, *) stands for every address of the machine.
    /// </summary>
    private static HashSet<string> ListeningHosts(IEnumerable<string> listening)
    {
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var url in listening)
        {
            var normalised = url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri))
            {
                continue;
            }

            if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
            {
                hosts.Add(uri.Host);
            }
            else if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            {
                foreach (var unicast in NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses))
                {
                    hosts.Add(unicast.Address.ToString());
                }
            }
            else
            {
                hosts.Add(address.ToString());
            }
        }

        return hosts;
    }
}
