// moveAsset: an asset into another folder; its handle stays.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "moveAsset", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<MoveAssetResponse> MoveAssetAsync(MoveAssetRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class MoveAssetRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "moveAssetParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public MoveAssetParam? MoveAssetParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class MoveAssetResponse
{
    [MessageBodyMember(Name = "moveAssetReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public MoveAssetReturn MoveAssetReturn { get; set; } = new();
}

/// <summary>Request body of <c>moveAsset</c>.</summary>
[XmlRoot("moveAssetParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class MoveAssetParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("assetHandle", Order = 2)]
    public string? AssetHandle { get; set; }

    [XmlElement("folderHandle", Order = 3)]
    public string? FolderHandle { get; set; }
}

/// <summary>Response body of <c>moveAsset</c> (empty).</summary>
[XmlRoot("moveAssetReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class MoveAssetReturn
{
}
