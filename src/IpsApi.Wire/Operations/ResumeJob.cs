// resumeJob: undo pauseJob.

using System.ServiceModel;
using System.Xml.Serialization;

namespace IpsApi.Wire;

public partial interface IIpsApi
{
    [OperationContract(Action = "resumeJob", ReplyAction = "*")]
    [FaultContract(typeof(AuthenticationFault), Action = "", Name = "authenticationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(AuthorizationFault), Action = "", Name = "authorizationFault", Namespace = IpsNamespaces.Types)]
    [FaultContract(typeof(IpsApiFault), Action = "", Name = "ipsApiFault", Namespace = IpsNamespaces.Types)]
    Task<ResumeJobResponse> ResumeJobAsync(ResumeJobRequest request);
}

[MessageContract(IsWrapped = false)]
public sealed class ResumeJobRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "resumeJobParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public ResumeJobParam? ResumeJobParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class ResumeJobResponse
{
    [MessageBodyMember(Name = "resumeJobReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public ResumeJobReturn ResumeJobReturn { get; set; } = new();
}

/// <summary>Request body of <c>resumeJob</c>.</summary>
[XmlRoot("resumeJobParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class ResumeJobParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }
}

/// <summary>Response body of <c>resumeJob</c> (empty).</summary>
[XmlRoot("resumeJobReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class ResumeJobReturn
{
}
