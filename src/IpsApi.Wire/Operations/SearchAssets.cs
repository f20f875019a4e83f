// searchAssets: assets by folder, type, system fields, metadata, publish and trash state, a page at a time.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "searchAssets", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<SearchAssetsResponse> SearchAssetsAsync(SearchAssetsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class SearchAssetsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "searchAssetsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public SearchAssetsParam? SearchAssetsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class SearchAssetsResponse
{
    [MessageBodyMember(Name = "searchAssetsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public SearchAssetsReturn SearchAssetsReturn { get; set; } = new();
}

/// <summary>Request body of <c>searchAssets</c>.</summary>
[XmlRoot("searchAssetsParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class SearchAssetsParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("accessUserHandle", Order = 2)]
    public string? AccessUserHandle { get; set; }

    [XmlElement("accessGroupHandle", Order = 3)]
    public string? AccessGroupHandle { get; set; }

    [XmlElement("folder", Order = 4)]
    public string? Folder { get; set; }

    [XmlElement("includeSubfolders", Order = 5)]
    public bool? IncludeSubfolders { get; set; }

    public bool ShouldSerializeIncludeSubfolders() => IncludeSubfolders.HasValue;

    [XmlElement("publishState", Order = 6)]
    public string? PublishState { get; set; }

    [XmlElement("trashState", Order = 7)]
    public string? TrashState { get; set; }

    [XmlElement("conditionMatchMode", Order = 8)]
    public string? ConditionMatchMode { get; set; }

    [XmlElement("keywordArray", Order = 9)]
    public StringArray? KeywordArray { get; set; }

    [XmlElement("systemFieldMatchMode", Order = 10)]
    public string? SystemFieldMatchMode { get; set; }

    [XmlElement("systemFieldConditionArray", Order = 11)]
    public SystemFieldConditionArray? SystemFieldConditionArray { get; set; }

    [XmlElement("tagMatchMode", Order = 12)]
    public string? TagMatchMode { get; set; }

    [XmlElement("tagConditionArray", Order = 13)]
    public TagConditionArray? TagConditionArray { get; set; }

    [XmlElement("metadataMatchMode", Order = 14)]
    public string? MetadataMatchMode { get; set; }

    [XmlElement("metadataConditionArray", Order = 15)]
    public MetadataConditionArray? MetadataConditionArray { get; set; }

    [XmlElement("assetTypeArray", Order = 16)]
    public StringArray? AssetTypeArray { get; set; }

    [XmlElement("excludeAssetTypeArray", Order = 17)]
    public StringArray? ExcludeAssetTypeArray { get; set; }

    [XmlElement("assetSubTypeArray", Order = 18)]
    public StringArray? AssetSubTypeArray { get; set; }

    [XmlElement("strictSubTypeCheck", Order = 19)]
    public bool? StrictSubTypeCheck { get; set; }

    public bool ShouldSerializeStrictSubTypeCheck() => StrictSubTypeCheck.HasValue;

    [XmlElement("excludeByproducts", Order = 20)]
    public bool? ExcludeByproducts { get; set; }

    public bool ShouldSerializeExcludeByproducts() => ExcludeByproducts.HasValue;

    [XmlElement("excludeByproductArray", Order = 21)]
    public ExcludeByproductArray? ExcludeByproductArray { get; set; }

    [XmlElement("projectHandle", Order = 22)]
    public string? ProjectHandle { get; set; }

    [XmlElement("recordsPerPage", Order = 23)]
    public int? RecordsPerPage { get; set; }

    public bool ShouldSerializeRecordsPerPage() => RecordsPerPage.HasValue;

    [XmlElement("resultsPage", Order = 24)]
    public int? ResultsPage { get; set; }

    public bool ShouldSerializeResultsPage() => ResultsPage.HasValue;

    [XmlElement("sortBy", Order = 25)]
    public string? SortBy { get; set; }

    [XmlElement("sortDirection", Order = 26)]
    public string? SortDirection { get; set; }

    [XmlElement("responseFieldArray", Order = 27)]
    public StringArray? ResponseFieldArray { get; set; }

    [XmlElement("excludeFieldArray", Order = 28)]
    public StringArray? ExcludeFieldArray { get; set; }
}

/// <summary>Response body of <c>searchAssets</c>.</summary>
[XmlRoot("searchAssetsReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class SearchAssetsReturn
{
    [XmlElement("totalRows", Order = 1)]
    public int? TotalRows { get; set; }

    public bool ShouldSerializeTotalRows() => TotalRows.HasValue;

    [XmlElement("assetArray", Order = 2)]
    public AssetArray? AssetArray { get; set; }
}
