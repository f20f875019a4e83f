using IpsApi.Jobs.Accounts;
using IpsApi.Server.Auth;
using IpsApi.Server.Operations.Jobs;
using IpsApi.Server.Soap;
using IpsApi.Server.Soap.Mapping;
using IpsApi.Wire;
using static IpsApi.Server.Operations.RequestParameters;
using IpsApi.Jobs.Store;
using IpsApi.Jobs.Definitions;

namespace IpsApi.Server.Operations.Logs;

/// <summary>getJobLogs: one log per job run with its counts, newest first unless asked otherwise.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalUser, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class GetJobLogs(CompanyAccess companies, JobLogQueries logQueries, ServerTimeZone serverZone)
    : IOperationHandler<GetJobLogsRequest, GetJobLogsResponse>
{
    private const int DefaultJobLogRows = 100;

    public async Task<GetJobLogsResponse> HandleAsync(GetJobLogsRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.GetJobLogsParam ?? new GetJobLogsParam();

        var problems = new List<string>();
        var sort = Option(param.SortBy, "sortBy", JobLogSort.StartDate, problems);
        var descending = Descending(param.SortDirection, byDefault: true, problems);
        // A date without zone is in the server's, as execTime is; PostgreSQL takes instants in UTC only.
        var from = param.StartDate is { } start ? ExecTimeConverter.ToInstant(start, serverZone.Zone).ToUniversalTime() : (DateTimeOffset?)null;
        var to = param.EndDate is { } end ? ExecTimeConverter.ToInstant(end, serverZone.Zone).ToUniversalTime() : (DateTimeOffset?)null;
        if (param.NumRows is < 1)
        {
            problems.Add($"Invalid parameter numRows: {param.NumRows} (1 to {JobLogQueries.MaxRows})");
        }

        if (from > to)
        {
            problems.Add("Invalid parameter endDate: it is before startDate");
        }

        ThrowIfAny(problems);

        var companyIds = string.IsNullOrWhiteSpace(param.CompanyHandle)
            ? await companies.VisibleCompanyIdsAsync(call, cancellationToken)
            : [(await companies.RequireAsync(call, param.CompanyHandle, cancellationToken)).Id];

        long? submitter = null;
        if (!string.IsNullOrWhiteSpace(param.UserHandle))
        {
            submitter = await logQueries.FindUserIdAsync(param.UserHandle, companyIds, cancellationToken)
                ?? throw IpsFaultException.InvalidParameter($"Invalid parameter userHandle: no user '{param.UserHandle}'");
        }

        var runs = await logQueries.ListRunsAsync(
            new JobLogFilter(companyIds, submitter, from, to, sort, descending,
                Math.Min(param.NumRows ?? DefaultJobLogRows, JobLogQueries.MaxRows)),
            cancellationToken);
        return new GetJobLogsResponse
        {
            GetJobLogsReturn = new GetJobLogsReturn { JobLogArray = new JobLogArray { Items = runs.Select(JobLogWire.Of).ToList() } },
        };
    }
}
