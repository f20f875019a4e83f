using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Definitions;
using IpsApi.Server.Auth;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Companies;

/// <summary>
/// getCompanySettings: what this server keeps of a company's settings: the time zone its execTime and execSchedule
/// are read in. Settings it does not have are left out rather than made up.
/// </summary>
[AllowedRoles(UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.ImagePortalAdmin)]
public sealed class GetCompanySettings(CompanyAccess companies, ServerTimeZone serverZone)
    : IOperationHandler<GetCompanySettingsRequest, GetCompanySettingsResponse>
{
    public async Task<GetCompanySettingsResponse> HandleAsync(GetCompanySettingsRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var handle = request.GetCompanySettingsParam?.CompanyHandle;
        RequestParameters.Require(("companyHandle", handle));
        await companies.RequireAsync(call, handle!, cancellationToken);
        return new GetCompanySettingsResponse
        {
            GetCompanySettingsReturn = new GetCompanySettingsReturn { Settings = new CompanySettings { TimeZone = serverZone.Zone.Id } },
        };
    }
}
