// checkLogin: whether an email and password would sign in (ValidLogin or InvalidLogin).

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "checkLogin", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<CheckLoginResponse> CheckLoginAsync(CheckLoginRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class CheckLoginRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "checkLoginParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public CheckLoginParam? CheckLoginParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class CheckLoginResponse
{
    [MessageBodyMember(Name = "checkLoginReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public CheckLoginReturn CheckLoginReturn { get; set; } = new();
}

/// <summary>Request body of <c>checkLogin</c>.</summary>
[XmlRoot("checkLoginParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class CheckLoginParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("email", Order = 2)]
    public string? Email { get; set; }

    [XmlElement("password", Order = 3)]
    public string? Password { get; set; }
}

/// <summary>Response body of <c>checkLogin</c>.</summary>
[XmlRoot("checkLoginReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class CheckLoginReturn
{
    [XmlElement("status", Order = 1)]
    public string? Status { get; set; }
}
