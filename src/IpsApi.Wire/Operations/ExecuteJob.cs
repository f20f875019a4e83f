// executeJob: run a scheduled job now.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "executeJob", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<ExecuteJobResponse> ExecuteJobAsync(ExecuteJobRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class ExecuteJobRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "executeJobParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public ExecuteJobParam? ExecuteJobParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class ExecuteJobResponse
{
    [MessageBodyMember(Name = "executeJobReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public ExecuteJobReturn ExecuteJobReturn { get; set; } = new();
}

/// <summary>Request body of <c>executeJob</c>.</summary>
[XmlRoot("executeJobParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class ExecuteJobParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }
}

/// <summary>Response body of <c>executeJob</c> (empty).</summary>
[XmlRoot("executeJobReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class ExecuteJobReturn
{
}
