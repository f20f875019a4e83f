using IpsApi.Jobs.Accounts;

namespace IpsApi.Server.Hosting;

/// <summary>
/// The demo company and user of `./ipsapi run`: the same ones the examples in the documentation use,
/// so the seed request works against a fresh server as it is.
/// </summary>
public static class DemoSeed
{
    public const string CompanyHandle = "47";
    public const string CompanyName = "Demo Company";
    public const string UserEmail = "user@example.com";
    public const string UserPassword = "secret";

    public static async Task EnsureAsync(AccountStore accounts, CancellationToken cancellationToken)
    {
        await accounts.AddCompanyAsync(CompanyHandle, CompanyName, cancellationToken);
        if (await accounts.FindUserByEmailAsync(UserEmail, cancellationToken) is null)
        {
            await accounts.AddUserAsync(
                new NewUser(UserEmail, UserPassword, UserRole.IpsUser, [CompanyHandle], FirstName: "Demo", LastName: "User"),
                cancellationToken);
        }
    }
}
