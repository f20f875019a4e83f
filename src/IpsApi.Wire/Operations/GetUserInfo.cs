// getUserInfo: a user by handle or email (the caller when neither is given).

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getUserInfo", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetUserInfoResponse> GetUserInfoAsync(GetUserInfoRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetUserInfoRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getUserInfoParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetUserInfoParam? GetUserInfoParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetUserInfoResponse
{
    [MessageBodyMember(Name = "getUserInfoReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetUserInfoReturn GetUserInfoReturn { get; set; } = new();
}

/// <summary>Request body of <c>getUserInfo</c>.</summary>
[XmlRoot("getUserInfoParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetUserInfoParam
{
    [XmlElement("userHandle", Order = 1)]
    public string? UserHandle { get; set; }

    [XmlElement("email", Order = 2)]
    public string? Email { get; set; }
}

/// <summary>Response body of <c>getUserInfo</c>.</summary>
[XmlRoot("getUserInfoReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetUserInfoReturn
{
    [XmlElement("userInfo", Order = 1)]
    public User? UserInfo { get; set; }
}
