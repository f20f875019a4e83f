// getMetadataFields: the metadata fields a company uses on assets of a type.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getMetadataFields", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetMetadataFieldsResponse> GetMetadataFieldsAsync(GetMetadataFieldsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetMetadataFieldsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getMetadataFieldsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetMetadataFieldsParam? GetMetadataFieldsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetMetadataFieldsResponse
{
    [MessageBodyMember(Name = "getMetadataFieldsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetMetadataFieldsReturn GetMetadataFieldsReturn { get; set; } = new();
}

/// <summary>Request body of <c>getMetadataFields</c>.</summary>
[XmlRoot("getMetadataFieldsParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetMetadataFieldsParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("assetType", Order = 2)]
    public string? AssetType { get; set; }
}

/// <summary>Response body of <c>getMetadataFields</c>.</summary>
[XmlRoot("getMetadataFieldsReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetMetadataFieldsReturn
{
    [XmlElement("fieldArray", Order = 1)]
    public MetadataFieldArray? FieldArray { get; set; }
}
