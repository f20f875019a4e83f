using System.Collections.Concurrent;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Hosting;
using IpsApi.Server.Soap;
using Microsoft.Extensions.Options;

namespace IpsApi.Server.Auth;

/// <summary>
/// A user acts only inside the companies it belongs to; an IpsAdmin acts in every company. An access granted is
/// remembered as long as the credentials that asked for it (IpsApi:Auth:CredentialCacheSeconds), so a client
/// submitting job after job costs the database nothing here; a refusal is never remembered.
/// </summary>
public sealed class CompanyAccess(AccountStore accounts, IOptions<ServerOptions> options, TimeProvider clock)
{
    private readonly TimeSpan _rememberFor = TimeSpan.FromSeconds(options.Value.Auth.CredentialCacheSeconds);
    private readonly ConcurrentDictionary<(long UserId, string Handle), (Company Company, DateTimeOffset Until)> _granted = new();

    public async Task<Company> RequireAsync(IpsCall call, string companyHandle, CancellationToken cancellationToken)
    {
        call.CompanyHandle = companyHandle;
        var now = clock.GetUtcNow();
        var key = (call.User.Id, companyHandle);
        if (_granted.TryGetValue(key, out var granted) && granted.Until > now)
        {
            return granted.Company;
        }

        // Only an IpsAdmin, who may act in every company, learns that a company does not exist; anyone else gets the
        // same answer for a company of no one and a company of others, so handles cannot be probed.
        var found = await accounts.FindCompanyForAsync(companyHandle, call.User.Id, cancellationToken);
        if (found is not var (company, isMember))
        {
            throw NoSuchCompany(call, companyHandle);
        }

        if (call.User.Role != UserRole.IpsAdmin && !isMember)
        {
            throw IpsFaultException.IllegalCompany(companyHandle);
        }

        if (_rememberFor > TimeSpan.Zero)
        {
            // Only companies the user may act in are kept: the map cannot grow with what callers make up.
            _granted[key] = (company, now + _rememberFor);
        }

        return company;
    }

    /// <summary>
    /// The fault for a company the caller cannot use, whether it exists or not: only an IpsAdmin learns that it does not.
    /// </summary>
    public static IpsFaultException NoSuchCompany(IpsCall call, string named) =>
        call.User.Role == UserRole.IpsAdmin ? IpsFaultException.InvalidCompany(named) : IpsFaultException.IllegalCompany(named);

    /// <summary>The companies an operation without companyHandle covers: the caller's own, or every one for an IpsAdmin (null).</summary>
    public async Task<IReadOnlyList<long>?> VisibleCompanyIdsAsync(IpsCall call, CancellationToken cancellationToken) =>
        call.User.Role == UserRole.IpsAdmin ? null : await accounts.MemberCompanyIdsAsync(call.User.Id, cancellationToken);

    /// <summary>
    /// The user a userHandle names, if it exists, is active and belongs to the company: a job's emails go to people of
    /// its company only (an IpsAdmin too only where it is a member). A user of another company reads like no user.
    /// </summary>
    public async Task<User> RequireMemberAsync(Company company, string userHandle, CancellationToken cancellationToken)
    {
        var user = await accounts.FindUserByHandleAsync(userHandle, cancellationToken);
        if (user is null || !user.Active || !await accounts.IsMemberAsync(company.Id, user.Id, cancellationToken))
        {
            throw IpsFaultException.InvalidRequestUser(userHandle);
        }

        return user;
    }
}
