using IpsApi.Wire;

namespace IpsApi.Server.Soap;

// stopJob, pauseJob, resumeJob, executeJob, deleteJob: steering a job.
public sealed partial class IpsApiService
{
    public Task<StopJobResponse> StopJobAsync(StopJobRequest request) => throw NotYet("stopJob");

    public Task<PauseJobResponse> PauseJobAsync(PauseJobRequest request) => throw NotYet("pauseJob");

    public Task<ResumeJobResponse> ResumeJobAsync(ResumeJobRequest request) => throw NotYet("resumeJob");

    public Task<ExecuteJobResponse> ExecuteJobAsync(ExecuteJobRequest request) => throw NotYet("executeJob");

    public Task<DeleteJobResponse> DeleteJobAsync(DeleteJobRequest request) => throw NotYet("deleteJob");
}
