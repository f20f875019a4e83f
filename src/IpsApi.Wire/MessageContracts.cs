using System.ServiceModel;

namespace IpsApi.Wire;

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

[MessageContract(IsWrapped = false)]
public sealed class GetJobLogsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getJobLogsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetJobLogsParam? GetJobLogsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetJobLogsResponse
{
    [MessageBodyMember(Name = "getJobLogsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetJobLogsReturn GetJobLogsReturn { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class GetJobLogDetailsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getJobLogDetailsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetJobLogDetailsParam? GetJobLogDetailsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetJobLogDetailsResponse
{
    [MessageBodyMember(Name = "getJobLogDetailsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetJobLogDetailsReturn GetJobLogDetailsReturn { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class GetAssetJobLogsRequest
{
    [MessageHeader(Name = "authHeader", Namespace = IpsNamespaces.Types)]
    public AuthHeader? AuthHeader { get; set; }

    [MessageBodyMember(Name = "getAssetJobLogsParam", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetAssetJobLogsParam? GetAssetJobLogsParam { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class GetAssetJobLogsResponse
{
    [MessageBodyMember(Name = "getAssetJobLogsReturn", Namespace = IpsNamespaces.Types, Order = 0)]
    public GetAssetJobLogsReturn GetAssetJobLogsReturn { get; set; } = new();
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
