using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Assets;

// renameAsset, moveAsset, moveAssets, setAssetPublishState, setAssetsPublishState: changes of assets that keep their
// handles and files. An asset in the trash is refused (restore it first).

/// <summary>
/// renameAsset: a new name; the file name becomes the new name with the old extension, so the next publish serves the
/// asset under the new name and exports name it so. validateName refuses a name another image, set or video of the
/// company already has (names are compared without regard to case, as image serving looks them up).
/// </summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class RenameAsset(AssetRequests requests, AssetChanges changes) : IOperationHandler<RenameAssetRequest, RenameAssetResponse>
{
    public async Task<RenameAssetResponse> HandleAsync(RenameAssetRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.RenameAssetParam ?? new RenameAssetParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        RequestParameters.Require(("assetHandle", param.AssetHandle), ("newName", param.NewName), ("validateName", param.ValidateName?.ToString()));
        if (FolderPaths.NameProblem(param.NewName!) is { } problem)
        {
            throw IpsFaultException.InvalidParameter($"Invalid parameter newName: '{param.NewName}' ({problem})");
        }

        var id = AssetRequests.RequireId(company, param.AssetHandle);
        var change = await changes.RenameAsync(company.Id, id, param.NewName!, param.ValidateName!.Value, call.User.Email, cancellationToken);
        AssetRequests.ThrowIfRefused(change, company, param.AssetHandle!, conflictParameter: "newName");
        return new RenameAssetResponse { RenameAssetReturn = new RenameAssetReturn() };
    }
}

/// <summary>moveAsset: into another folder of the company (by folder handle, or by path as older clients send it), keeping its name.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class MoveAsset(AssetRequests requests, AssetChanges changes) : IOperationHandler<MoveAssetRequest, MoveAssetResponse>
{
    public async Task<MoveAssetResponse> HandleAsync(MoveAssetRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.MoveAssetParam ?? new MoveAssetParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        RequestParameters.Require(("assetHandle", param.AssetHandle), ("folderHandle", param.FolderHandle));
        var id = AssetRequests.RequireId(company, param.AssetHandle);
        var folder = await requests.FolderAsync(company, param.FolderHandle, "folderHandle", cancellationToken);
        var change = await changes.MoveAsync(company.Id, id, folder, call.User.Email, cancellationToken);
        AssetRequests.ThrowIfRefused(change, company, param.AssetHandle!, conflictParameter: "folderHandle");
        return new MoveAssetResponse { MoveAssetReturn = new MoveAssetReturn() };
    }
}

/// <summary>moveAssets: each asset into its folder, on its own; one that cannot move is an error of the answer.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class MoveAssets(AssetRequests requests, AssetChanges changes) : IOperationHandler<MoveAssetsRequest, MoveAssetsResponse>
{
    public async Task<MoveAssetsResponse> HandleAsync(MoveAssetsRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.MoveAssetsParam ?? new MoveAssetsParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        var moves = AssetRequests.Items(param.AssetMoveArray?.Items, "assetMoveArray");
        var tally = new AssetRequests.Tally();
        foreach (var move in moves)
        {
            if (AssetRequests.IdOf(company, move.AssetHandle) is not { } id)
            {
                tally.NoAsset(move.AssetHandle);
            }
            else if (await requests.FolderOrNullAsync(company, move.FolderHandle, cancellationToken) is not { } folder)
            {
                tally.Refuse(move.AssetHandle, $"no folder '{move.FolderHandle}' in the company");
            }
            else
            {
                tally.Add(move.AssetHandle!, await changes.MoveAsync(company.Id, id, folder, call.User.Email, cancellationToken));
            }
        }

        return new MoveAssetsResponse
        {
            MoveAssetsReturn = new MoveAssetsReturn
            {
                SuccessCount = tally.Success, WarningCount = tally.WarningCount, ErrorCount = tally.ErrorCount,
                WarningDetailArray = tally.Warnings, ErrorDetailArray = tally.Errors,
            },
        };
    }
}

/// <summary>
/// setAssetPublishState: MarkedForPublish or NotMarkedForPublish (the asset's readyForPublish); the next publish takes
/// it or leaves it out. Publish contexts are refused: this server has none.
/// </summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class SetAssetPublishState(AssetRequests requests, AssetChanges changes) : IOperationHandler<SetAssetPublishStateRequest, SetAssetPublishStateResponse>
{
    public async Task<SetAssetPublishStateResponse> HandleAsync(SetAssetPublishStateRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.SetAssetPublishStateParam ?? new SetAssetPublishStateParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        RequestParameters.Require(("assetHandle", param.AssetHandle), ("publishState", param.PublishState));
        var problems = new List<string>();
        var marked = SearchRequests.MarkedForPublish(param.PublishState, problems);
        if (param.ContextHandleArray?.Items.Any(h => !string.IsNullOrWhiteSpace(h)) == true)
        {
            problems.Add("Invalid parameter contextHandleArray: this server has no publish contexts");
        }

        RequestParameters.ThrowIfAny(problems);
        var id = AssetRequests.RequireId(company, param.AssetHandle);
        var change = await changes.SetPublishStateAsync(company.Id, id, marked!.Value, call.User.Email, cancellationToken);
        AssetRequests.ThrowIfRefused(change, company, param.AssetHandle!);
        return new SetAssetPublishStateResponse { SetAssetPublishStateReturn = new SetAssetPublishStateReturn() };
    }
}

/// <summary>setAssetsPublishState: each asset's publish state; every state is checked before any asset changes.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class SetAssetsPublishState(AssetRequests requests, AssetChanges changes) : IOperationHandler<SetAssetsPublishStateRequest, SetAssetsPublishStateResponse>
{
    public async Task<SetAssetsPublishStateResponse> HandleAsync(SetAssetsPublishStateRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.SetAssetsPublishStateParam ?? new SetAssetsPublishStateParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        var updates = AssetRequests.Items(param.PublishStateUpdateArray?.Items, "publishStateUpdateArray");
        var problems = new List<string>();
        var states = updates.Select(u => string.IsNullOrWhiteSpace(u.PublishState)
            ? Missing(problems)
            : SearchRequests.MarkedForPublish(u.PublishState, problems)).ToList();
        RequestParameters.ThrowIfAny(problems);

        var tally = new AssetRequests.Tally();
        for (var i = 0; i < updates.Count; i++)
        {
            if (AssetRequests.IdOf(company, updates[i].AssetHandle) is { } id)
            {
                tally.Add(updates[i].AssetHandle!, await changes.SetPublishStateAsync(company.Id, id, states[i]!.Value, call.User.Email, cancellationToken));
            }
            else
            {
                tally.NoAsset(updates[i].AssetHandle);
            }
        }

        return new SetAssetsPublishStateResponse
        {
            SetAssetsPublishStateReturn = new SetAssetsPublishStateReturn
            {
                SuccessCount = tally.Success, WarningCount = tally.WarningCount, ErrorCount = tally.ErrorCount,
                WarningDetailArray = tally.Warnings, ErrorDetailArray = tally.Errors,
            },
        };
    }

    private static bool? Missing(List<string> problems)
    {
        if (!problems.Contains("Invalid parameter publishStateUpdateArray: an item has no publishState"))
        {
            problems.Add("Invalid parameter publishStateUpdateArray: an item has no publishState");
        }

        return null;
    }
}
