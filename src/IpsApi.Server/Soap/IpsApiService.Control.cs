using IpsApi.Jobs.Control;
using IpsApi.Jobs.Store;
using IpsApi.Wire;

namespace IpsApi.Server.Soap;

// stopJob, pauseJob, resumeJob, executeJob, deleteJob: steering a job by its handle.
public sealed partial class IpsApiService
{
    public async Task<StopJobResponse> StopJobAsync(StopJobRequest request)
    {
        await ControlAsync(request.StopJobParam?.CompanyHandle, request.StopJobParam?.JobHandle, control.StopAsync);
        return new StopJobResponse { StopJobReturn = new StopJobReturn() };
    }

    public async Task<PauseJobResponse> PauseJobAsync(PauseJobRequest request)
    {
        await ControlAsync(request.PauseJobParam?.CompanyHandle, request.PauseJobParam?.JobHandle, control.PauseAsync);
        return new PauseJobResponse { PauseJobReturn = new PauseJobReturn() };
    }

    public async Task<ResumeJobResponse> ResumeJobAsync(ResumeJobRequest request)
    {
        await ControlAsync(request.ResumeJobParam?.CompanyHandle, request.ResumeJobParam?.JobHandle, control.ResumeAsync);
        return new ResumeJobResponse { ResumeJobReturn = new ResumeJobReturn() };
    }

    public async Task<ExecuteJobResponse> ExecuteJobAsync(ExecuteJobRequest request)
    {
        await ControlAsync(request.ExecuteJobParam?.CompanyHandle, request.ExecuteJobParam?.JobHandle, control.ExecuteAsync);
        return new ExecuteJobResponse { ExecuteJobReturn = new ExecuteJobReturn() };
    }

    public async Task<DeleteJobResponse> DeleteJobAsync(DeleteJobRequest request)
    {
        await ControlAsync(request.DeleteJobParam?.CompanyHandle, request.DeleteJobParam?.JobHandle, control.DeleteAsync);
        return new DeleteJobResponse { DeleteJobReturn = new DeleteJobReturn() };
    }

    private async Task ControlAsync(string? companyHandle, string? jobHandle, Func<JobRef, CancellationToken, Task> operation)
    {
        var (_, job) = await handles.ResolveAsync(IpsCall.Of(Context), companyHandle, jobHandle, Context.RequestAborted);
        try
        {
            await operation(job, Context.RequestAborted);
        }
        catch (JobControlException e)
        {
            throw IpsFaultException.InvalidParameter(e.Message);
        }
    }
}
