// deleteAsset: moves an asset to the trash.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "deleteAsset", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<DeleteAssetResponse> DeleteAssetAsync(DeleteAssetRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class DeleteAssetRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "deleteAssetParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public DeleteAssetParam? DeleteAssetParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class DeleteAssetResponse
{
    [MessageBodyMember(Name = "deleteAssetReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public DeleteAssetReturn DeleteAssetReturn { get; set; } = new();
}

/// <summary>Request body of <c>deleteAsset</c>.</summary>
[XmlRoot("deleteAssetParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class DeleteAssetParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("assetHandle", Order = 2)]
    public string? AssetHandle { get; set; }
}

/// <summary>Response body of <c>deleteAsset</c> (empty).</summary>
[XmlRoot("deleteAssetReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class DeleteAssetReturn
{
}
