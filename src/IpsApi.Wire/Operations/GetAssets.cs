// getAssets: the assets these handles name.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getAssets", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetAssetsResponse> GetAssetsAsync(GetAssetsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetAssetsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getAssetsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetAssetsParam? GetAssetsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetAssetsResponse
{
    [MessageBodyMember(Name = "getAssetsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetAssetsReturn GetAssetsReturn { get; set; } = new();
}

/// <summary>Request body of <c>getAssets</c>.</summary>
[XmlRoot("getAssetsParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetAssetsParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("accessUserHandle", Order = 2)]
    public string? AccessUserHandle { get; set; }

    [XmlElement("accessGroupHandle", Order = 3)]
    public string? AccessGroupHandle { get; set; }

    [XmlElement("assetHandleArray", Order = 4)]
    public HandleArray? AssetHandleArray { get; set; }

    [XmlElement("responseFieldArray", Order = 5)]
    public StringArray? ResponseFieldArray { get; set; }

    [XmlElement("excludeFieldArray", Order = 6)]
    public StringArray? ExcludeFieldArray { get; set; }
}

/// <summary>Response body of <c>getAssets</c>.</summary>
[XmlRoot("getAssetsReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetAssetsReturn
{
    [XmlElement("assetArray", Order = 1)]
    public AssetArray? AssetArray { get; set; }
}
