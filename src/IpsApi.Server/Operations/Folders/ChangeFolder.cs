using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Folders;

// deleteFolder, renameFolder, moveFolder: changing the tree. A folder keeps its handle through renames and moves, and
// its assets follow it; what the tree refuses (the root, a folder into itself, a name taken, assets left) is 30001.

/// <summary>
/// deleteFolder: removes a folder and its subfolders when none of them holds an asset; a folder with assets is
/// refused rather than emptied, so no asset is lost to a delete of its folder.
/// </summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class DeleteFolder(FolderRequests requests, FolderStore folders) : IOperationHandler<DeleteFolderRequest, DeleteFolderResponse>
{
    public async Task<DeleteFolderResponse> HandleAsync(DeleteFolderRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.DeleteFolderParam ?? new DeleteFolderParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        var folder = await requests.ByHandleAsync(company, param.FolderHandle, "folderHandle", cancellationToken);
        await Refused.AsFaultAsync(() => folders.DeleteAsync(folder, company.Id, cancellationToken));
        return new DeleteFolderResponse { DeleteFolderReturn = new DeleteFolderReturn() };
    }
}

/// <summary>renameFolder: a new name in the same parent folder.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class RenameFolder(FolderRequests requests, FolderStore folders) : IOperationHandler<RenameFolderRequest, RenameFolderResponse>
{
    public async Task<RenameFolderResponse> HandleAsync(RenameFolderRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.RenameFolderParam ?? new RenameFolderParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        RequestParameters.Require(("folderHandle", param.FolderHandle), ("folderName", param.FolderName));
        if (FolderPaths.NameProblem(param.FolderName!) is { } problem)
        {
            throw IpsFaultException.InvalidParameter($"Invalid parameter folderName: '{param.FolderName}' ({problem})");
        }

        var folder = await requests.ByHandleAsync(company, param.FolderHandle, "folderHandle", cancellationToken);
        await Refused.AsFaultAsync(() => folders.RenameAsync(folder, company.Id, param.FolderName!, cancellationToken));
        return new RenameFolderResponse { RenameFolderReturn = new RenameFolderReturn { FolderHandle = folder.Handle } };
    }
}

/// <summary>moveFolder: into another folder of the company, keeping its name.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class MoveFolder(FolderRequests requests, FolderStore folders) : IOperationHandler<MoveFolderRequest, MoveFolderResponse>
{
    public async Task<MoveFolderResponse> HandleAsync(MoveFolderRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.MoveFolderParam ?? new MoveFolderParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        RequestParameters.Require(("folderHandle", param.FolderHandle), ("destFolderHandle", param.DestFolderHandle));
        var folder = await requests.ByHandleAsync(company, param.FolderHandle, "folderHandle", cancellationToken);
        var destination = await requests.ByHandleAsync(company, param.DestFolderHandle, "destFolderHandle", cancellationToken);
        await Refused.AsFaultAsync(() => folders.MoveAsync(folder, destination, company.Id, cancellationToken));
        return new MoveFolderResponse { MoveFolderReturn = new MoveFolderReturn { FolderHandle = folder.Handle } };
    }
}

/// <summary>A change the folder tree refuses, answered as fault 30001 with the tree's reason.</summary>
internal static class Refused
{
    public static async Task AsFaultAsync(Func<Task> change)
    {
        try
        {
            await change();
        }
        catch (FolderRefusedException e)
        {
            throw IpsFaultException.InvalidParameter($"Invalid parameter folderHandle: {e.Message}");
        }
    }
}
