using IpsApi.Jobs.Accounts;
using IpsApi.Server.Auth;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations.Companies;

/// <summary>
/// checkLogin: whether an email and password would sign in (to the company, when one is named): <c>ValidLogin</c>
/// or <c>InvalidLogin</c>. The check goes through the same authentication as every call, so a wrong password here
/// counts towards the sign-in limits like any other.
/// </summary>
[AllowedRoles(UserRole.IpsUser, UserRole.IpsAdmin, UserRole.IpsCompanyAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
    UserRole.ImagePortalAdmin, UserRole.ImagePortalUser, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser)]
public sealed class CheckLogin(Authenticator authenticator, AccountStore accounts) : IOperationHandler<CheckLoginRequest, CheckLoginResponse>
{
    public const string Valid = "ValidLogin";
    public const string Invalid = "InvalidLogin";

    public async Task<CheckLoginResponse> HandleAsync(CheckLoginRequest request, IpsCall call, CancellationToken cancellationToken)
    {
        var param = request.CheckLoginParam ?? new CheckLoginParam();
        RequestParameters.Require(("email", param.Email), ("password", param.Password));
        return new CheckLoginResponse { CheckLoginReturn = new CheckLoginReturn { Status = await StatusAsync(param, cancellationToken) } };
    }

    private async Task<string> StatusAsync(CheckLoginParam param, CancellationToken cancellationToken)
    {
        IpsApi.Jobs.Accounts.User user;
        try
        {
            user = await authenticator.AuthenticateAsync(new AuthHeaderValues { User = param.Email, Password = param.Password }, null, cancellationToken);
        }
        catch (IpsFaultException e) when (e.Kind == FaultKind.Authentication)
        {
            return Invalid;
        }

        if (string.IsNullOrWhiteSpace(param.CompanyHandle) || user.Role == UserRole.IpsAdmin)
        {
            return Valid;
        }

        return await accounts.FindCompanyForAsync(param.CompanyHandle, user.Id, cancellationToken) is (_, true) ? Valid : Invalid;
    }
}
