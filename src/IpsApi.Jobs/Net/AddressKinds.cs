using System.Net;
using System.Net.Sockets;

namespace IpsApi.Jobs.Net;

/// <summary>What kind of network an address belongs to, as far as calling it from the server is concerned.</summary>
public enum AddressKind
{
    Public,
    Loopback,
    Private,
    LinkLocal,
    Unspecified,
    Multicast,
    Reserved,
}

public static class AddressKinds
{
    // 64:ff9b::/96, the well-known NAT64 prefix. Bytes, not an AddressRange: ranges normalise through this class.
    private static readonly byte[] Nat64Prefix = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

    // First match wins, so the single addresses come before the ranges that hold them.
    private static readonly (AddressRange Range, AddressKind Kind)[] Special =
    [
        // 0.0.0.0/8 is "this network": connecting to 0.0.0.0 reaches the local host on Linux.
        (AddressRange.Parse("0.0.0.0/8"), AddressKind.Unspecified),
        (AddressRange.Parse("127.0.0.0/8"), AddressKind.Loopback),
        (AddressRange.Parse("10.0.0.0/8"), AddressKind.Private),
        (AddressRange.Parse("172.16.0.0/12"), AddressKind.Private),
        (AddressRange.Parse("192.168.0.0/16"), AddressKind.Private),
        // Carrier-grade NAT space: inside someone's network, like the private ranges.
        (AddressRange.Parse("100.64.0.0/10"), AddressKind.Private),
        // Cloud metadata services (169.254.169.254) live here.
        (AddressRange.Parse("169.254.0.0/16"), AddressKind.LinkLocal),
        (AddressRange.Parse("224.0.0.0/4"), AddressKind.Multicast),
        // Class E and the limited broadcast 255.255.255.255.
        (AddressRange.Parse("240.0.0.0/4"), AddressKind.Reserved),
        (AddressRange.Parse("::/128"), AddressKind.Unspecified),
        (AddressRange.Parse("::1/128"), AddressKind.Loopback),
        // The rest of ::/96 is the deprecated IPv4-compatible form; nothing legitimate is called there.
        (AddressRange.Parse("::/96"), AddressKind.Reserved),
        (AddressRange.Parse("fc00::/7"), AddressKind.Private),
        (AddressRange.Parse("fec0::/10"), AddressKind.Private),
        (AddressRange.Parse("fe80::/10"), AddressKind.LinkLocal),
        (AddressRange.Parse("ff00::/8"), AddressKind.Multicast),
    ];

    public static AddressKind Classify(IPAddress address)
    {
        var normalized = Normalize(address);
        foreach (var (range, kind) in Special)
        {
            if (range.Contains(normalized))
            {
                return kind;
            }
        }

        return AddressKind.Public;
    }

    /// <summary>
    /// The IPv4 address behind an IPv4-mapped (<c>::ffff:10.0.0.1</c>) or NAT64 (<c>64:ff9b::10.0.0.1</c>) IPv6
    /// address, since that is where a connection to it really goes; any other address unchanged.
    /// </summary>
    public static IPAddress Normalize(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (bytes.AsSpan(0, 12).SequenceEqual(Nat64Prefix))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        // Scope ids (fe80::1%eth0) do not change what kind of address it is.
        return address.ScopeId == 0 ? address : new IPAddress(bytes);
    }
}
