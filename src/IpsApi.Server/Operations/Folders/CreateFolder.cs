using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Folders;

/// <summary>createFolder: a new folder and any missing parent; a folder that exists already is refused (30001).</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class CreateFolder(FolderRequests requests, FolderStore folders) : IOperationHandler<CreateFolderRequest, CreateFolderResponse>
{
    public async Task<CreateFolderResponse> HandleAsync(CreateFolderRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.CreateFolderParam ?? new CreateFolderParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        RequestParameters.Require(("folderPath", param.FolderPath));
        var path = FolderRequests.PathOf(company, param.FolderPath);
        if (path.Length == 0)
        {
            throw IpsFaultException.InvalidParameter($"Invalid parameter folderPath: '{param.FolderPath}' is the company's root folder, which exists");
        }

        var (folder, created) = await folders.CreateAsync(company.Id, path, cancellationToken);
        if (!created)
        {
            throw IpsFaultException.InvalidParameter($"Invalid parameter folderPath: the folder {FolderPaths.Display(company.Name, path)} exists already");
        }

        return new CreateFolderResponse { CreateFolderReturn = new CreateFolderReturn { FolderHandle = folder.Handle } };
    }
}
