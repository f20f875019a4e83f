using IpsApi.Jobs.Accounts;
using IpsApi.Server.Auth;
using IpsApi.Server.Operations.Jobs;
using IpsApi.Server.Soap;
using IpsApi.Server.Soap.Mapping;
using IpsApi.Wire;
using static IpsApi.Server.Operations.RequestParameters;
using IpsApi.Jobs.Store;

namespace IpsApi.Server.Operations.Logs;

/// <summary>getAssetJobLogs: what job runs recorded about one asset.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalUser, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class GetAssetJobLogs(CompanyAccess companies, JobLogQueries logQueries)
    : IOperationHandler<GetAssetJobLogsRequest, GetAssetJobLogsResponse>
{
    public async Task<GetAssetJobLogsResponse> HandleAsync(GetAssetJobLogsRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.GetAssetJobLogsParam ?? new GetAssetJobLogsParam();
        Require(("companyHandle", param.CompanyHandle), ("assetHandle", param.AssetHandle));

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
}
