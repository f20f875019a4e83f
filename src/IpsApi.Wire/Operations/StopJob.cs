// stopJob: stop a running job at its next safe point.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "stopJob", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<StopJobResponse> StopJobAsync(StopJobRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class StopJobRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "stopJobParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public StopJobParam? StopJobParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class StopJobResponse
{
    [MessageBodyMember(Name = "stopJobReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public StopJobReturn StopJobReturn { get; set; } = new();
}

/// <summary>Request body of <c>stopJob</c>.</summary>
[XmlRoot("stopJobParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class StopJobParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }
}

/// <summary>Response body of <c>stopJob</c> (empty).</summary>
[XmlRoot("stopJobReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class StopJobReturn
{
}
