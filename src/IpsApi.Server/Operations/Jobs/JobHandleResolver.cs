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
public sealed class JobHandleResolver(CompanyAccess companies, JobLookup lookup)
{
    public async Task<(Company Company, JobRef Job)> ResolveAsync(
        IpsCall call, string? companyHandle, string? jobHandle, CancellationToken cancellationToken)
    {
        RequestParameters.Require(("companyHandle", companyHandle), ("jobHandle", jobHandle));
        var company = await companies.RequireAsync(call, companyHandle!, cancellationToken);
        var handle = Parse(jobHandle!);
        if (handle.CompanyHandle != company.Handle)
        {
            throw new IpsFaultException(FaultKind.Authorization, 20000,
                $"Invalid company: jobHandle '{jobHandle}' belongs to another company than {company.Handle}");
        }

        var job = await lookup.FindAsync(company.Id, handle, cancellationToken)
            ?? throw IpsFaultException.InvalidParameter($"Invalid parameter jobHandle: no job '{jobHandle}' in company {company.Handle}");
        return (company, job);
    }

    public static JobHandle Parse(string jobHandle) =>
        JobHandle.TryParse(jobHandle, out var handle)
            ? handle
            : throw IpsFaultException.InvalidParameter($"Invalid parameter jobHandle: '{jobHandle}' is not a job handle");
}
