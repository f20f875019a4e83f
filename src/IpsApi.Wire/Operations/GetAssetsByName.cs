// getAssetsByName: the company's assets with these names (without extension), in any folder.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getAssetsByName", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetAssetsByNameResponse> GetAssetsByNameAsync(GetAssetsByNameRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetAssetsByNameRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getAssetsByNameParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetAssetsByNameParam? GetAssetsByNameParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetAssetsByNameResponse
{
    [MessageBodyMember(Name = "getAssetsByNameReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetAssetsByNameReturn GetAssetsByNameReturn { get; set; } = new();
}

/// <summary>Request body of <c>getAssetsByName</c>.</summary>
[XmlRoot("getAssetsByNameParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetAssetsByNameParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("accessUserHandle", Order = 2)]
    public string? AccessUserHandle { get; set; }

    [XmlElement("accessGroupHandle", Order = 3)]
    public string? AccessGroupHandle { get; set; }

    [XmlElement("nameArray", Order = 4)]
    public StringArray? NameArray { get; set; }

    [XmlElement("assetTypeArray", Order = 5)]
    public StringArray? AssetTypeArray { get; set; }

    [XmlElement("excludeAssetTypeArray", Order = 6)]
    public StringArray? ExcludeAssetTypeArray { get; set; }

    [XmlElement("assetSubTypeArray", Order = 7)]
    public StringArray? AssetSubTypeArray { get; set; }

    [XmlElement("strictSubTypeCheck", Order = 8)]
    public bool? StrictSubTypeCheck { get; set; }

    public bool ShouldSerializeStrictSubTypeCheck() => StrictSubTypeCheck.HasValue;

    [XmlElement("responseFieldArray", Order = 9)]
    public StringArray? ResponseFieldArray { get; set; }

    [XmlElement("excludeFieldArray", Order = 10)]
    public StringArray? ExcludeFieldArray { get; set; }
}

/// <summary>Response body of <c>getAssetsByName</c>.</summary>
[XmlRoot("getAssetsByNameReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetAssetsByNameReturn
{
    [XmlElement("assetArray", Order = 1)]
    public AssetArray? AssetArray { get; set; }
}
