using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.Net;

/// <summary>
/// Where the server may send HTTP requests of its own (completion callbacks, URL downloads): section
/// <c>IpsApi:Outbound</c>. Host entries are a name (<c>hooks.example.com</c>), a wildcard for its subdomains
/// (<c>*.example.com</c>), an address or a CIDR range (<c>10.20.0.0/16</c>); a list may also be given as one
/// comma-separated value (IPSAPI_OUTBOUND__ALLOWEDHOSTS="a.example.com,b.example.com").
/// </summary>
public sealed class OutboundOptions
{
    public const string Section = "IpsApi:Outbound";

    /// <summary>When not empty, only these hosts (by name, or by the address connected) may be called.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Never called, whatever else allows them.</summary>
    public List<string> DeniedHosts { get; set; } = [];

    /// <summary>Allow private (10/8, 172.16/12, 192.168/16, fc00::/7) and link-local addresses.</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Allow the server's own loopback addresses (127/8, ::1).</summary>
    public bool AllowLoopback { get; set; }

    public IEnumerable<string> Validate()
    {
        foreach (var (key, entries) in new[] { ("AllowedHosts", AllowedHosts), ("DeniedHosts", DeniedHosts) })
        {
            foreach (var entry in HostList.Split(entries))
            {
                if (!HostList.TryParseEntry(entry, out _))
                {
                    yield return $"{Section}:{key} entry '{entry}' is not a host name, *.domain, IP address or CIDR range.";
                }
            }
        }
    }
}

internal sealed class OutboundOptionsValidation : IValidateOptions<OutboundOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboundOptions options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
