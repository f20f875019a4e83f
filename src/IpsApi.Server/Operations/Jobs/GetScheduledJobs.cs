using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Store;
using IpsApi.Server.Soap.Mapping;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Jobs;

/// <summary>getScheduledJobs: the jobs with a schedule, their next fire time and trigger state, each echoing its definition.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class GetScheduledJobs(JobReadFilters filters, JobQueries queries) : IOperationHandler<GetScheduledJobsRequest, GetScheduledJobsResponse>
{
    public async Task<GetScheduledJobsResponse> HandleAsync(GetScheduledJobsRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.GetScheduledJobsParam ?? new GetScheduledJobsParam();
        var filter = await filters.ForAsync(call, param.CompanyHandle, param.JobHandle, param.OriginalName, cancellationToken);
        var entries = await queries.ScheduledAsync(filter, cancellationToken);
        return new GetScheduledJobsResponse
        {
            GetScheduledJobsReturn = new GetScheduledJobsReturn { JobArray = new ScheduledJobArray { Items = [.. entries.Select(ToWire)] } },
        };
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
