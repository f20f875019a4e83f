// submitJob: one job definition in, the handle of the stored job out.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "submitJob", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<SubmitJobResponse> SubmitJobAsync(SubmitJobRequest request);
}

// Unwrapped message contracts: the SOAP body holds exactly the <op>Param / <op>Return element, the header
// the authHeader, as in the WSDL. The server reads authHeader before dispatch (it may come in a dated
// namespace or be replaced by HTTP Basic), so the header member is for clients generated from these types.

[MessageContract(IsWrapped = false)]
public sealed class SubmitJobRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "submitJobParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public SubmitJobParam? SubmitJobParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class SubmitJobResponse
{
    [MessageBodyMember(Name = "submitJobReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public SubmitJobReturn SubmitJobReturn { get; set; } = new();
}

/// <summary>Request body of <c>submitJob</c>: the job definition and when to run it.</summary>
[XmlRoot("submitJobParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public partial class SubmitJobParam : IJobElements
{
    // The job elements (Order 8 to 20) are declared with their job types, in Types/Jobs/.

    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("userHandle", Order = 2)]
    public string? UserHandle { get; set; }

    [XmlElement("jobName", Order = 3)]
    public string? JobName { get; set; }

    [XmlElement("locale", Order = 4)]
    public string? Locale { get; set; }

    [XmlElement("execTime", Order = 5)]
    public DateTime? ExecTime { get; set; }

    public bool ShouldSerializeExecTime() => ExecTime.HasValue;

    [XmlElement("execSchedule", Order = 6)]
    public string? ExecSchedule { get; set; }

    [XmlElement("description", Order = 7)]
    public string? Description { get; set; }
}

/// <summary>Response body of <c>submitJob</c>.</summary>
[XmlRoot("submitJobReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class SubmitJobReturn
{
    [XmlElement("jobHandle", Order = 1)]
    public string? JobHandle { get; set; }
}
