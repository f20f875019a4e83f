using IpsApi.Jobs.Scheduling;
using IpsApi.Jobs.Store;
using IpsApi.Server.Auth;
using IpsApi.Server.Soap.Mapping;
using IpsApi.Wire;

namespace IpsApi.Server.Soap;

/// <summary>
/// The IPS job operations behind SoapCore. The gateway has already authenticated the caller and checked
/// its role; here each operation checks the company, maps wire types to the domain and calls the store.
/// </summary>
public sealed class IpsApiService(
    IHttpContextAccessor http,
    CompanyAccess companies,
    JobStore jobs,
    ServerTimeZone serverZone) : IIpsApi
{
    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("No HTTP request in progress.");

    public async Task<SubmitJobResponse> SubmitJobAsync(SubmitJobRequest request)
    {
        var call = IpsCall.Of(Context);
        var cancellationToken = Context.RequestAborted;
        var param = request.SubmitJobParam
            ?? throw IpsFaultException.MissingParameter("Missing required parameter: submitJobParam");

        var company = string.IsNullOrWhiteSpace(param.CompanyHandle)
            ? null
            : await companies.RequireAsync(call, param.CompanyHandle, cancellationToken);

        var mapped = SubmitJobMapper.Map(param, serverZone.Zone);
        if (mapped.Problems.Count > 0)
        {
            throw ValidationFault(mapped.Problems);
        }

        var definition = mapped.Value!;
        var notify = string.IsNullOrEmpty(definition.NotifyUserHandle)
            ? call.User
            : await companies.RequireMemberAsync(company!, definition.NotifyUserHandle, cancellationToken);

        var submitted = await jobs.SubmitAsync(
            new JobSubmission(
                definition,
                company!.Id,
                SubmitUserId: call.User.Id,
                NotifyUserId: notify.Id,
                Locale: definition.Locale ?? call.Locale,
                ClientApp: call.Request.Auth.AppName,
                ClientVersion: call.Request.Auth.AppVersion),
            cancellationToken);

        return new SubmitJobResponse { SubmitJobReturn = new SubmitJobReturn { JobHandle = submitted.Handle.ToString() } };
    }

    public Task<GetActiveJobsResponse> GetActiveJobsAsync(GetActiveJobsRequest request) => throw NotYet("getActiveJobs");

    public Task<GetScheduledJobsResponse> GetScheduledJobsAsync(GetScheduledJobsRequest request) => throw NotYet("getScheduledJobs");

    public Task<GetJobLogsResponse> GetJobLogsAsync(GetJobLogsRequest request) => throw NotYet("getJobLogs");

    public Task<GetJobLogDetailsResponse> GetJobLogDetailsAsync(GetJobLogDetailsRequest request) => throw NotYet("getJobLogDetails");

    public Task<GetAssetJobLogsResponse> GetAssetJobLogsAsync(GetAssetJobLogsRequest request) => throw NotYet("getAssetJobLogs");

    public Task<StopJobResponse> StopJobAsync(StopJobRequest request) => throw NotYet("stopJob");

    public Task<PauseJobResponse> PauseJobAsync(PauseJobRequest request) => throw NotYet("pauseJob");

    public Task<ResumeJobResponse> ResumeJobAsync(ResumeJobRequest request) => throw NotYet("resumeJob");

    public Task<ExecuteJobResponse> ExecuteJobAsync(ExecuteJobRequest request) => throw NotYet("executeJob");

    public Task<DeleteJobResponse> DeleteJobAsync(DeleteJobRequest request) => throw NotYet("deleteJob");

    /// <summary>All problems in one reason; the code is the first problem's (missing before invalid).</summary>
    private static IpsFaultException ValidationFault(IReadOnlyList<ValidationProblem> problems)
    {
        var ordered = problems.OrderByDescending(p => p.Code == 30002).ToList();
        return new IpsFaultException(FaultKind.IpsApi, ordered[0].Code, string.Join("; ", ordered.Select(p => p.Message)));
    }

    private static IpsFaultException NotYet(string operation) =>
        IpsFaultException.ServerError($"{operation} is not implemented yet on this server");
}
