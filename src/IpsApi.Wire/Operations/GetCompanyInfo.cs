// getCompanyInfo: a company by its handle, name or IMS organisation id.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getCompanyInfo", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetCompanyInfoResponse> GetCompanyInfoAsync(GetCompanyInfoRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetCompanyInfoRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getCompanyInfoParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetCompanyInfoParam? GetCompanyInfoParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetCompanyInfoResponse
{
    [MessageBodyMember(Name = "getCompanyInfoReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetCompanyInfoReturn GetCompanyInfoReturn { get; set; } = new();
}

/// <summary>Request body of <c>getCompanyInfo</c>.</summary>
[XmlRoot("getCompanyInfoParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetCompanyInfoParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("companyName", Order = 2)]
    public string? CompanyName { get; set; }

    [XmlElement("imsOrgId", Order = 3)]
    public string? ImsOrgId { get; set; }
}

/// <summary>Response body of <c>getCompanyInfo</c>.</summary>
[XmlRoot("getCompanyInfoReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetCompanyInfoReturn
{
    [XmlElement("companyInfo", Order = 1)]
    public Company? CompanyInfo { get; set; }
}
