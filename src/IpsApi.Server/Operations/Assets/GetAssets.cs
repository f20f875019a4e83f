using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Assets;

/// <summary>
/// getAssetsByName: the company's live assets whose name (the file name without extension, or the name a rename
/// gave) is one of nameArray, compared without regard to case, in any folder; in name order.
/// </summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class GetAssetsByName(AssetRequests requests, AssetCatalog catalog) : IOperationHandler<GetAssetsByNameRequest, GetAssetsByNameResponse>
{
    public async Task<GetAssetsByNameResponse> HandleAsync(GetAssetsByNameRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.GetAssetsByNameParam ?? new GetAssetsByNameParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        var names = AssetRequests.Items(param.NameArray?.Items.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct().ToList(), "nameArray");
        await requests.CheckAccessAsync(call, company, param.AccessUserHandle, param.AccessGroupHandle, cancellationToken);
        var problems = new List<string>();
        var filter = new AssetFilter
        {
            Names = names,
            Types = AssetRequests.TypeNames(param.AssetTypeArray, "assetTypeArray", problems),
            ExcludeTypes = AssetRequests.TypeNames(param.ExcludeAssetTypeArray, "excludeAssetTypeArray", problems),
            SubTypes = AssetRequests.SubTypes(param.AssetSubTypeArray),
            StrictSubTypes = param.StrictSubTypeCheck == true,
        };
        var fields = FieldSelection.For<GetAssetsByNameReturn>(param.ResponseFieldArray, param.ExcludeFieldArray, "assetArray/items");
        RequestParameters.ThrowIfAny(problems);

        var assets = await catalog.ListAsync(company.Id, company.Name, filter, fields.Wants("assetArray/items/metadataArray"), AssetCatalog.MaxAssets,
            cancellationToken);
        return new GetAssetsByNameResponse
        {
            GetAssetsByNameReturn = fields.Apply(new GetAssetsByNameReturn { AssetArray = AssetWire.ArrayOf(assets, company) }),
        };
    }
}

/// <summary>
/// getAssets: the assets the handles name, in the order given, those in the trash included (trashState says so).
/// A handle of no asset of the company (another company's among them) is left out of the answer.
/// </summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalUser, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class GetAssets(AssetRequests requests, AssetCatalog catalog) : IOperationHandler<GetAssetsRequest, GetAssetsResponse>
{
    public async Task<GetAssetsResponse> HandleAsync(GetAssetsRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.GetAssetsParam ?? new GetAssetsParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        var handles = AssetRequests.Items(param.AssetHandleArray?.Items.Where(h => !string.IsNullOrWhiteSpace(h)).ToList(), "assetHandleArray");
        await requests.CheckAccessAsync(call, company, param.AccessUserHandle, param.AccessGroupHandle, cancellationToken);
        var fields = FieldSelection.For<GetAssetsReturn>(param.ResponseFieldArray, param.ExcludeFieldArray, "assetArray/items");

        var ids = handles.Select(h => AssetRequests.IdOf(company, h)).OfType<long>().Distinct().ToList();
        var found = ids.Count == 0
            ? []
            : await catalog.ListAsync(company.Id, company.Name, new AssetFilter { Ids = ids, Trash = TrashFilter.Any },
                fields.Wants("assetArray/items/metadataArray"), AssetCatalog.MaxAssets, cancellationToken);
        var byId = found.ToDictionary(a => a.Id);
        return new GetAssetsResponse
        {
            GetAssetsReturn = fields.Apply(new GetAssetsReturn
            {
                AssetArray = AssetWire.ArrayOf(ids.Where(byId.ContainsKey).Select(id => byId[id]), company),
            }),
        };
    }
}
