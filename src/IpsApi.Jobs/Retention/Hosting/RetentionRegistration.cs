using IpsApi.Assets.Publishing;
using IpsApi.Jobs.Engine.Queue;
using IpsApi.Jobs.JobTypes.Export;
using IpsApi.Jobs.JobTypes.Publishing;
using IpsApi.Jobs.Notifications;
using IpsApi.Jobs.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.Retention.Hosting;

public static class RetentionRegistration
{
    /// <summary>
    /// The options (<c>IpsApi:Retention</c>), the kinds of rows the cleaner removes and the cleaner itself as a hosted
    /// service. Expects an <see cref="Npgsql.NpgsqlDataSource"/> and an <see cref="Assets.Files.IFileStore"/>. Kinds
    /// registered before this call (the server's expired sign-in failures) are cleaned before these; a pass takes
    /// them in order, the small ones first, so a large backlog of job logs never holds the others up.
    /// </summary>
    public static IServiceCollection AddIpsRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidation>();
        services.TryAddSingleton<RetentionLedger>();
        services.TryAddSingleton<PublishLeftovers>();
        services.AddSingleton<IRetentionKind, QueueRetention>();
        services.AddSingleton<IRetentionKind>(provider => OutboxRetention.Delivered(
            provider.GetRequiredService<Npgsql.NpgsqlDataSource>(), provider.GetRequiredService<IOptions<RetentionOptions>>()));
        services.AddSingleton<IRetentionKind>(provider => OutboxRetention.GivenUp(
            provider.GetRequiredService<Npgsql.NpgsqlDataSource>(), provider.GetRequiredService<IOptions<RetentionOptions>>()));
        services.AddSingleton<IRetentionKind, ExportRetention>();
        services.AddSingleton<IRetentionKind, PublishRetention>();
        services.AddSingleton<IRetentionKind, JobLogRetention>();
        // After the job logs: a job's row goes once its runs have.
        services.AddSingleton<IRetentionKind, FinishedJobRetention>();
        services.AddSingleton<RetentionCleaner>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionCleaner>());
        return services;
    }
}
