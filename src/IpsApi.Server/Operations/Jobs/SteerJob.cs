using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Control;
using IpsApi.Jobs.Store;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Jobs;

// stopJob, pauseJob, resumeJob, executeJob, deleteJob: steering one job by its handle; each answers an empty Return.

[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class StopJob(JobSteering steering) : IOperationHandler<StopJobRequest, StopJobResponse>
{
    public async Task<StopJobResponse> HandleAsync(StopJobRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        await steering.ApplyAsync(call, request.StopJobParam?.CompanyHandle, request.StopJobParam?.JobHandle, (c, j, t) => c.StopAsync(j, t), cancellationToken);
        return new StopJobResponse { StopJobReturn = new StopJobReturn() };
    }
}

[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class PauseJob(JobSteering steering) : IOperationHandler<PauseJobRequest, PauseJobResponse>
{
    public async Task<PauseJobResponse> HandleAsync(PauseJobRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        await steering.ApplyAsync(call, request.PauseJobParam?.CompanyHandle, request.PauseJobParam?.JobHandle, (c, j, t) => c.PauseAsync(j, t), cancellationToken);
        return new PauseJobResponse { PauseJobReturn = new PauseJobReturn() };
    }
}

[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class ResumeJob(JobSteering steering) : IOperationHandler<ResumeJobRequest, ResumeJobResponse>
{
    public async Task<ResumeJobResponse> HandleAsync(ResumeJobRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        await steering.ApplyAsync(call, request.ResumeJobParam?.CompanyHandle, request.ResumeJobParam?.JobHandle, (c, j, t) => c.ResumeAsync(j, t), cancellationToken);
        return new ResumeJobResponse { ResumeJobReturn = new ResumeJobReturn() };
    }
}

/// <summary>Running a job now is submitting it again: the submitters' roles, without IpsCompanyAdmin.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class ExecuteJob(JobSteering steering) : IOperationHandler<ExecuteJobRequest, ExecuteJobResponse>
{
    public async Task<ExecuteJobResponse> HandleAsync(ExecuteJobRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        await steering.ApplyAsync(call, request.ExecuteJobParam?.CompanyHandle, request.ExecuteJobParam?.JobHandle, (c, j, t) => c.ExecuteAsync(j, t), cancellationToken);
        return new ExecuteJobResponse { ExecuteJobReturn = new ExecuteJobReturn() };
    }
}

[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class DeleteJob(JobSteering steering) : IOperationHandler<DeleteJobRequest, DeleteJobResponse>
{
    public async Task<DeleteJobResponse> HandleAsync(DeleteJobRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        await steering.ApplyAsync(call, request.DeleteJobParam?.CompanyHandle, request.DeleteJobParam?.JobHandle, (c, j, t) => c.DeleteAsync(j, t), cancellationToken);
        return new DeleteJobResponse { DeleteJobReturn = new DeleteJobReturn() };
    }
}

/// <summary>The job a steering call names, resolved and acted on; a job in the wrong state for it is 30001.</summary>
public sealed class JobSteering(JobHandleResolver handles, JobControl control)
{
    public async Task ApplyAsync(
        IpsCall call, string? companyHandle, string? jobHandle, Func<JobControl, JobRef, CancellationToken, Task> act, CancellationToken cancellationToken)
    {
        var (_, job) = await handles.ResolveAsync(call, companyHandle, jobHandle, cancellationToken);
        call.JobHandle = jobHandle;
        try
        {
            await act(control, job, cancellationToken);
        }
        catch (JobControlException e)
        {
            throw IpsFaultException.InvalidParameter(e.Message);
        }
    }
}
