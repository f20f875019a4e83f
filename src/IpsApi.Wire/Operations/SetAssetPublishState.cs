// setAssetPublishState: whether an asset is marked for publish.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "setAssetPublishState", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<SetAssetPublishStateResponse> SetAssetPublishStateAsync(SetAssetPublishStateRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class SetAssetPublishStateRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "setAssetPublishStateParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public SetAssetPublishStateParam? SetAssetPublishStateParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class SetAssetPublishStateResponse
{
    [MessageBodyMember(Name = "setAssetPublishStateReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public SetAssetPublishStateReturn SetAssetPublishStateReturn { get; set; } = new();
}

/// <summary>Request body of <c>setAssetPublishState</c>.</summary>
[XmlRoot("setAssetPublishStateParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class SetAssetPublishStateParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("assetHandle", Order = 2)]
    public string? AssetHandle { get; set; }

    [XmlElement("publishState", Order = 3)]
    public string? PublishState { get; set; }

    [XmlElement("contextHandleArray", Order = 4)]
    public HandleArray? ContextHandleArray { get; set; }
}

/// <summary>Response body of <c>setAssetPublishState</c> (empty).</summary>
[XmlRoot("setAssetPublishStateReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class SetAssetPublishStateReturn
{
}
