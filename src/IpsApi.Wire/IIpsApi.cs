using System.ServiceModel;

namespace IpsApi.Wire;

/// <summary>
/// The IPS job operations as WCF sees them. Names, actions and message shapes follow wsdl/IpsApi.wsdl;
/// the attributes are plain System.ServiceModel so a later move from SoapCore to CoreWCF stays mechanical.
/// </summary>
[ServiceContract(Name = "IpsApiPortType", Namespace = IpsNamespaces.Wsdl)]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal)]
public interface IIpsApi
{
    [OperationContract(Action = "submitJob", ReplyAction = "*")]
    Task<SubmitJobResponse> SubmitJobAsync(SubmitJobRequest request);

    [OperationContract(Action = "getActiveJobs", ReplyAction = "*")]
    Task<GetActiveJobsResponse> GetActiveJobsAsync(GetActiveJobsRequest request);

    [OperationContract(Action = "getScheduledJobs", ReplyAction = "*")]
    Task<GetScheduledJobsResponse> GetScheduledJobsAsync(GetScheduledJobsRequest request);

    [OperationContract(Action = "getJobLogs", ReplyAction = "*")]
    Task<GetJobLogsResponse> GetJobLogsAsync(GetJobLogsRequest request);

    [OperationContract(Action = "getJobLogDetails", ReplyAction = "*")]
    Task<GetJobLogDetailsResponse> GetJobLogDetailsAsync(GetJobLogDetailsRequest request);

    [OperationContract(Action = "getAssetJobLogs", ReplyAction = "*")]
    Task<GetAssetJobLogsResponse> GetAssetJobLogsAsync(GetAssetJobLogsRequest request);

    [OperationContract(Action = "stopJob", ReplyAction = "*")]
    Task<StopJobResponse> StopJobAsync(StopJobRequest request);

    [OperationContract(Action = "pauseJob", ReplyAction = "*")]
    Task<PauseJobResponse> PauseJobAsync(PauseJobRequest request);

    [OperationContract(Action = "resumeJob", ReplyAction = "*")]
    Task<ResumeJobResponse> ResumeJobAsync(ResumeJobRequest request);

    [OperationContract(Action = "executeJob", ReplyAction = "*")]
    Task<ExecuteJobResponse> ExecuteJobAsync(ExecuteJobRequest request);

    [OperationContract(Action = "deleteJob", ReplyAction = "*")]
    Task<DeleteJobResponse> DeleteJobAsync(DeleteJobRequest request);
}
