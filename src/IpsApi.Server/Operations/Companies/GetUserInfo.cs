using IpsApi.Jobs.Accounts;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Companies;

/// <summary>getUserInfo: a user by handle or email, the caller when neither is given.</summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalUser, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class GetUserInfo(UserLookup users) : IOperationHandler<GetUserInfoRequest, GetUserInfoResponse>
{
    public async Task<GetUserInfoResponse> HandleAsync(GetUserInfoRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.GetUserInfoParam ?? new GetUserInfoParam();
        var user = await users.RequireVisibleAsync(call, param.UserHandle, param.Email, cancellationToken);
        return new GetUserInfoResponse { GetUserInfoReturn = new GetUserInfoReturn { UserInfo = CompanyWire.Of(user) } };
    }
}
