using IpsApi.Jobs.Store;
using IpsApi.Server.Soap.Mapping;
using IpsApi.Wire;

namespace IpsApi.Server.Soap;

// getJobLogs, getJobLogDetails, getAssetJobLogs: what runs wrote.
public sealed partial class IpsApiService
{
    private const int DefaultJobLogRows = 100;

    public async Task<GetJobLogsResponse> GetJobLogsAsync(GetJobLogsRequest request)
    {
        var call = IpsCall.Of(Context);
        var cancellationToken = Context.RequestAborted;
        var param = request.GetJobLogsParam ?? new GetJobLogsParam();

        var problems = new List<string>();
        var sort = ParseOption(param.SortBy, "sortBy", JobLogSort.StartDate, problems);
        var descending = ParseDirection(param.SortDirection, defaultDescending: true, problems);
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

        ThrowInvalid(problems);

        var companyIds = string.IsNullOrWhiteSpace(param.CompanyHandle)
            ? await companies.VisibleCompanyIdsAsync(call, cancellationToken)
            : [(await companies.RequireAsync(call, param.CompanyHandle, cancellationToken)).Id];

        long? submitter = null;
        if (!string.IsNullOrWhiteSpace(param.UserHandle))
        {
            submitter = await logQueries.FindUserIdAsync(param.UserHandle, cancellationToken)
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

    public async Task<GetJobLogDetailsResponse> GetJobLogDetailsAsync(GetJobLogDetailsRequest request)
    {
        var call = IpsCall.Of(Context);
        var cancellationToken = Context.RequestAborted;
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
        var sort = ParseOption(param.SortBy, "sortBy", JobLogDetailSort.Date, problems);
        var descending = ParseDirection(param.SortDirection, defaultDescending: false, problems);
        if (param.RecordsPerPage is < 1)
        {
            problems.Add($"Invalid parameter recordsPerPage: {param.RecordsPerPage} (1 to {JobLogQueries.MaxRows})");
        }

        if (param.ResultsPage is < 1)
        {
            problems.Add($"Invalid parameter resultsPage: {param.ResultsPage} (pages count from 1)");
        }

        ThrowInvalid(problems);

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

    public async Task<GetAssetJobLogsResponse> GetAssetJobLogsAsync(GetAssetJobLogsRequest request)
    {
        var call = IpsCall.Of(Context);
        var cancellationToken = Context.RequestAborted;
        var param = request.GetAssetJobLogsParam ?? new GetAssetJobLogsParam();
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(param.CompanyHandle))
        {
            missing.Add("companyHandle");
        }

        if (string.IsNullOrWhiteSpace(param.AssetHandle))
        {
            missing.Add("assetHandle");
        }

        if (missing.Count > 0)
        {
            throw IpsFaultException.MissingParameter(string.Join("; ", missing.Select(m => $"Missing required parameter: {m}")));
        }

        var company = await companies.RequireAsync(call, param.CompanyHandle!, cancellationToken);
        var rows = await logQueries.AssetLogsAsync(company.Id, param.AssetHandle!, cancellationToken);
        return new GetAssetJobLogsResponse
        {
            GetAssetJobLogsReturn = new GetAssetJobLogsReturn
            {
                JobLogArray = new AssetJobLogArray { Items = rows.Select(r => JobLogWire.Of(r, call.Locale)).ToList() },
            },
        };
    }

    /// <summary>An enumerated option by its exact name (as CONTRACT.md spells it); absent: the default.</summary>
    private static T ParseOption<T>(string? value, string name, T fallback, List<string> problems)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        // By name only: Enum.TryParse would also take "3".
        if (Array.IndexOf(Enum.GetNames<T>(), value.Trim()) is var index and >= 0)
        {
            return Enum.GetValues<T>()[index];
        }

        problems.Add($"Invalid parameter {name}: '{value}' (one of {string.Join(", ", Enum.GetNames<T>())})");
        return fallback;
    }

    private static bool ParseDirection(string? value, bool defaultDescending, List<string> problems)
    {
        switch (value?.Trim())
        {
            case null or "":
                return defaultDescending;
            case "Ascending":
                return false;
            case "Descending":
                return true;
            default:
                problems.Add($"Invalid parameter sortDirection: '{value}' (Ascending or Descending)");
                return defaultDescending;
        }
    }

    private static void ThrowInvalid(List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw IpsFaultException.InvalidParameter(string.Join("; ", problems));
        }
    }
}
