using IpsApi.Wire;

namespace IpsApi.Server.Soap;

// getActiveJobs, getScheduledJobs: what is running and what will run.
public sealed partial class IpsApiService
{
    public Task<GetActiveJobsResponse> GetActiveJobsAsync(GetActiveJobsRequest request) => throw NotYet("getActiveJobs");

    public Task<GetScheduledJobsResponse> GetScheduledJobsAsync(GetScheduledJobsRequest request) => throw NotYet("getScheduledJobs");
}
