// setAssetsPublishState: whether assets are marked for publish.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "setAssetsPublishState", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<SetAssetsPublishStateResponse> SetAssetsPublishStateAsync(SetAssetsPublishStateRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class SetAssetsPublishStateRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "setAssetsPublishStateParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public SetAssetsPublishStateParam? SetAssetsPublishStateParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class SetAssetsPublishStateResponse
{
    [MessageBodyMember(Name = "setAssetsPublishStateReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public SetAssetsPublishStateReturn SetAssetsPublishStateReturn { get; set; } = new();
}

/// <summary>Request body of <c>setAssetsPublishState</c>.</summary>
[XmlRoot("setAssetsPublishStateParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class SetAssetsPublishStateParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("publishStateUpdateArray", Order = 2)]
    public PublishStateUpdateArray? PublishStateUpdateArray { get; set; }
}

/// <summary>Response body of <c>setAssetsPublishState</c>.</summary>
[XmlRoot("setAssetsPublishStateReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class SetAssetsPublishStateReturn
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
