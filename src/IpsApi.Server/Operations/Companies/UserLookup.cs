using IpsApi.Jobs.Accounts;
using IpsApi.Server.Soap;

namespace IpsApi.Server.Operations.Companies;

/// <summary>
/// The users a caller may look at: itself, and for anyone but an IpsAdmin only users who share a company with it.
/// Any other user reads exactly like one that does not exist (20002), so answers tell nothing of other companies.
/// </summary>
public sealed class UserLookup(AccountStore accounts)
{
    public async Task<User> RequireVisibleAsync(IpsCall call, string? userHandle, string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userHandle) && string.IsNullOrWhiteSpace(email))
        {
            return call.User;
        }

        var named = userHandle ?? email!;
        var user = !string.IsNullOrWhiteSpace(userHandle)
            ? await accounts.FindUserByHandleAsync(userHandle, cancellationToken)
            : (await accounts.FindUserByEmailAsync(email!, cancellationToken))?.User;
        if (user is null || (!string.IsNullOrWhiteSpace(email) && !string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            throw IpsFaultException.InvalidRequestUser(named);
        }

        if (user.Id == call.User.Id || call.User.Role == UserRole.IpsAdmin || await SharesCompanyAsync(call.User, user, cancellationToken))
        {
            return user;
        }

        throw IpsFaultException.InvalidRequestUser(named);
    }

    /// <summary>The companies of <paramref name="user"/> the caller may see (all of them for an IpsAdmin or the user itself).</summary>
    public async Task<IReadOnlyList<Company>> VisibleCompaniesOfAsync(IpsCall call, User user, CancellationToken cancellationToken)
    {
        var theirs = await accounts.MemberCompaniesAsync(user.Id, cancellationToken);
        if (call.User.Role == UserRole.IpsAdmin || user.Id == call.User.Id)
        {
            return theirs;
        }

        var mine = (await accounts.MemberCompanyIdsAsync(call.User.Id, cancellationToken)).ToHashSet();
        return theirs.Where(c => mine.Contains(c.Id)).ToList();
    }

    private async Task<bool> SharesCompanyAsync(User caller, User other, CancellationToken cancellationToken)
    {
        var mine = await accounts.MemberCompanyIdsAsync(caller.Id, cancellationToken);
        var theirs = await accounts.MemberCompanyIdsAsync(other.Id, cancellationToken);
        return mine.Intersect(theirs).Any();
    }
}
