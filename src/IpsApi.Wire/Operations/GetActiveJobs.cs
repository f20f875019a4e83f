// getActiveJobs: the jobs running now (and waiting ones when asked).

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "getActiveJobs", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<GetActiveJobsResponse> GetActiveJobsAsync(GetActiveJobsRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class GetActiveJobsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getActiveJobsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetActiveJobsParam? GetActiveJobsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetActiveJobsResponse
{
    [MessageBodyMember(Name = "getActiveJobsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetActiveJobsReturn GetActiveJobsReturn { get; set; } = new();
}

/// <summary>Request body of <c>getActiveJobs</c>.</summary>
[XmlRoot("getActiveJobsParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetActiveJobsParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }

    [XmlElement("originalName", Order = 3)]
    public string? OriginalName { get; set; }

    [XmlElement("includeWaitingJobs", Order = 4)]
    public bool? IncludeWaitingJobs { get; set; }

    public bool ShouldSerializeIncludeWaitingJobs() => IncludeWaitingJobs.HasValue;
}

/// <summary>Response body of <c>getActiveJobs</c>.</summary>
[XmlRoot("getActiveJobsReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class GetActiveJobsReturn
{
    [XmlElement("jobArray", Order = 1)]
    public ActiveJobArray? JobArray { get; set; }
}
