using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.Net;

/// <summary>
/// Decides which URLs the server may call on its own: completion callbacks and URL downloads. A URL
/// given in a job is chosen by a client, so without this a client could make the server reach its own
/// loopback services, the private network behind it or a cloud metadata endpoint.
/// </summary>
/// <remarks>
/// Rules, in order:
/// <list type="number">
/// <item>Only absolute http and https URLs.</item>
/// <item>A host or address in <see cref="OutboundOptions.DeniedHosts"/> is refused.</item>
/// <item>When <see cref="OutboundOptions.AllowedHosts"/> is not empty, the host name must match a name entry or
/// the address connected must lie in an address entry.</item>
/// <item>Every address the host resolves to is classified (<see cref="AddressKinds"/>): loopback needs
/// <see cref="OutboundOptions.AllowLoopback"/>, private and link-local need
/// <see cref="OutboundOptions.AllowPrivateAddresses"/> (or an address entry in AllowedHosts that holds it);
/// unspecified, multicast and reserved addresses are always refused. One refused address refuses the host.</item>
/// </list>
/// The address rules hold where it matters, at connect time: <see cref="CreateHandler"/> resolves the name
/// itself and checks each address just before connecting to it, so a name that resolved to a public address
/// when checked and to a private one a moment later (DNS rebinding) is still refused.
/// </remarks>
public sealed class OutboundUrlPolicy
{
    private readonly HostList _allowed;
    private readonly HostList _denied;
    private readonly bool _allowPrivate;
    private readonly bool _allowLoopback;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;

    public OutboundUrlPolicy(IOptions<OutboundOptions> options)
        : this(options.Value, null)
    {
    }

    /// <param name="resolve">Name resolution; tests pass their own to play DNS answers.</param>
    internal OutboundUrlPolicy(OutboundOptions options, Func<string, CancellationToken, Task<IPAddress[]>>? resolve)
    {
        _allowed = new HostList(options.AllowedHosts);
        _denied = new HostList(options.DeniedHosts);
        _allowPrivate = options.AllowPrivateAddresses;
        _allowLoopback = options.AllowLoopback;
        _resolve = resolve ?? Dns.GetHostAddressesAsync;
    }

    /// <summary>What can be decided without DNS: scheme, the host lists and a literal address.</summary>
    public OutboundDecision CheckUrl(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return OutboundDecision.Refuse("the URL is not absolute");
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return OutboundDecision.Refuse($"scheme '{url.Scheme}' is not allowed, only http and https");
        }

        string host;
        try
        {
            host = url.IdnHost;
        }
        catch (UriFormatException)
        {
            return OutboundDecision.Refuse("the host name is not valid");
        }

        return host.Length == 0 ? OutboundDecision.Refuse("the URL has no host") : CheckHost(host);
    }

    /// <summary>
    /// <see cref="CheckUrl"/> plus the addresses the host resolves to now: lets a caller refuse early and say
    /// why. Only the check at connect time (<see cref="CreateHandler"/>) is binding.
    /// </summary>
    public async Task<OutboundDecision> CheckAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var decision = CheckUrl(url);
        if (!decision.Allowed)
        {
            return decision;
        }

        var (_, refusal) = await ResolveAllowedAsync(url.IdnHost, cancellationToken);
        return refusal ?? OutboundDecision.Allow;
    }

    /// <summary>The host name rules, and for a literal address the address rules too.</summary>
    public OutboundDecision CheckHost(string host)
    {
        var name = HostList.NormalizeHost(host);
        if (IPAddress.TryParse(name, out var literal))
        {
            return CheckAddress(name, literal);
        }

        if (_denied.MatchesName(name))
        {
            return OutboundDecision.Refuse($"host {name} is in {OutboundOptions.Section}:DeniedHosts");
        }

        // With only address entries in the allow list, a name can still pass by the address it connects to.
        if (!_allowed.IsEmpty && !_allowed.MatchesName(name) && !_allowed.HasRanges)
        {
            return OutboundDecision.Refuse($"host {name} is not in {OutboundOptions.Section}:AllowedHosts");
        }

        return OutboundDecision.Allow;
    }

    /// <summary>
    /// Whether a connection to <paramref name="address"/> may be made for <paramref name="host"/>. A refusal of a host
    /// name does not say which address it resolved to nor what kind of address that is: the reason reaches the job's
    /// submitter, who must not learn the internal DNS this way. A literal address is the caller's own, and is named.
    /// </summary>
    public OutboundDecision CheckAddress(string host, IPAddress address)
    {
        var name = HostList.NormalizeHost(host);
        var decision = CheckTarget(name, AddressKinds.Normalize(address));
        return decision.Allowed || IPAddress.TryParse(name, out _)
            ? decision
            : OutboundDecision.Refuse($"host {name} resolves to an address this server does not call ({OutboundOptions.Section} settings)");
    }

    private OutboundDecision CheckTarget(string name, IPAddress target)
    {
        var via = $"address {target}";
        if (_denied.MatchesAddress(target))
        {
            return OutboundDecision.Refuse($"{via} is in {OutboundOptions.Section}:DeniedHosts");
        }

        var listed = _allowed.MatchesAddress(target);
        var nameListed = !IPAddress.TryParse(name, out _) && _allowed.MatchesName(name);
        if (!_allowed.IsEmpty && !listed && !nameListed)
        {
            return OutboundDecision.Refuse($"{via} is not in {OutboundOptions.Section}:AllowedHosts");
        }

        return AddressKinds.Classify(target) switch
        {
            AddressKind.Public => OutboundDecision.Allow,
            AddressKind.Loopback when _allowLoopback || listed => OutboundDecision.Allow,
            AddressKind.Loopback => OutboundDecision.Refuse(
                $"{via} is a loopback address (set {OutboundOptions.Section}:AllowLoopback to allow it)"),
            AddressKind.Private or AddressKind.LinkLocal when _allowPrivate || listed => OutboundDecision.Allow,
            AddressKind.Private => OutboundDecision.Refuse(
                $"{via} is a private address (set {OutboundOptions.Section}:AllowPrivateAddresses to allow it)"),
            AddressKind.LinkLocal => OutboundDecision.Refuse(
                $"{via} is a link-local address (set {OutboundOptions.Section}:AllowPrivateAddresses to allow it)"),
            var kind => OutboundDecision.Refuse($"{via} is a {kind.ToString().ToLowerInvariant()} address, never called"),
        };
    }

    /// <summary>
    /// A handler that enforces this policy on every connection it opens. Automatic redirects are off: a
    /// caller that follows one must run <see cref="CheckUrl"/> on the new location first (the connect check
    /// still guards the address). No proxy: through one, the address connected would be the proxy's.
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, cancellationToken),
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        // Pooled connections are re-checked only when new ones are opened; keep them short-lived.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    /// <summary>Resolves, checks every address, then connects to the first allowed one that answers.</summary>
    internal async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var decision = CheckHost(endPoint.Host);
        if (!decision.Allowed)
        {
            throw new OutboundRequestRefusedException($"Refused: {decision.Reason}.");
        }

        var (addresses, refusal) = await ResolveAllowedAsync(endPoint.Host, cancellationToken);
        if (refusal is not null)
        {
            throw new OutboundRequestRefusedException($"Refused: {refusal.Reason}.");
        }

        SocketException? lastFailure = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                lastFailure = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw lastFailure ?? new SocketException((int)SocketError.HostNotFound);
    }

    private async Task<(IPAddress[] Addresses, OutboundDecision? Refusal)> ResolveAllowedAsync(
        string host, CancellationToken cancellationToken)
    {
        var name = HostList.NormalizeHost(host);
        var addresses = IPAddress.TryParse(name, out var literal) ? [literal] : await _resolve(name, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var normalized = addresses.Select(AddressKinds.Normalize).ToArray();
        foreach (var address in normalized)
        {
            var decision = CheckAddress(name, address);
            if (!decision.Allowed)
            {
                return (normalized, decision);
            }
        }

        return (normalized, null);
    }
}
