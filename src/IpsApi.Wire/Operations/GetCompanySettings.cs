// getCompanySettings: a company's settings.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getCompanySettings", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetCompanySettingsResponse> GetCompanySettingsAsync(GetCompanySettingsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetCompanySettingsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getCompanySettingsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetCompanySettingsParam? GetCompanySettingsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetCompanySettingsResponse
{
    [MessageBodyMember(Name = "getCompanySettingsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetCompanySettingsReturn GetCompanySettingsReturn { get; set; } = new();
}

/// <summary>Request body of <c>getCompanySettings</c>.</summary>
[XmlRoot("getCompanySettingsParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetCompanySettingsParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }
}

/// <summary>Response body of <c>getCompanySettings</c>.</summary>
[XmlRoot("getCompanySettingsReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetCompanySettingsReturn
{
    [XmlElement("settings", Order = 1)]
    public CompanySettings? Settings { get; set; }
}
