using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.Net;

/// <summary>The HTTP client for requests the server makes on a job's behalf, guarded by <see cref="OutboundUrlPolicy"/>.</summary>
public static class OutboundHttp
{
    /// <summary>Name of the client: <c>IHttpClientFactory.CreateClient(OutboundHttp.ClientName)</c>.</summary>
    public const string ClientName = "ipsapi-outbound";

    /// <summary>Registers <see cref="OutboundOptions"/>, the policy and the named client; safe to call more than once.</summary>
    public static IServiceCollection AddIpsOutboundHttp(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(OutboundUrlPolicy)))
        {
            return services;
        }

        services.AddOptions<OutboundOptions>().Bind(configuration.GetSection(OutboundOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboundOptions>, OutboundOptionsValidation>();
        services.AddSingleton<OutboundUrlPolicy>();
        services.AddHttpClient(ClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("IpsApi-JobServer/1.0"))
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<OutboundUrlPolicy>().CreateHandler())
            // Callers log their own requests, without the query strings that may carry tokens.
            .RemoveAllLoggers();
        return services;
    }
}
