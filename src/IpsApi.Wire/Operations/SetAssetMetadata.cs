// setAssetMetadata: new metadata values of an asset.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "setAssetMetadata", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<SetAssetMetadataResponse> SetAssetMetadataAsync(SetAssetMetadataRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class SetAssetMetadataRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "setAssetMetadataParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public SetAssetMetadataParam? SetAssetMetadataParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class SetAssetMetadataResponse
{
    [MessageBodyMember(Name = "setAssetMetadataReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public SetAssetMetadataReturn SetAssetMetadataReturn { get; set; } = new();
}

/// <summary>Request body of <c>setAssetMetadata</c>.</summary>
[XmlRoot("setAssetMetadataParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class SetAssetMetadataParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("assetHandle", Order = 2)]
    public string? AssetHandle { get; set; }

    [XmlElement("updateArray", Order = 3)]
    public MetadataUpdateArray? UpdateArray { get; set; }
}

/// <summary>Response body of <c>setAssetMetadata</c> (empty).</summary>
[XmlRoot("setAssetMetadataReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class SetAssetMetadataReturn
{
}
