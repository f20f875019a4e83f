// moveAssets: assets into other folders, each on its own.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "moveAssets", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<MoveAssetsResponse> MoveAssetsAsync(MoveAssetsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class MoveAssetsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "moveAssetsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public MoveAssetsParam? MoveAssetsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class MoveAssetsResponse
{
    [MessageBodyMember(Name = "moveAssetsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public MoveAssetsReturn MoveAssetsReturn { get; set; } = new();
}

/// <summary>Request body of <c>moveAssets</c>.</summary>
[XmlRoot("moveAssetsParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class MoveAssetsParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("assetMoveArray", Order = 2)]
    public AssetMoveArray? AssetMoveArray { get; set; }
}

/// <summary>Response body of <c>moveAssets</c>.</summary>
[XmlRoot("moveAssetsReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class MoveAssetsReturn
{
    [XmlElement("successCount", Order = 1)]
    public int SuccessCount { get; set; }

    [XmlElement("warningCount", Order = 2)]
    public int WarningCount { get; set; }

    [XmlElement("errorCount", Order = 3)]
    public int ErrorCount { get; set; }

    [XmlElement("warningDetailArray", Order = 4)]
    public AssetOperationFaultArray? WarningDetailArray { get; set; }

    [XmlElement("errorDetailArray", Order = 5)]
    public AssetOperationFaultArray? ErrorDetailArray { get; set; }
}
