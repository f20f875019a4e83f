using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Operations.Folders;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Assets;

/// <summary>
/// searchAssets: the company's assets in a folder (and below it with includeSubfolders), by type, keywords, system
/// fields, metadata fields, publish and trash state (NotInTrash unless asked), one page at a time with the total in
/// totalRows. Pages hold up to 1,000 assets, or 10,000 when only totalRows, name, assetHandle, type and subType are
/// asked for.
/// </summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalUser, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class SearchAssets(AssetRequests requests, FolderRequests folders, SearchRequests search, AssetCatalog catalog)
    : IOperationHandler<SearchAssetsRequest, SearchAssetsResponse>
{
    private static readonly string[] NamesOnly =
        ["totalRows", "assetArray/items/name", "assetArray/items/assetHandle", "assetArray/items/type", "assetArray/items/subType"];

    public async Task<SearchAssetsResponse> HandleAsync(SearchAssetsRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.SearchAssetsParam ?? new SearchAssetsParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        await requests.CheckAccessAsync(call, company, param.AccessUserHandle, param.AccessGroupHandle, cancellationToken);
        var problems = new List<string>();
        var path = FolderRequests.PathOf(company, string.IsNullOrWhiteSpace(param.Folder) ? null : param.Folder, "folder");
        var filter = new AssetFilter
        {
            Folder = path,
            IncludeSubfolders = param.IncludeSubfolders == true,
            Types = AssetRequests.TypeNames(param.AssetTypeArray, "assetTypeArray", problems),
            ExcludeTypes = AssetRequests.TypeNames(param.ExcludeAssetTypeArray, "excludeAssetTypeArray", problems),
            SubTypes = AssetRequests.SubTypes(param.AssetSubTypeArray),
            StrictSubTypes = param.StrictSubTypeCheck == true,
            ExcludeByproducts = param.ExcludeByproducts == true && param.ExcludeByproductArray?.Items is not { Count: > 0 },
            ExcludeByproductRules = ByproductRules(param.ExcludeByproductArray, problems),
            MarkedForPublish = SearchRequests.MarkedForPublish(param.PublishState, problems),
            Trash = SearchRequests.Trash(param.TrashState, problems),
            Condition = search.Conditions(param, problems),
        };
        if (!string.IsNullOrWhiteSpace(param.ProjectHandle))
        {
            problems.Add($"Invalid parameter projectHandle: '{param.ProjectHandle}' (this server has no projects)");
        }

        var fields = FieldSelection.For<SearchAssetsReturn>(param.ResponseFieldArray, param.ExcludeFieldArray, "assetArray/items");
        var page = SearchRequests.Page(param.SortBy, param.SortDirection, param.RecordsPerPage, param.ResultsPage,
            fields.OnlyWithin(NamesOnly) ? SearchRequests.MaxPageOfNames : SearchRequests.MaxPage, problems);
        RequestParameters.ThrowIfAny(problems);
        await folders.ExistingAsync(company, path, param.Folder, cancellationToken);

        var (assets, total) = await catalog.SearchAsync(company.Id, company.Name, filter, page, fields.Wants("assetArray/items/metadataArray"),
            cancellationToken);
        return new SearchAssetsResponse
        {
            SearchAssetsReturn = fields.Apply(new SearchAssetsReturn
            {
                TotalRows = (int)Math.Min(total, int.MaxValue),
                AssetArray = AssetWire.ArrayOf(assets, company),
            }),
        };
    }

    /// <summary>excludeByproductArray: each an engine of the Generation Info constants and, if given, an asset type.</summary>
    internal static IReadOnlyList<(string Engine, string? TypeName)> ByproductRules(ExcludeByproductArray? rules, List<string> problems)
    {
        string[] engines = ["PhotoshopLayers", "PostScriptRip", "ImageConvert", "SceneAuthoring", "Aco"];
        var list = new List<(string, string?)>();
        foreach (var rule in rules?.Items ?? [])
        {
            var engine = rule.Engine?.Trim() ?? "";
            var type = string.IsNullOrWhiteSpace(rule.GeneratedAssetType) ? null : rule.GeneratedAssetType.Trim();
            if (!engines.Contains(engine))
            {
                problems.Add($"Invalid parameter excludeByproductArray: engine '{rule.Engine}' (one of {string.Join(", ", engines)})");
            }
            else if (type is not null && !AssetTypeNames.Documented.Contains(type))
            {
                problems.Add($"Invalid parameter excludeByproductArray: generatedAssetType '{type}' (not an asset type)");
            }
            else
            {
                list.Add((engine, type is null or "Asset" ? null : AssetTypeNames.StoredNamesFor(type) is [var stored, ..] ? stored : type));
            }
        }

        return list;
    }
}

/// <summary>
/// searchAssetsByMetadata: assets by metadata conditions (all must hold) within a search filter, answered as asset
/// summaries with the metadata fields responseMetadataArray names, one page at a time with the total in totalRows.
/// Field handles name metadata fields ("custom_attributes.&lt;field&gt;" too), or what the asset row holds: asset_id,
/// name, file_name, folder_path, type, created_by, modified_by, created_at, modified_at.
/// </summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.ImagePortalAdmin, UserRole.ImagePortalUser,
    UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class SearchAssetsByMetadata(AssetRequests requests, FolderRequests folders, SearchRequests search, AssetCatalog catalog)
    : IOperationHandler<SearchAssetsByMetadataRequest, SearchAssetsByMetadataResponse>
{
    public async Task<SearchAssetsByMetadataResponse> HandleAsync(SearchAssetsByMetadataRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.SearchAssetsByMetadataParam ?? new SearchAssetsByMetadataParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        var scope = param.Filter ?? new SearchFilter();
        var problems = new List<string>();
        var path = string.IsNullOrWhiteSpace(scope.Folder) ? null : FolderRequests.PathOf(company, scope.Folder, "filter/folder");
        var conditions = search.Metadata(param.MetadataConditionArray, specialFields: true, problems);
        var filter = new AssetFilter
        {
            Folder = path,
            IncludeSubfolders = path is null || scope.IncludeSubfolders == true,
            Types = AssetRequests.TypeNames(scope.AssetTypeArray, "filter/assetTypeArray", problems),
            ExcludeTypes = AssetRequests.TypeNames(scope.ExcludeAssetTypeArray, "filter/excludeAssetTypeArray", problems),
            SubTypes = AssetRequests.SubTypes(scope.AssetSubTypeArray),
            StrictSubTypes = scope.StrictSubTypeCheck == true,
            ExcludeByproducts = scope.ExcludeByproducts == true,
            MarkedForPublish = SearchRequests.MarkedForPublish(scope.PublishState, problems),
            Trash = SearchRequests.Trash(scope.TrashState, problems),
            Condition = conditions.Count == 0 ? null : new AssetCondition.Group(conditions, MatchAny: false),
        };
        if (!string.IsNullOrWhiteSpace(scope.ProjectHandle))
        {
            problems.Add($"Invalid parameter filter/projectHandle: '{scope.ProjectHandle}' (this server has no projects)");
        }

        var page = SearchRequests.Page(param.SortBy, param.SortDirection, param.RecordsPerPage, param.ResultsPage, SearchRequests.MaxPage, problems);
        var metadataFields = param.ResponseMetadataArray?.Items.Where(f => !string.IsNullOrWhiteSpace(f))
            .Select(f => f.Trim() is var field && field.StartsWith("custom_attributes.", StringComparison.Ordinal) ? field["custom_attributes.".Length..] : field)
            .Distinct().ToList() ?? [];
        RequestParameters.ThrowIfAny(problems);
        if (path is not null)
        {
            await folders.ExistingAsync(company, path, scope.Folder, cancellationToken);
        }

        var (assets, total) = await catalog.SearchAsync(company.Id, company.Name, filter, page, withMetadata: metadataFields.Count > 0, cancellationToken);
        var summaries = assets.Select(a => AssetWire.SummaryOf(a, company, metadataFields)).ToList();
        return new SearchAssetsByMetadataResponse
        {
            SearchAssetsByMetadataReturn = new SearchAssetsByMetadataReturn
            {
                TotalRows = (int)Math.Min(total, int.MaxValue),
                AssetSummaryArray = summaries.Count == 0 ? null : new AssetSummaryArray { Items = summaries },
            },
        };
    }
}

/// <summary>getAssetCounts: how many assets of each type the company has, leaving out the trash.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalUser, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class GetAssetCounts(AssetRequests requests, AssetCatalog catalog) : IOperationHandler<GetAssetCountsRequest, GetAssetCountsResponse>
{
    public async Task<GetAssetCountsResponse> HandleAsync(GetAssetCountsRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.GetAssetCountsParam ?? new GetAssetCountsParam();
        var company = await requests.CompanyAsync(call, param.CompanyHandle, cancellationToken);
        var counts = await catalog.CountByTypeAsync(company.Id, cancellationToken);
        return new GetAssetCountsResponse
        {
            GetAssetCountsReturn = new GetAssetCountsReturn
            {
                CountArray = counts.Count == 0
                    ? null
                    : new AssetCountArray { Items = [.. counts.Select(c => new AssetCount { AssetType = c.TypeName, Count = (int)Math.Min(c.Count, int.MaxValue) })] },
            },
        };
    }
}
