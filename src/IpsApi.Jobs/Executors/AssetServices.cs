using IpsApi.Assets.Files;
using IpsApi.Assets.Processing;
using IpsApi.Assets.Publishing;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.Executors.AutomatedSets;
using IpsApi.Jobs.Executors.CreateVideoSitemap;
using IpsApi.Jobs.Executors.Export;
using IpsApi.Jobs.Executors.ImageRenderingPublish;
using IpsApi.Jobs.Executors.ImageServingPublish;
using IpsApi.Jobs.Executors.Ingest;
using IpsApi.Jobs.Executors.MetadataPublish;
using IpsApi.Jobs.Executors.OptimizeImages;
using IpsApi.Jobs.Executors.ReprocessAssets;
using IpsApi.Jobs.Executors.RipPdfs;
using IpsApi.Jobs.Executors.ServerDirectoryPublish;
using IpsApi.Jobs.Executors.UploadDirectory;
using IpsApi.Jobs.Executors.UploadUrls;
using IpsApi.Jobs.Executors.VideoPublish;
using IpsApi.Jobs.Net;
using IpsApi.Jobs.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.Executors;

public static class AssetServices
{
    /// <summary>The asset catalog, the storage root, processing, downloads and the upload executors.</summary>
    public static IServiceCollection AddIpsAssets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIpsProcessing(configuration);
        services.AddIpsOutboundHttp(configuration);
        services.AddOptions<DownloadOptions>().Bind(configuration.GetSection(DownloadOptions.Section));
        services.AddSingleton<IFileStore>(provider => new LocalFileStore(provider.GetRequiredService<IOptions<StorageOptions>>().Value.Root));
        services.AddSingleton<AssetStore>();
        services.AddSingleton<FileIntents>();
        services.AddSingleton<AssetIngest>();
        services.AddSingleton<PostJobs>();
        services.AddSingleton<UrlFetcher>();
        services.AddSingleton<IJobExecutor, UploadUrlsExecutor>();
        services.AddSingleton<IJobExecutor, UploadDirectoryExecutor>();
        // Also by its own type: a host that puts another executor in front of the type can still hand runs to it.
        services.AddSingleton<OptimizeImagesExecutor>();
        services.AddSingleton<IJobExecutor>(provider => provider.GetRequiredService<OptimizeImagesExecutor>());
        services.AddSingleton<IJobExecutor, ReprocessAssetsExecutor>();
        services.AddSingleton<IJobExecutor, RipPdfsExecutor>();
        services.AddOptions<ExportOptions>().Bind(configuration.GetSection(ExportOptions.Section));
        services.AddSingleton<ExportStore>();
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<IJobExecutor, ExportExecutor>();
        services.AddSingleton<SetScriptStore>();
        services.AddSingleton<IJobExecutor, AutomatedSetGenerationExecutor>();
        services.AddIpsPublishing();
        return services;
    }

    /// <summary>The publish catalogs and the publish executors (each also by its own type, like optimize above).</summary>
    private static void AddIpsPublishing(this IServiceCollection services)
    {
        services.AddSingleton<PublishCatalogs>();
        services.AddSingleton<PublishableAssets>();
        AddExecutor<ImageServingPublishExecutor>(services);
        AddExecutor<ImageRenderingPublishExecutor>(services);
        AddExecutor<VideoPublishExecutor>(services);
        AddExecutor<ServerDirectoryPublishExecutor>(services);
        AddExecutor<MetadataPublishExecutor>(services);
        AddExecutor<CreateVideoSitemapExecutor>(services);
    }

    private static void AddExecutor<TExecutor>(IServiceCollection services)
        where TExecutor : class, IJobExecutor
    {
        services.AddSingleton<TExecutor>();
        services.AddSingleton<IJobExecutor>(provider => provider.GetRequiredService<TExecutor>());
    }
}
