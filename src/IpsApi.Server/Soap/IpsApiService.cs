using IpsApi.Jobs.Control;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Submit;
using IpsApi.Jobs.JobTypes.Mapping;
using IpsApi.Jobs.Store;
using IpsApi.Server.Auth;
using IpsApi.Server.Soap.Mapping;
using IpsApi.Wire;

namespace IpsApi.Server.Soap;

/// <summary>
/// The IPS job operations behind SoapCore (this file: submitJob; the others beside it by theme). The gateway has already authenticated the caller and checked
/// its role; here each operation checks the company, maps wire types to the domain and calls the store.
/// </summary>
public sealed partial class IpsApiService(
    IHttpContextAccessor http,
    CompanyAccess companies,
    JobHandleResolver handles,
    GroupCommitSubmitter submitter,
    JobQueries queries,
    JobLogQueries logQueries,
    JobControl control,
    JobReferenceCheck references,
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

        // What the job names in the company is looked up even when the request has other problems, so that
        // every problem is in the one fault.
        var mapped = SubmitJobMapper.Map(param, serverZone.Zone, out var named);
        var problems = company is null ? mapped.Problems : [.. mapped.Problems, .. await references.ProblemsAsync(company, named, cancellationToken)];
        if (problems.Count > 0)
        {
            throw ValidationFault(problems);
        }

        var definition = mapped.Value!;
        var notify = string.IsNullOrEmpty(definition.NotifyUserHandle)
            ? call.User
            : await companies.RequireMemberAsync(company!, definition.NotifyUserHandle, cancellationToken);

        var submitted = await submitter.SubmitAsync(
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

    /// <summary>All problems in one reason; the code is the first problem's (missing before invalid).</summary>
    private static IpsFaultException ValidationFault(IReadOnlyList<ValidationProblem> problems)
    {
        var ordered = problems.OrderByDescending(p => p.Code == 30002).ToList();
        return new IpsFaultException(FaultKind.IpsApi, ordered[0].Code, string.Join("; ", ordered.Select(p => p.Message)));
    }

    private static IpsFaultException NotYet(string operation) =>
        IpsFaultException.ServerError($"{operation} is not implemented yet on this server");
}
