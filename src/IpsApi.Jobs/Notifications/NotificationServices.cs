using IpsApi.Jobs.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.Notifications;

public static class NotificationServices
{
    /// <summary>
    /// Options (<c>IpsApi:Notifications</c>, <c>IpsApi:Smtp</c>, <c>IpsApi:Outbound</c>), <see cref="NotificationOutbox"/>,
    /// <see cref="OutboxSender"/> (as itself and as a hosted service) and the outbound HTTP client. Expects an
    /// <see cref="Npgsql.NpgsqlDataSource"/> to be registered. The pickup folder defaults to
    /// <c>&lt;IpsApi:Data&gt;/mail</c> and the email time zone to <c>IpsApi:TimeZone</c>.
    /// </summary>
    public static IServiceCollection AddIpsNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIpsOutboundHttp(configuration);
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.Section))
            .Configure(options =>
            {
                configuration.GetSection(NotificationOptions.SmtpSection).Bind(options.Smtp);
                if (string.IsNullOrWhiteSpace(options.PickupFolder))
                {
                    var data = configuration["IpsApi:Data"];
                    options.PickupFolder = Path.Combine(string.IsNullOrWhiteSpace(data) ? ".data" : data, "mail");
                }

                options.PickupFolder = Path.GetFullPath(options.PickupFolder);
                if (string.IsNullOrWhiteSpace(options.TimeZone))
                {
                    options.TimeZone = configuration["IpsApi:TimeZone"];
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<OutboxQueries>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxSender>());
        return services;
    }
}
