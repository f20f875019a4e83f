// deleteAssets: moves assets to the trash.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "deleteAssets", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<DeleteAssetsResponse> DeleteAssetsAsync(DeleteAssetsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class DeleteAssetsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "deleteAssetsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public DeleteAssetsParam? DeleteAssetsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class DeleteAssetsResponse
{
    [MessageBodyMember(Name = "deleteAssetsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public DeleteAssetsReturn DeleteAssetsReturn { get; set; } = new();
}

/// <summary>Request body of <c>deleteAssets</c>.</summary>
[XmlRoot("deleteAssetsParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class DeleteAssetsParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("assetHandleArray", Order = 2)]
    public HandleArray? AssetHandleArray { get; set; }
}

/// <summary>Response body of <c>deleteAssets</c>.</summary>
[XmlRoot("deleteAssetsReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class DeleteAssetsReturn
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
