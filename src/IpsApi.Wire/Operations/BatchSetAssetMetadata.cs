// batchSetAssetMetadata: new metadata values of several assets.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "batchSetAssetMetadata", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<BatchSetAssetMetadataResponse> BatchSetAssetMetadataAsync(BatchSetAssetMetadataRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class BatchSetAssetMetadataRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "batchSetAssetMetadataParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public BatchSetAssetMetadataParam? BatchSetAssetMetadataParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class BatchSetAssetMetadataResponse
{
    [MessageBodyMember(Name = "batchSetAssetMetadataReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public BatchSetAssetMetadataReturn BatchSetAssetMetadataReturn { get; set; } = new();
}

/// <summary>Request body of <c>batchSetAssetMetadata</c>.</summary>
[XmlRoot("batchSetAssetMetadataParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class BatchSetAssetMetadataParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("updateArray", Order = 2)]
    public BatchMetadataUpdateArray? UpdateArray { get; set; }
}

/// <summary>Response body of <c>batchSetAssetMetadata</c>.</summary>
[XmlRoot("batchSetAssetMetadataReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class BatchSetAssetMetadataReturn
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
