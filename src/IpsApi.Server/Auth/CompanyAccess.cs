using IpsApi.Jobs.Accounts;
using IpsApi.Server.Soap;

namespace IpsApi.Server.Auth;

/// <summary>A user acts only inside the companies it belongs to; an IpsAdmin acts in every company.</summary>
public sealed class CompanyAccess(AccountStore accounts)
{
    public async Task<Company> RequireAsync(IpsCall call, string companyHandle, CancellationToken cancellationToken)
    {
        call.CompanyHandle = companyHandle;
        var (company, isMember) = await accounts.FindCompanyForAsync(companyHandle, call.User.Id, cancellationToken)
            ?? throw IpsFaultException.InvalidCompany(companyHandle);
        if (call.User.Role != UserRole.IpsAdmin && !isMember)
        {
            throw IpsFaultException.IllegalCompany(companyHandle);
        }

        return company;
    }

    /// <summary>The companies an operation without companyHandle covers: the caller's own, or every one for an IpsAdmin (null).</summary>
    public async Task<IReadOnlyList<long>?> VisibleCompanyIdsAsync(IpsCall call, CancellationToken cancellationToken) =>
        call.User.Role == UserRole.IpsAdmin ? null : await accounts.MemberCompanyIdsAsync(call.User.Id, cancellationToken);

    /// <summary>The user a userHandle names, if it exists and belongs to the company.</summary>
    public async Task<User> RequireMemberAsync(Company company, string userHandle, CancellationToken cancellationToken)
    {
        var user = await accounts.FindUserByHandleAsync(userHandle, cancellationToken);
        if (user is null || (user.Role != UserRole.IpsAdmin && !await accounts.IsMemberAsync(company.Id, user.Id, cancellationToken)))
        {
            throw IpsFaultException.InvalidRequestUser(userHandle);
        }

        return user;
    }
}
