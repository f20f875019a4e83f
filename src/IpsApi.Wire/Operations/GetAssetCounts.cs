// getAssetCounts: how many assets of each type the company has (not counting the trash).

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getAssetCounts", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetAssetCountsResponse> GetAssetCountsAsync(GetAssetCountsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetAssetCountsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getAssetCountsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetAssetCountsParam? GetAssetCountsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetAssetCountsResponse
{
    [MessageBodyMember(Name = "getAssetCountsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetAssetCountsReturn GetAssetCountsReturn { get; set; } = new();
}

/// <summary>Request body of <c>getAssetCounts</c>.</summary>
[XmlRoot("getAssetCountsParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetAssetCountsParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }
}

/// <summary>Response body of <c>getAssetCounts</c>.</summary>
[XmlRoot("getAssetCountsReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetAssetCountsReturn
{
    [XmlElement("countArray", Order = 1)]
    public AssetCountArray? CountArray { get; set; }
}
