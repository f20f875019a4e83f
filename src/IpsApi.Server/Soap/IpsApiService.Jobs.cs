using IpsApi.Jobs.Store;
using IpsApi.Server.Soap.Mapping;
using IpsApi.Wire;

namespace IpsApi.Server.Soap;

// getActiveJobs, getScheduledJobs: what is running and what will run, with each job's definition echoed as submitted.
public sealed partial class IpsApiService
{
    public async Task<GetActiveJobsResponse> GetActiveJobsAsync(GetActiveJobsRequest request)
    {
        var param = request.GetActiveJobsParam ?? new GetActiveJobsParam();
        var filter = await FilterAsync(param.CompanyHandle, param.JobHandle, param.OriginalName);
        var runs = await queries.ActiveAsync(filter, param.IncludeWaitingJobs == true, Context.RequestAborted);
        return new GetActiveJobsResponse
        {
            GetActiveJobsReturn = new GetActiveJobsReturn { JobArray = new ActiveJobArray { Items = [.. runs.Select(ToWire)] } },
        };
    }

    public async Task<GetScheduledJobsResponse> GetScheduledJobsAsync(GetScheduledJobsRequest request)
    {
        var param = request.GetScheduledJobsParam ?? new GetScheduledJobsParam();
        var filter = await FilterAsync(param.CompanyHandle, param.JobHandle, param.OriginalName);
        var entries = await queries.ScheduledAsync(filter, Context.RequestAborted);
        return new GetScheduledJobsResponse
        {
            GetScheduledJobsReturn = new GetScheduledJobsReturn { JobArray = new ScheduledJobArray { Items = [.. entries.Select(ToWire)] } },
        };
    }

    /// <summary>
    /// The jobs a read covers: one company (checked), or with only a jobHandle that handle's company, or else
    /// every company the caller may see; narrowed to one job or one original name when asked.
    /// </summary>
    private async Task<JobFilter> FilterAsync(string? companyHandle, string? jobHandle, string? originalName)
    {
        var call = IpsCall.Of(Context);
        var cancellationToken = Context.RequestAborted;
        if (!string.IsNullOrWhiteSpace(jobHandle))
        {
            var company = string.IsNullOrWhiteSpace(companyHandle) ? JobHandleResolver.Parse(jobHandle).CompanyHandle : companyHandle;
            var (owner, job) = await handles.ResolveAsync(call, company, jobHandle, cancellationToken);
            return new JobFilter([owner.Id], job.JobId, job.RunId, NullIfEmpty(originalName));
        }

        if (!string.IsNullOrWhiteSpace(companyHandle))
        {
            var company = await companies.RequireAsync(call, companyHandle, cancellationToken);
            return new JobFilter([company.Id], OriginalName: NullIfEmpty(originalName));
        }

        return new JobFilter(await companies.VisibleCompanyIdsAsync(call, cancellationToken), OriginalName: NullIfEmpty(originalName));
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

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

    private static ScheduledJob ToWire(ScheduledEntry entry)
    {
        var job = entry.Job;
        var scheduled = new ScheduledJob
        {
            CompanyHandle = job.CompanyHandle,
            JobHandle = $"{job.CompanyHandle}|{job.Name}|",
            Name = job.Name,
            OriginalName = job.OriginalName,
            Type = job.Definition.Spec.Type.ToString(),
            SubmitUserEmail = job.SubmitUserEmail,
            Locale = job.Definition.Locale,
            Description = job.Definition.Description,
            ExecSchedule = entry.ExecSchedule,
            NextFireTime = entry.NextFireTime?.UtcDateTime,
            TimeZone = entry.TimeZone,
            TriggerState = entry.TriggerState,
        };
        JobDefinitionEcho.EchoInto(job.Definition.Spec, scheduled);
        return scheduled;
    }
}
