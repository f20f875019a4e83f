// getAssociatedAssets: the sets holding an asset, a set's members, the PDF a page was ripped from and the pages, and derived renditions.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getAssociatedAssets", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetAssociatedAssetsResponse> GetAssociatedAssetsAsync(GetAssociatedAssetsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetAssociatedAssetsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getAssociatedAssetsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetAssociatedAssetsParam? GetAssociatedAssetsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetAssociatedAssetsResponse
{
    [MessageBodyMember(Name = "getAssociatedAssetsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetAssociatedAssetsReturn GetAssociatedAssetsReturn { get; set; } = new();
}

/// <summary>Request body of <c>getAssociatedAssets</c>.</summary>
[XmlRoot("getAssociatedAssetsParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetAssociatedAssetsParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("assetHandle", Order = 2)]
    public string? AssetHandle { get; set; }

    [XmlElement("responseFieldArray", Order = 3)]
    public StringArray? ResponseFieldArray { get; set; }

    [XmlElement("excludeFieldArray", Order = 4)]
    public StringArray? ExcludeFieldArray { get; set; }
}

/// <summary>Response body of <c>getAssociatedAssets</c>.</summary>
[XmlRoot("getAssociatedAssetsReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetAssociatedAssetsReturn
{
    [XmlElement("containerArray", Order = 1)]
    public AssetArray? ContainerArray { get; set; }

    [XmlElement("memberArray", Order = 2)]
    public AssetArray? MemberArray { get; set; }

    [XmlElement("layerReferenceArray", Order = 3)]
    public AssetArray? LayerReferenceArray { get; set; }

    [XmlElement("ownerArray", Order = 4)]
    public AssetArray? OwnerArray { get; set; }

    [XmlElement("derivedArray", Order = 5)]
    public AssetArray? DerivedArray { get; set; }

    [XmlElement("generatorArray", Order = 6)]
    public GenerationInfoArray? GeneratorArray { get; set; }

    [XmlElement("generatedArray", Order = 7)]
    public GenerationInfoArray? GeneratedArray { get; set; }

    [XmlElement("thumbAsset", Order = 8)]
    public Asset? ThumbAsset { get; set; }
}
