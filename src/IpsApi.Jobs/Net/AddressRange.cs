using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace IpsApi.Jobs.Net;

/// <summary>An IP address range in CIDR notation (<c>10.0.0.0/8</c>, <c>fc00::/7</c>); one address is a range of one.</summary>
public sealed class AddressRange
{
    private readonly byte[] _network;

    public AddressRange(IPAddress network, int prefixLength)
    {
        var bytes = AddressKinds.Normalize(network).GetAddressBytes();
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, bytes.Length * 8);
        _network = bytes;
        PrefixLength = prefixLength;
        Family = bytes.Length == 4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
    }

    public AddressFamily Family { get; }

    public int PrefixLength { get; }

    public static AddressRange Parse(string text) =>
        TryParse(text, out var range) ? range : throw new FormatException($"'{text}' is not an IP address or CIDR range.");

    public static bool TryParse(string? text, [NotNullWhen(true)] out AddressRange? range)
    {
        range = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = (slash < 0 ? text : text[..slash]).Trim().Trim('[', ']');
        if (!IPAddress.TryParse(addressText, out var address))
        {
            return false;
        }

        address = AddressKinds.Normalize(address);
        var maxBits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var bits = maxBits;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, null, out bits) || bits > maxBits))
        {
            return false;
        }

        range = new AddressRange(address, bits);
        return true;
    }

    public bool Contains(IPAddress address)
    {
        var bytes = AddressKinds.Normalize(address).GetAddressBytes();
        if (bytes.Length != _network.Length)
        {
            return false;
        }

        var fullBytes = PrefixLength / 8;
        for (var i = 0; i < fullBytes; i++)
        {
            if (bytes[i] != _network[i])
            {
                return false;
            }
        }

        var restBits = PrefixLength % 8;
        if (restBits == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - restBits));
        return (bytes[fullBytes] & mask) == (_network[fullBytes] & mask);
    }

    public override string ToString() => $"{new IPAddress(_network)}/{PrefixLength}";
}
