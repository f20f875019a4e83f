// pauseJob: suspend a scheduled job's trigger (or a running job at its next safe point).

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "pauseJob", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<PauseJobResponse> PauseJobAsync(PauseJobRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class PauseJobRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "pauseJobParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public PauseJobParam? PauseJobParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class PauseJobResponse
{
    [MessageBodyMember(Name = "pauseJobReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public PauseJobReturn PauseJobReturn { get; set; } = new();
}

/// <summary>Request body of <c>pauseJob</c>.</summary>
[XmlRoot("pauseJobParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class PauseJobParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }
}

/// <summary>Response body of <c>pauseJob</c> (empty).</summary>
[XmlRoot("pauseJobReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class PauseJobReturn
{
}
