using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace IpsApi.Jobs.Net;

/// <summary>A parsed AllowedHosts or DeniedHosts list: names, <c>*.domain</c> wildcards and address ranges.</summary>
internal sealed class HostList
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _suffixes = [];
    private readonly List<AddressRange> _ranges = [];

    public HostList(IEnumerable<string> entries)
    {
        foreach (var entry in Split(entries))
        {
            switch (TryParseEntry(entry, out var parsed) ? parsed : throw new FormatException(
                $"'{entry}' is not a host name, *.domain, IP address or CIDR range."))
            {
                case { Range: { } range }:
                    _ranges.Add(range);
                    break;
                case { Suffix: { } suffix }:
                    _suffixes.Add(suffix);
                    break;
                case { Name: { } name }:
                    _names.Add(name);
                    break;
            }
        }
    }

    public bool IsEmpty => _names.Count == 0 && _suffixes.Count == 0 && _ranges.Count == 0;

    public bool HasRanges => _ranges.Count > 0;

    /// <summary>A normalised host name (see <see cref="NormalizeHost"/>) against the name and wildcard entries.</summary>
    public bool MatchesName(string host) =>
        _names.Contains(host) || _suffixes.Exists(s => host.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    public bool MatchesAddress(IPAddress address) => _ranges.Exists(r => r.Contains(address));

    /// <summary>Entries may come one per item or several in one comma/semicolon/space-separated item.</summary>
    public static IEnumerable<string> Split(IEnumerable<string> entries) =>
        entries.SelectMany(e => (e ?? "").Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>An entry as an address range, a wildcard suffix (".example.com") or a host name.</summary>
    public static bool TryParseEntry(string entry, [NotNullWhen(true)] out Entry? parsed)
    {
        parsed = null;
        if (AddressRange.TryParse(entry, out var range))
        {
            parsed = new Entry(null, null, range);
            return true;
        }

        var wildcard = entry.StartsWith("*.", StringComparison.Ordinal);
        var name = NormalizeHost(wildcard ? entry[2..] : entry);
        if (name.Length == 0 || Uri.CheckHostName(name) != UriHostNameType.Dns)
        {
            return false;
        }

        parsed = wildcard ? new Entry(null, "." + name, null) : new Entry(name, null, null);
        return true;
    }

    /// <summary>Lower case, no trailing dot, no IPv6 brackets: the form host names are compared in.</summary>
    public static string NormalizeHost(string host) => host.Trim().Trim('[', ']').TrimEnd('.').ToLowerInvariant();

    /// <summary>One list entry: exactly one of the three is set.</summary>
    internal sealed record Entry(string? Name, string? Suffix, AddressRange? Range);
}
