using IpsApi.Jobs.Accounts;
using IpsApi.Server.Auth;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Companies;

/// <summary>
/// getCompanyInfo: a company by its handle, its name (case-insensitive) or its IMS organisation id: how most
/// integrations turn a company name into the handle they then send. A company the caller does not belong to reads
/// like one that does not exist (the same fault as for a handle).
/// </summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalUser, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class GetCompanyInfo(CompanyAccess companies, AccountStore accounts) : IOperationHandler<GetCompanyInfoRequest, GetCompanyInfoResponse>
{
    public async Task<GetCompanyInfoResponse> HandleAsync(GetCompanyInfoRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.GetCompanyInfoParam ?? new GetCompanyInfoParam();
        IpsApi.Jobs.Accounts.Company company;
        if (!string.IsNullOrWhiteSpace(param.CompanyHandle))
        {
            company = await companies.RequireAsync(call, param.CompanyHandle, cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(param.CompanyName) || !string.IsNullOrWhiteSpace(param.ImsOrgId))
        {
            var named = RequestParameters.NullIfEmpty(param.CompanyName?.Trim());
            var org = RequestParameters.NullIfEmpty(param.ImsOrgId?.Trim());
            var found = await accounts.FindCompaniesAsync(named, org, cancellationToken);
            var visible = await companies.VisibleCompanyIdsAsync(call, cancellationToken);
            var mine = found.Where(c => visible is null || visible.Contains(c.Id)).ToList();
            company = mine.Count switch
            {
                1 => mine[0],
                0 => throw CompanyAccess.NoSuchCompany(call, named ?? org!),
                _ => throw IpsFaultException.InvalidParameter(
                    $"Invalid parameter companyName: {mine.Count} companies are named {named ?? org}; ask by companyHandle"),
            };
            call.CompanyHandle = company.Handle;
        }
        else
        {
            throw IpsFaultException.MissingParameter("Missing required parameter: companyHandle, companyName or imsOrgId");
        }

        return new GetCompanyInfoResponse { GetCompanyInfoReturn = new GetCompanyInfoReturn { CompanyInfo = CompanyWire.Of(company) } };
    }
}
