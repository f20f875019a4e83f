using IpsApi.Assets.Store;
using IpsApi.Jobs.Trash;

namespace IpsApi.Server.Operations.Assets;

public static class AssetOperationServices
{
    /// <summary>What the asset operations read and change the catalog with, and the purge of emptied assets on every node.</summary>
    public static IServiceCollection AddIpsAssetOperations(this IServiceCollection services)
    {
        services.AddSingleton<AssetCatalog>();
        services.AddSingleton<AssetChanges>();
        services.AddSingleton<AssetTrash>();
        services.AddSingleton<AssetRequests>();
        services.AddSingleton<SearchRequests>();
        services.AddSingleton<TrashPurger>();
        services.AddHostedService(provider => provider.GetRequiredService<TrashPurger>());
        return services;
    }
}
