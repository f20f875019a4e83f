using IpsApi.Assets.Files;
using IpsApi.Assets.Processing;
using IpsApi.Assets.Publishing;
using IpsApi.Assets.Rendering;
using IpsApi.Assets.Store;
using IpsApi.Jobs.JobTypes.Export;
using IpsApi.Jobs.JobTypes.Ingest;
using IpsApi.Jobs.JobTypes.Mapping;
using IpsApi.Jobs.Net;
using IpsApi.Jobs.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.JobTypes;

public static class AssetServices
{
    /// <summary>
    /// The asset catalog, the storage root, processing, downloads, the publish catalogs, what several job types share,
    /// and each job type's executor and its own services (<see cref="IJobTypeDefinition.AddServices"/>).
    /// </summary>
    public static IServiceCollection AddIpsAssets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIpsProcessing(configuration);
        services.AddIpsOutboundHttp(configuration);
        services.AddSingleton<IFileStore>(provider => new LocalFileStore(provider.GetRequiredService<IOptions<StorageOptions>>().Value.Root));
        services.AddSingleton<AssetStore>();
        services.AddSingleton<FileIntents>();
        services.AddSingleton<AssetIngest>();
        services.AddSingleton<PostJobs>();
        services.AddOptions<ExportOptions>().Bind(configuration.GetSection(ExportOptions.Section));
        services.AddOptions<RenderLimits>().Bind(configuration.GetSection(RenderLimits.Section));
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<PublishCatalogs>();
        services.AddSingleton<PublishableAssets>();
        foreach (var type in JobTypeCatalog.All)
        {
            type.AddServices(services, configuration);
        }

        return services;
    }
}
