// restoreAssetsFromTrash: brings assets back from the trash.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "restoreAssetsFromTrash", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<RestoreAssetsFromTrashResponse> RestoreAssetsFromTrashAsync(RestoreAssetsFromTrashRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class RestoreAssetsFromTrashRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "restoreAssetsFromTrashParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public RestoreAssetsFromTrashParam? RestoreAssetsFromTrashParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class RestoreAssetsFromTrashResponse
{
    [MessageBodyMember(Name = "restoreAssetsFromTrashReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public RestoreAssetsFromTrashReturn RestoreAssetsFromTrashReturn { get; set; } = new();
}

/// <summary>Request body of <c>restoreAssetsFromTrash</c>.</summary>
[XmlRoot("restoreAssetsFromTrashParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class RestoreAssetsFromTrashParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("assetHandleArray", Order = 2)]
    public HandleArray? AssetHandleArray { get; set; }
}

/// <summary>Response body of <c>restoreAssetsFromTrash</c>.</summary>
[XmlRoot("restoreAssetsFromTrashReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class RestoreAssetsFromTrashReturn
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
