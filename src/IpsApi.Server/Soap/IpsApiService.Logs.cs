using IpsApi.Wire;

namespace IpsApi.Server.Soap;

// getJobLogs, getJobLogDetails, getAssetJobLogs: what runs wrote.
public sealed partial class IpsApiService
{
    public Task<GetJobLogsResponse> GetJobLogsAsync(GetJobLogsRequest request) => throw NotYet("getJobLogs");

    public Task<GetJobLogDetailsResponse> GetJobLogDetailsAsync(GetJobLogDetailsRequest request) => throw NotYet("getJobLogDetails");

    public Task<GetAssetJobLogsResponse> GetAssetJobLogsAsync(GetAssetJobLogsRequest request) => throw NotYet("getAssetJobLogs");
}
