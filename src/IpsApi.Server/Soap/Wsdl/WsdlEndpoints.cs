using IpsApi.Server.Hosting;
using IpsApi.Server.Ops.Proxy;

namespace IpsApi.Server.Soap.Wsdl;

/// <summary>
/// Where clients load the WSDL: <c>/scene7/webservice/IpsApi.wsdl</c>, and for each dated API version
/// <c>/scene7/webservice/IpsApi-&lt;version&gt;.wsdl</c> (the documented form) and <c>/scene7/IpsApi-&lt;version&gt;.wsdl</c>
/// (seen in client code); the SOAP gateway answers <c>?wsdl</c> on the service address.
/// </summary>
public static class WsdlEndpoints
{
    public static IServiceCollection AddIpsWsdl(this IServiceCollection services, IConfiguration configuration, string? wsdlPath = null)
    {
        services.AddSingleton(provider =>
        {
            var section = configuration.GetSection("IpsApi");
            var hosts = AllowedHosts.Create(section["AllowedHosts"], ForwardedHeadersSetup.TrustedProxies(configuration), AllowedHosts.ListeningOf(provider));
            var address = new WsdlAddress(section["PublicUrl"], hosts, () => ListeningAddress.First(provider));
            return new WsdlDocument(WsdlEditions.Load(wsdlPath ?? WsdlDocument.DefaultPath), address);
        });
        services.AddSingleton(_ => VersionedAnswers.Load(wsdlPath ?? WsdlDocument.DefaultPath));
        return services;
    }

    public static IEndpointRouteBuilder MapIpsWsdl(this IEndpointRouteBuilder app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/scene7/webservice/IpsApi.wsdl", methods, (HttpContext context, WsdlDocument document) => document.WriteAsync(context, null));
        app.MapMethods("/scene7/webservice/IpsApi-{version}.wsdl", methods, (HttpContext context, string version, WsdlDocument document) => document.WriteAsync(context, version));
        app.MapMethods("/scene7/IpsApi-{version}.wsdl", methods, (HttpContext context, string version, WsdlDocument document) => document.WriteAsync(context, version));
        return app;
    }
}
