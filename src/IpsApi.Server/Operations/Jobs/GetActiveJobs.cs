using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Store;
using IpsApi.Server.Soap.Mapping;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Jobs;

/// <summary>getActiveJobs: the runs in progress (and jobs waiting to run when asked), each echoing its job definition.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class GetActiveJobs(JobReadFilters filters, JobQueries queries) : IOperationHandler<GetActiveJobsRequest, GetActiveJobsResponse>
{
    public async Task<GetActiveJobsResponse> HandleAsync(GetActiveJobsRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.GetActiveJobsParam ?? new GetActiveJobsParam();
        var filter = await filters.ForAsync(call, param.CompanyHandle, param.JobHandle, param.OriginalName, cancellationToken);
        var runs = await queries.ActiveAsync(filter, param.IncludeWaitingJobs == true, cancellationToken);
        return new GetActiveJobsResponse
        {
            GetActiveJobsReturn = new GetActiveJobsReturn { JobArray = new ActiveJobArray { Items = [.. runs.Select(ToWire)] } },
        };
    }

    private static ActiveJob ToWire(ActiveRun run)
    {
        var job = run.Job;
        var active = new ActiveJob
        {
            CompanyHandle = job.CompanyHandle,
            JobHandle = run.RunId is { } runId ? $"{job.CompanyHandle}|{job.Name}|{run.InstanceName}|{runId}" : $"{job.CompanyHandle}|{job.Name}|",
            Name = job.Name,
            OriginalName = job.OriginalName,
            Type = job.Definition.Spec.Type.ToString(),
            State = run.State,
            SubmitUserEmail = job.SubmitUserEmail,
            Locale = job.Definition.Locale,
            Description = job.Definition.Description,
            ServerName = run.ServerName,
            StartDate = run.StartDate.UtcDateTime,
            TriggerTime = run.TriggerTime.UtcDateTime,
            TotalSize = run.TotalFiles,
            Progress = run.Progress,
            ProgressMessage = run.ProgressMessage,
            LastProgressUpdate = run.LastProgressUpdate.UtcDateTime,
            TaskProgressArray = new TaskProgressArray
            {
                Items =
                [
                    .. run.Tasks.Select(t => new TaskProgress
                    {
                        TaskType = t.TaskType,
                        TaskState = t.TaskState,
                        NumProcessed = t.NumProcessed,
                        NumProcessing = t.NumProcessing,
                        NumPending = t.NumPending,
                        Progress = t.Progress,
                        ProgressMessage = t.Message,
                        LastProgressUpdate = t.LastUpdate.UtcDateTime,
                        TaskItemProgressArray = new TaskItemProgressArray(),
                    }),
                ],
            },
        };
        JobDefinitionEcho.EchoInto(job.Definition.Spec, active);
        return active;
    }
}
