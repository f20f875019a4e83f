using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Handles;
using IpsApi.Jobs.Store;
using IpsApi.Server.Auth;
using IpsApi.Server.Soap;

namespace IpsApi.Server.Operations.Jobs;

/// <summary>
/// Turns companyHandle + jobHandle of a request into the job they name, with the faults IPS clients expect:
/// a handle that does not parse or names no job is 30001, one of another company 20000.
/// </summary>
public sealed class JobHandleResolver(CompanyAccess companies, JobLookup lookup, AccountStore accounts)
{
    public async Task<(Company Company, JobRef Job)> ResolveAsync(
        IpsCall call, string? companyHandle, string? jobHandle, CancellationToken cancellationToken)
    {
        RequestParameters.Require(("companyHandle", companyHandle), ("jobHandle", jobHandle));
        var company = await companies.RequireAsync(call, companyHandle!, cancellationToken);
        if (!JobHandle.TryParse(jobHandle, company.Handle, out var handle))
        {
            // Some other company's job, or no job handle at all.
            throw JobHandle.CompanyCandidates(jobHandle!).Any(c => JobHandle.TryParse(jobHandle, c, out _))
                ? new IpsFaultException(FaultKind.Authorization, 20000,
                    $"Invalid company: jobHandle '{jobHandle}' belongs to another company than {company.Handle}")
                : NotAJobHandle(jobHandle!);
        }

        var job = await lookup.FindAsync(company.Id, handle, cancellationToken)
            ?? throw IpsFaultException.InvalidParameter($"Invalid parameter jobHandle: no job '{jobHandle}' in company {company.Handle}");
        return (company, job);
    }

    /// <summary>
    /// The company a job handle names when the request gives none: the longest company handle the job handle
    /// begins with that is a company (company handles may hold '|', as job names may).
    /// </summary>
    public async Task<string> CompanyOfAsync(string jobHandle, CancellationToken cancellationToken)
    {
        var candidates = JobHandle.CompanyCandidates(jobHandle).Where(c => JobHandle.TryParse(jobHandle, c, out _)).ToList();
        if (candidates.Count == 0)
        {
            throw NotAJobHandle(jobHandle);
        }

        var existing = (await accounts.FindCompaniesByHandleAsync(candidates, cancellationToken)).Select(c => c.Handle).ToHashSet();
        return candidates.FirstOrDefault(existing.Contains) ?? candidates[^1];
    }

    private static IpsFaultException NotAJobHandle(string jobHandle) =>
        IpsFaultException.InvalidParameter($"Invalid parameter jobHandle: '{jobHandle}' is not a job handle");
}
