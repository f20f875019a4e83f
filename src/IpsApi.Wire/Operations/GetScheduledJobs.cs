// getScheduledJobs: the jobs with a schedule, their next fire time and trigger state.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getScheduledJobs", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetScheduledJobsResponse> GetScheduledJobsAsync(GetScheduledJobsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetScheduledJobsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getScheduledJobsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetScheduledJobsParam? GetScheduledJobsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetScheduledJobsResponse
{
    [MessageBodyMember(Name = "getScheduledJobsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetScheduledJobsReturn GetScheduledJobsReturn { get; set; } = new();
}

/// <summary>Request body of <c>getScheduledJobs</c>.</summary>
[XmlRoot("getScheduledJobsParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetScheduledJobsParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }

    [XmlElement("originalName", Order = 3)]
    public string? OriginalName { get; set; }
}

/// <summary>Response body of <c>getScheduledJobs</c>.</summary>
[XmlRoot("getScheduledJobsReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetScheduledJobsReturn
{
    [XmlElement("jobArray", Order = 1)]
    public ScheduledJobArray? JobArray { get; set; }
}
