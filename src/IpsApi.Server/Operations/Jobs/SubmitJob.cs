using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Submit;
using IpsApi.Jobs.JobTypes.Mapping;
using IpsApi.Jobs.Store;
using IpsApi.Server.Auth;
using IpsApi.Server.Soap.Mapping;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Jobs;

/// <summary>
/// submitJob: the request is mapped to a job definition (every problem in one fault), what it names in the
/// company is looked up, and the job is stored with its queue row or trigger before the handle is answered.
/// </summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class SubmitJob(CompanyAccess companies, JobReferenceCheck references, GroupCommitSubmitter submitter, ServerTimeZone serverZone)
    : IOperationHandler<SubmitJobRequest, SubmitJobResponse>
{
    public async Task<SubmitJobResponse> HandleAsync(SubmitJobRequest request, IpsCall call, CancellationToken cancellationToken)
    {
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

        call.JobHandle = submitted.Handle.ToString();
        return new SubmitJobResponse { SubmitJobReturn = new SubmitJobReturn { JobHandle = call.JobHandle } };
    }

    /// <summary>All problems in one reason; the code is the first problem's (missing before invalid).</summary>
    internal static IpsFaultException ValidationFault(IReadOnlyList<ValidationProblem> problems)
    {
        var ordered = problems.OrderByDescending(p => p.Code == 30002).ToList();
        return new IpsFaultException(FaultKind.IpsApi, ordered[0].Code, string.Join("; ", ordered.Select(p => p.Message)));
    }
}
