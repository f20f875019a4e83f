// renameAsset: an asset's new name; its file name follows, keeping the extension, and its handle stays.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "renameAsset", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<RenameAssetResponse> RenameAssetAsync(RenameAssetRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class RenameAssetRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "renameAssetParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public RenameAssetParam? RenameAssetParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class RenameAssetResponse
{
    [MessageBodyMember(Name = "renameAssetReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public RenameAssetReturn RenameAssetReturn { get; set; } = new();
}

/// <summary>Request body of <c>renameAsset</c>.</summary>
[XmlRoot("renameAssetParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class RenameAssetParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("assetHandle", Order = 2)]
    public string? AssetHandle { get; set; }

    [XmlElement("newName", Order = 3)]
    public string? NewName { get; set; }

    [XmlElement("validateName", Order = 4)]
    public bool? ValidateName { get; set; }

    public bool ShouldSerializeValidateName() => ValidateName.HasValue;
}

/// <summary>Response body of <c>renameAsset</c> (empty).</summary>
[XmlRoot("renameAssetReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class RenameAssetReturn
{
}
