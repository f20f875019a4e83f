using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Folders;

/// <summary>
/// getFolderTree: the folder at folderPath (the company root by default) with its subfolders nested down to
/// <c>depth</c> levels (0: the folder alone; negative: every level).
/// </summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class GetFolderTree(FolderRequests requests, FolderStore folders) : IOperationHandler<GetFolderTreeRequest, GetFolderTreeResponse>
{
    public async Task<GetFolderTreeResponse> HandleAsync(GetFolderTreeRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.GetFolderTreeParam ?? new GetFolderTreeParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        if (param.Depth is null)
        {
            throw IpsFaultException.MissingParameter("Missing required parameter: depth");
        }

        await requests.CheckAccessAsync(call, company, param.AccessUserHandle, param.AccessGroupHandle, cancellationToken);
        var path = FolderRequests.PathOf(company, param.FolderPath);
        var kinds = FolderRequests.AssetKinds(param.AssetTypeArray);
        var wire = FolderWire.For(company.Name, param.ResponseFieldArray, param.ExcludeFieldArray, nested: true);
        await requests.ExistingAsync(company, path, param.FolderPath, cancellationToken);

        var subtree = await folders.SubtreeAsync(company.Id, path, wire.Nested ? param.Depth.Value : 0, kinds, cancellationToken);
        return new GetFolderTreeResponse
        {
            GetFolderTreeReturn = new GetFolderTreeReturn { Folders = new FolderArray { Items = [wire.Tree(subtree)] } },
        };
    }
}
