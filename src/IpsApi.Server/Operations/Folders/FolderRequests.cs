using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Auth;
using IpsApi.Server.Soap;
using W = IpsApi.Wire;

namespace IpsApi.Server.Operations.Folders;

/// <summary>
/// What the folder operations share: the company (checked), the folder a path or handle names (30001 when there is
/// none in the company, whoever's it may be), and the impersonation parameters.
/// </summary>
public sealed class FolderRequests(CompanyAccess companies, FolderStore folders, AccountStore accounts)
{
    public Task<Company> CompanyAsync(IpsCall call, string? companyHandle, CancellationToken cancellationToken)
    {
        RequestParameters.Require(("companyHandle", companyHandle));
        return companies.RequireAsync(call, companyHandle!, cancellationToken);
    }

    /// <summary>The folder path of a request read in the company ("" for its root), or fault 30001 saying why not.</summary>
    public static string PathOf(Company company, string? folderPath, string parameter = "folderPath")
    {
        if (folderPath is null)
        {
            return "";
        }

        return FolderPaths.Problem(folderPath) is { } problem
            ? throw IpsFaultException.InvalidParameter($"Invalid parameter {parameter}: '{folderPath}' ({problem})")
            : FolderPaths.Normalize(folderPath, company.Name);
    }

    public async Task<Folder> ExistingAsync(Company company, string path, string? asWritten, CancellationToken cancellationToken) =>
        await folders.FindAsync(company.Id, path, cancellationToken)
        ?? throw IpsFaultException.InvalidParameter($"Invalid parameter folderPath: no folder '{asWritten ?? FolderPaths.Display(company.Name, path)}'");

    public async Task<Folder> ByHandleAsync(Company company, string? handle, string parameter, CancellationToken cancellationToken)
    {
        RequestParameters.Require((parameter, handle));
        return await folders.FindByHandleAsync(company.Id, company.Handle, handle, cancellationToken)
            ?? throw IpsFaultException.InvalidParameter($"Invalid parameter {parameter}: no folder '{handle}' in company {company.Handle}");
    }

    /// <summary>
    /// accessUserHandle (an administrator reading as another user) and accessGroupHandle. Folders here have no
    /// permissions of their own, so what a member may see is the company's whole tree: the user is only checked.
    /// </summary>
    public async Task CheckAccessAsync(IpsCall call, Company company, string? accessUserHandle, string? accessGroupHandle, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(accessGroupHandle))
        {
            throw new IpsFaultException(FaultKind.Authorization, 20008, $"Illegal access group: {accessGroupHandle} (this server has no groups)");
        }

        if (string.IsNullOrWhiteSpace(accessUserHandle))
        {
            return;
        }

        if (call.User.Role is not (UserRole.IpsAdmin or UserRole.IpsCompanyAdmin))
        {
            throw new IpsFaultException(FaultKind.Authorization, 20004, "No impersonation permission: only administrators may send accessUserHandle");
        }

        var user = await accounts.FindUserByHandleAsync(accessUserHandle, cancellationToken);
        if (user is null || (user.Role != UserRole.IpsAdmin && !await accounts.IsMemberAsync(company.Id, user.Id, cancellationToken)))
        {
            throw new IpsFaultException(FaultKind.Authorization, 20007, $"Illegal request user: {accessUserHandle} is no user of company {company.Handle}");
        }
    }

    /// <summary>The stored type names the documented asset type names of assetTypeArray select; null when none is given.</summary>
    public static IReadOnlyCollection<string>? AssetKinds(W.StringArray? assetTypes)
    {
        var names = assetTypes?.Items.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        if (names is null || names.Count == 0)
        {
            return null;
        }

        var unknown = names.Where(n => !AssetTypeNames.Documented.Contains(n)).ToList();
        return unknown.Count > 0
            ? throw IpsFaultException.InvalidParameter($"Invalid parameter assetTypeArray: {string.Join(", ", unknown.Select(u => $"'{u}'"))} (not an asset type)")
            : names.SelectMany(AssetTypeNames.StoredNamesFor).ToHashSet();
    }
}
