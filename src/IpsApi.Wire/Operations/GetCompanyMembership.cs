// getCompanyMembership: the companies a user belongs to.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getCompanyMembership", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetCompanyMembershipResponse> GetCompanyMembershipAsync(GetCompanyMembershipRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetCompanyMembershipRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getCompanyMembershipParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetCompanyMembershipParam? GetCompanyMembershipParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetCompanyMembershipResponse
{
    [MessageBodyMember(Name = "getCompanyMembershipReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetCompanyMembershipReturn GetCompanyMembershipReturn { get; set; } = new();
}

/// <summary>Request body of <c>getCompanyMembership</c>.</summary>
[XmlRoot("getCompanyMembershipParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetCompanyMembershipParam
{
    [XmlElement("userHandle", Order = 1)]
    public string? UserHandle { get; set; }
}

/// <summary>Response body of <c>getCompanyMembership</c>.</summary>
[XmlRoot("getCompanyMembershipReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetCompanyMembershipReturn
{
    [XmlElement("membershipArray", Order = 1)]
    public CompanyMembershipArray? MembershipArray { get; set; }
}
