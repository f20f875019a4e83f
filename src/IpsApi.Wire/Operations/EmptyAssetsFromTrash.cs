// emptyAssetsFromTrash: removes assets in the trash for good, rows and files.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "emptyAssetsFromTrash", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<EmptyAssetsFromTrashResponse> EmptyAssetsFromTrashAsync(EmptyAssetsFromTrashRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class EmptyAssetsFromTrashRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "emptyAssetsFromTrashParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public EmptyAssetsFromTrashParam? EmptyAssetsFromTrashParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class EmptyAssetsFromTrashResponse
{
    [MessageBodyMember(Name = "emptyAssetsFromTrashReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public EmptyAssetsFromTrashReturn EmptyAssetsFromTrashReturn { get; set; } = new();
}

/// <summary>Request body of <c>emptyAssetsFromTrash</c>.</summary>
[XmlRoot("emptyAssetsFromTrashParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class EmptyAssetsFromTrashParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("assetHandleArray", Order = 2)]
    public HandleArray? AssetHandleArray { get; set; }
}

/// <summary>Response body of <c>emptyAssetsFromTrash</c>.</summary>
[XmlRoot("emptyAssetsFromTrashReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class EmptyAssetsFromTrashReturn
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
