using IpsApi.Server.Auth;
using IpsApi.Server.Soap;
using static IpsApi.Server.Operations.RequestParameters;
using IpsApi.Jobs.Store;

namespace IpsApi.Server.Operations.Jobs;

/// <summary>
/// The jobs a read covers (getActiveJobs, getScheduledJobs): one company (checked), or with only a jobHandle that
/// handle's company, or else every company the caller may see; narrowed to one job or one original name when asked.
/// </summary>
public sealed class JobReadFilters(CompanyAccess companies, JobHandleResolver handles)
{
    public async Task<JobFilter> ForAsync(
        IpsCall call, string? companyHandle, string? jobHandle, string? originalName, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(jobHandle))
        {
            var company = string.IsNullOrWhiteSpace(companyHandle) ? await handles.CompanyOfAsync(jobHandle, cancellationToken) : companyHandle;
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
}
