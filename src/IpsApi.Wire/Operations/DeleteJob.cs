// deleteJob: remove a scheduled or current job.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "deleteJob", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<DeleteJobResponse> DeleteJobAsync(DeleteJobRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class DeleteJobRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "deleteJobParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public DeleteJobParam? DeleteJobParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class DeleteJobResponse
{
    [MessageBodyMember(Name = "deleteJobReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public DeleteJobReturn DeleteJobReturn { get; set; } = new();
}

/// <summary>Request body of <c>deleteJob</c>.</summary>
[XmlRoot("deleteJobParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class DeleteJobParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }
}

/// <summary>Response body of <c>deleteJob</c> (empty).</summary>
[XmlRoot("deleteJobReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class DeleteJobReturn
{
}
