using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Trash;
using IpsApi.Server.Soap;
using IpsApi.Wire;
using Company = IpsApi.Jobs.Accounts.Company;

namespace IpsApi.Server.Operations.Assets;

// deleteAsset, deleteAssets, restoreAssetsFromTrash, emptyAssetsFromTrash: the trash (see AssetTrash). The batch
// operations answer per asset: a handle of no asset of the company is an error, an asset already where the
// operation would put it a warning; the others are changed.

/// <summary>deleteAsset: the asset goes to the trash (an asset in the trash already stays there).</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class DeleteAsset(AssetRequests requests, AssetTrash trash) : IOperationHandler<DeleteAssetRequest, DeleteAssetResponse>
{
    public async Task<DeleteAssetResponse> HandleAsync(DeleteAssetRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.DeleteAssetParam ?? new DeleteAssetParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        var id = AssetRequests.RequireId(company, param.AssetHandle);
        var change = (await trash.DeleteAsync(company.Id, [id], call.User.Email, cancellationToken))[0];
        AssetRequests.ThrowIfRefused(change, company, param.AssetHandle!);
        return new DeleteAssetResponse { DeleteAssetReturn = new DeleteAssetReturn() };
    }
}

/// <summary>deleteAssets: each asset goes to the trash; the roles are deleteAsset's.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class DeleteAssets(AssetRequests requests, AssetTrash trash) : IOperationHandler<DeleteAssetsRequest, DeleteAssetsResponse>
{
    public async Task<DeleteAssetsResponse> HandleAsync(DeleteAssetsRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.DeleteAssetsParam ?? new DeleteAssetsParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        var tally = await TrashBatch.RunAsync(company, param.AssetHandleArray,
            ids => trash.DeleteAsync(company.Id, ids, call.User.Email, cancellationToken));
        var answer = new DeleteAssetsReturn
        {
            SuccessCount = tally.Success, WarningCount = tally.WarningCount, ErrorCount = tally.ErrorCount,
            WarningDetailArray = tally.Warnings, ErrorDetailArray = tally.Errors,
        };
        return new DeleteAssetsResponse { DeleteAssetsReturn = answer };
    }
}

/// <summary>restoreAssetsFromTrash: each asset comes back into its folder, unless another asset has its path now.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class RestoreAssetsFromTrash(AssetRequests requests, AssetTrash trash)
    : IOperationHandler<RestoreAssetsFromTrashRequest, RestoreAssetsFromTrashResponse>
{
    public async Task<RestoreAssetsFromTrashResponse> HandleAsync(RestoreAssetsFromTrashRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.RestoreAssetsFromTrashParam ?? new RestoreAssetsFromTrashParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        var tally = await TrashBatch.RunAsync(company, param.AssetHandleArray,
            ids => trash.RestoreAsync(company.Id, ids, call.User.Email, cancellationToken));
        var answer = new RestoreAssetsFromTrashReturn
        {
            SuccessCount = tally.Success, WarningCount = tally.WarningCount, ErrorCount = tally.ErrorCount,
            WarningDetailArray = tally.Warnings, ErrorDetailArray = tally.Errors,
        };
        return new RestoreAssetsFromTrashResponse { RestoreAssetsFromTrashReturn = answer };
    }
}

/// <summary>
/// emptyAssetsFromTrash: the assets are gone for good. Their rows and files are removed now when no job is running,
/// otherwise as soon as the runs in progress have ended (a run that read an asset keeps its files to the end).
/// </summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class EmptyAssetsFromTrash(AssetRequests requests, AssetTrash trash, TrashPurger purger)
    : IOperationHandler<EmptyAssetsFromTrashRequest, EmptyAssetsFromTrashResponse>
{
    public async Task<EmptyAssetsFromTrashResponse> HandleAsync(EmptyAssetsFromTrashRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.EmptyAssetsFromTrashParam ?? new EmptyAssetsFromTrashParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        var tally = await TrashBatch.RunAsync(company, param.AssetHandleArray,
            ids => trash.EmptyAsync(company.Id, ids, call.User.Email, cancellationToken));
        if (tally.Success > 0)
        {
            await purger.PurgeAsync(cancellationToken);
        }

        var answer = new EmptyAssetsFromTrashReturn
        {
            SuccessCount = tally.Success, WarningCount = tally.WarningCount, ErrorCount = tally.ErrorCount,
            WarningDetailArray = tally.Warnings, ErrorDetailArray = tally.Errors,
        };
        return new EmptyAssetsFromTrashResponse { EmptyAssetsFromTrashReturn = answer };
    }
}

/// <summary>The handles of a trash operation, the store's outcome for the company's assets among them, one per handle.</summary>
internal static class TrashBatch
{
    public static async Task<AssetRequests.Tally> RunAsync(
        Company company, HandleArray? array, Func<IReadOnlyList<long>, Task<IReadOnlyList<AssetChange>>> change)
    {
        var handles = AssetRequests.Items(array?.Items.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()).ToList(), "assetHandleArray");
        var ids = handles.Select(h => AssetRequests.IdOf(company, h)).ToList();
        var known = ids.OfType<long>().ToList();
        var outcomes = known.Count == 0 ? [] : await change(known);
        var tally = new AssetRequests.Tally();
        var next = 0;
        for (var i = 0; i < handles.Count; i++)
        {
            if (ids[i] is null)
            {
                tally.NoAsset(handles[i]);
            }
            else
            {
                tally.Add(handles[i], outcomes[next++]);
            }
        }

        return tally;
    }
}
