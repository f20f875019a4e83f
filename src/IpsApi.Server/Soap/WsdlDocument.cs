namespace IpsApi.Server.Soap;

/// <summary>
/// The WSDL clients download: wsdl/IpsApi.wsdl as shipped, with the service address pointing at the host
/// the client used (so a proxy generated from it calls back the same way).
/// </summary>
public sealed class WsdlDocument
{
    public const string AddressPlaceholder = "http://localhost:8080/scene7/services/IpsApiService";
    public const string ServicePath = "/scene7/services/IpsApiService";

    private readonly string _template;

    public WsdlDocument(string path)
    {
        _template = File.ReadAllText(path);
        if (!_template.Contains(AddressPlaceholder, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The WSDL has no service address {AddressPlaceholder} to rewrite.");
        }
    }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "wsdl", "IpsApi.wsdl");

    public string For(HttpRequest request)
    {
        var address = $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}{ServicePath}";
        return _template.Replace(AddressPlaceholder, System.Security.SecurityElement.Escape(address), StringComparison.Ordinal);
    }

    public async Task WriteAsync(HttpContext context)
    {
        context.Response.ContentType = "text/xml; charset=utf-8";
        await context.Response.WriteAsync(For(context.Request), context.RequestAborted);
    }
}
