using IpsApi.Jobs.Accounts;
using IpsApi.Server.Auth;
using IpsApi.Server.Operations.Jobs;
using IpsApi.Server.Soap;
using IpsApi.Server.Soap.Mapping;
using IpsApi.Wire;
using static IpsApi.Server.Operations.RequestParameters;
using IpsApi.Jobs.Store;

namespace IpsApi.Server.Operations.Logs;

/// <summary>getJobLogDetails: the records of a job's runs (or of one run), filtered by log type and paged.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalUser, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class GetJobLogDetails(CompanyAccess companies, JobHandleResolver handles, JobLogQueries logQueries)
    : IOperationHandler<GetJobLogDetailsRequest, GetJobLogDetailsResponse>
{
    public async Task<GetJobLogDetailsResponse> HandleAsync(GetJobLogDetailsRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.GetJobLogDetailsParam ?? new GetJobLogDetailsParam();
        if (string.IsNullOrWhiteSpace(param.CompanyHandle))
        {
            throw IpsFaultException.MissingParameter("Missing required parameter: companyHandle");
        }

        if (string.IsNullOrWhiteSpace(param.JobHandle) && string.IsNullOrWhiteSpace(param.OriginalName))
        {
            throw IpsFaultException.MissingParameter("Missing required parameter: jobHandle or originalName");
        }

        var problems = new List<string>();
        var sort = Option(param.SortBy, "sortBy", JobLogDetailSort.Date, problems);
        var descending = Descending(param.SortDirection, byDefault: false, problems);
        if (param.RecordsPerPage is < 1)
        {
            problems.Add($"Invalid parameter recordsPerPage: {param.RecordsPerPage} (1 to {JobLogQueries.MaxRows})");
        }

        if (param.ResultsPage is < 1)
        {
            problems.Add($"Invalid parameter resultsPage: {param.ResultsPage} (pages count from 1)");
        }

        ThrowIfAny(problems);

        // A jobHandle wins over originalName: it names the job (every run) or one run exactly.
        IReadOnlyList<JobLogRun> runs;
        if (!string.IsNullOrWhiteSpace(param.JobHandle))
        {
            var (company, job) = await handles.ResolveAsync(call, param.CompanyHandle, param.JobHandle, cancellationToken);
            runs = job.RunId is { } runId
                ? await logQueries.RunAsync(company.Id, runId, cancellationToken)
                : await logQueries.RunsOfJobAsync(company.Id, job.JobId, cancellationToken);
        }
        else
        {
            var company = await companies.RequireAsync(call, param.CompanyHandle, cancellationToken);
            runs = await logQueries.RunsByOriginalNameAsync(company.Id, param.OriginalName!, cancellationToken);
        }

        var logTypes = param.LogTypeArray?.Items.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        var pages = await logQueries.WithDetailsAsync(
            runs,
            new JobLogDetailFilter(logTypes, Math.Min(param.RecordsPerPage ?? JobLogQueries.MaxRows, JobLogQueries.MaxRows),
                param.ResultsPage ?? 1, sort, descending),
            cancellationToken);
        return new GetJobLogDetailsResponse
        {
            GetJobLogDetailsReturn = new GetJobLogDetailsReturn
            {
                JobLogArray = new JobLogArray { Items = pages.Select(p => JobLogWire.Of(p, call.Locale)).ToList() },
            },
        };
    }
}
