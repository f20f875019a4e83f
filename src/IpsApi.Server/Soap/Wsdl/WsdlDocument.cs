using System.Security;

namespace IpsApi.Server.Soap.Wsdl;

/// <summary>
/// Answers a WSDL request: the edition asked for (unversioned or a dated version, 404 for a version not served) with
/// the service address <see cref="WsdlAddress"/> picks, XML-escaped, cacheable for a few minutes.
/// </summary>
public sealed class WsdlDocument
{
    public const string AddressPlaceholder = "http://localhost:8080/scene7/services/IpsApiService";
    public const string ServicePath = "/scene7/services/IpsApiService";

    /// <summary>Short enough that a changed setting or a new server version is seen soon.</summary>
    public const int CacheSeconds = 300;

    private readonly WsdlEditions _editions;
    private readonly WsdlAddress _address;

    public WsdlDocument(WsdlEditions editions, WsdlAddress address)
    {
        if (!editions.Unversioned.Contains(AddressPlaceholder, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The WSDL has no service address {AddressPlaceholder} to rewrite.");
        }

        _editions = editions;
        _address = address;
    }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "wsdl", "IpsApi.wsdl");

    /// <param name="version">A dated API version (2014-04-03, ...), or null for the unversioned WSDL.</param>
    public async Task WriteAsync(HttpContext context, string? version)
    {
        var response = context.Response;
        var template = version is null ? _editions.Unversioned : _editions.Dated(version);
        if (template is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!_address.TryResolve(context.Request, out var address, out var problem))
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(problem + "\n", context.RequestAborted);
            return;
        }

        response.ContentType = "text/xml; charset=utf-8";
        response.Headers.CacheControl = $"public, max-age={CacheSeconds}";
        await response.WriteAsync(template.Replace(AddressPlaceholder, SecurityElement.Escape(address), StringComparison.Ordinal), context.RequestAborted);
    }
}
