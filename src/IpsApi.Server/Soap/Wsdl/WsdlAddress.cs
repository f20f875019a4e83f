using System.Diagnostics.CodeAnalysis;
using IpsApi.Server.Hosting;

namespace IpsApi.Server.Soap.Wsdl;

/// <summary>
/// The service address a served WSDL names, so that a proxy generated from it calls back where it should:
/// the <c>?serviceUrl=</c> of the request (the IPS WSDL servlet's parameter, for debugging proxies), else the configured
/// public URL (IPSAPI_PUBLICURL), else the address the client used when its host is one of the allowed hosts, else
/// this node's own address. A made-up Host header is never written back: a cache in front would hand that WSDL on.
/// </summary>
public sealed class WsdlAddress(string? publicUrl, AllowedHosts allowedHosts, Func<string?> ownAddress)
{
    public const string ServiceUrlParameter = "serviceUrl";

    public bool TryResolve(HttpRequest request, [NotNullWhen(true)] out string? address, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        if (request.Query.TryGetValue(ServiceUrlParameter, out var values))
        {
            address = values.Count == 1 ? FromServiceUrl(values[0]) : null;
            problem = address is null ? $"{ServiceUrlParameter} must be one absolute http or https URL" : null;
            return address is not null;
        }

        if (publicUrl is { Length: > 0 })
        {
            address = publicUrl.TrimEnd('/') + WsdlDocument.ServicePath;
        }
        else if (allowedHosts.Allows(request.Host))
        {
            address = $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}{WsdlDocument.ServicePath}";
        }
        else
        {
            address = (ownAddress() ?? "http://127.0.0.1:8080").TrimEnd('/') + WsdlDocument.ServicePath;
        }

        return true;
    }

    /// <summary>
    /// An address with no path (<c>http://localhost:8081</c>, the documentation's example) is where the service path
    /// goes; one with a path is the service address itself.
    /// </summary>
    internal static string? FromServiceUrl(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0 || uri.Fragment.Length > 0)
        {
            return null;
        }

        return uri.AbsolutePath == "/" && uri.Query.Length == 0
            ? uri.GetLeftPart(UriPartial.Authority) + WsdlDocument.ServicePath
            : uri.AbsoluteUri;
    }
}
