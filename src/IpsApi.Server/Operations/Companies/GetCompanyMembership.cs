using IpsApi.Jobs.Accounts;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Companies;

/// <summary>getCompanyMembership: the companies a user (the caller unless named) belongs to, with its role there.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalUser, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class GetCompanyMembership(UserLookup users) : IOperationHandler<GetCompanyMembershipRequest, GetCompanyMembershipResponse>
{
    public async Task<GetCompanyMembershipResponse> HandleAsync(GetCompanyMembershipRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var user = await users.RequireVisibleAsync(call, request.GetCompanyMembershipParam?.UserHandle, null, cancellationToken);
        var memberships = await users.VisibleCompaniesOfAsync(call, user, cancellationToken);
        return new GetCompanyMembershipResponse
        {
            GetCompanyMembershipReturn = new GetCompanyMembershipReturn
            {
                MembershipArray = new CompanyMembershipArray
                {
                    // One role per user on this server: its role is the same in each of its companies.
                    Items = [.. memberships.Select(c => new CompanyMembership { Company = CompanyWire.Of(c), Role = user.Role.ToString(), IsActive = user.Active })],
                },
            },
        };
    }
}
