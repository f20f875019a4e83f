using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Folders;

/// <summary>getFolders: the folder at folderPath (the company root by default) and every folder below it, as one list in path order.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalUser, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class GetFolders(FolderRequests requests, FolderStore folders) : IOperationHandler<GetFoldersRequest, GetFoldersResponse>
{
    public async Task<GetFoldersResponse> HandleAsync(GetFoldersRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.GetFoldersParam ?? new GetFoldersParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        await requests.CheckAccessAsync(call, company, param.AccessUserHandle, param.AccessGroupHandle, cancellationToken);
        var path = FolderRequests.PathOf(company, param.FolderPath);
        var kinds = FolderRequests.AssetKinds(param.AssetTypeArray);
        var wire = FolderWire.For(company.Name, param.ResponseFieldArray, param.ExcludeFieldArray, nested: false);
        await requests.ExistingAsync(company, path, param.FolderPath, cancellationToken);

        var list = await folders.SubtreeAsync(company.Id, path, -1, kinds, cancellationToken);
        return new GetFoldersResponse
        {
            GetFoldersReturn = new GetFoldersReturn { FolderArray = new FolderArray { Items = [.. list.Select(wire.Of)] } },
        };
    }
}
