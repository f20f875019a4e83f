// searchAssetsByMetadata: assets by metadata conditions, answered as summaries, a page at a time.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "searchAssetsByMetadata", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<SearchAssetsByMetadataResponse> SearchAssetsByMetadataAsync(SearchAssetsByMetadataRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class SearchAssetsByMetadataRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "searchAssetsByMetadataParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public SearchAssetsByMetadataParam? SearchAssetsByMetadataParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class SearchAssetsByMetadataResponse
{
    [MessageBodyMember(Name = "searchAssetsByMetadataReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public SearchAssetsByMetadataReturn SearchAssetsByMetadataReturn { get; set; } = new();
}

/// <summary>Request body of <c>searchAssetsByMetadata</c>.</summary>
[XmlRoot("searchAssetsByMetadataParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class SearchAssetsByMetadataParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("filter", Order = 2)]
    public SearchFilter? Filter { get; set; }

    [XmlElement("metadataConditionArray", Order = 3)]
    public MetadataConditionArray? MetadataConditionArray { get; set; }

    [XmlElement("responseMetadataArray", Order = 4)]
    public StringArray? ResponseMetadataArray { get; set; }

    [XmlElement("recordsPerPage", Order = 5)]
    public int? RecordsPerPage { get; set; }

    public bool ShouldSerializeRecordsPerPage() => RecordsPerPage.HasValue;

    [XmlElement("resultsPage", Order = 6)]
    public int? ResultsPage { get; set; }

    public bool ShouldSerializeResultsPage() => ResultsPage.HasValue;

    [XmlElement("sortBy", Order = 7)]
    public string? SortBy { get; set; }

    [XmlElement("sortDirection", Order = 8)]
    public string? SortDirection { get; set; }
}

/// <summary>Response body of <c>searchAssetsByMetadata</c>.</summary>
[XmlRoot("searchAssetsByMetadataReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class SearchAssetsByMetadataReturn
{
    [XmlElement("totalRows", Order = 1)]
    public int? TotalRows { get; set; }

    public bool ShouldSerializeTotalRows() => TotalRows.HasValue;

    [XmlElement("assetSummaryArray", Order = 2)]
    public AssetSummaryArray? AssetSummaryArray { get; set; }
}
