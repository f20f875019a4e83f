using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Database;
using IpsApi.Server.Hosting;
using Npgsql;

namespace IpsApi.Server.Admin;

/// <summary>
/// `ipsapi admin`: companies and users, straight in the database the server uses (IPSAPI_DB).
/// </summary>
public static class AdminCommand
{
    private const string Usage = """
        usage:
          admin company add <handle> <name>
          admin company list
          admin user add <email> <password|-> <role> <company>[,<company>...] [--handle H] [--first NAME] [--last NAME]
                         (password '-' reads it from standard input; roles: IpsAdmin, IpsCompanyAdmin, IpsUser, ...)
          admin user list
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string? connectionString = null)
    {
        connectionString ??= new ConfigurationBuilder().AddIpsApiEnvironment().Build()[$"{ServerOptions.Section}:Db"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync("ipsapi admin: IPSAPI_DB is not set.");
            return 2;
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new Migrator(dataSource).ApplyAsync();
        var accounts = new AccountStore(dataSource);

        switch (args)
        {
            case ["company", "add", var handle, var name]:
                if (!CompanyHandles.IsValid(handle))
                {
                    await error.WriteLineAsync($"ipsapi admin: '{handle}' is not a company handle: use 1-64 letters, digits, '-', '_' or '.', not starting with '.'.");
                    return 64;
                }

                if (!await accounts.AddCompanyAsync(handle, name))
                {
                    await error.WriteLineAsync($"ipsapi admin: company {handle} already exists.");
                    return 1;
                }

                await output.WriteLineAsync($"company {handle} added");
                return 0;
            case ["company", "list"]:
                foreach (var company in await accounts.ListCompaniesAsync())
                {
                    await output.WriteLineAsync($"{company.Handle}\t{company.Name}");
                }

                return 0;
            case ["user", "add", var email, var password, var role, var companyList, .. var flags]:
                return await AddUserAsync(accounts, email, password, role, companyList, flags, output, error);
            case ["user", "list"]:
                foreach (var (user, companies) in await accounts.ListUsersAsync())
                {
                    await output.WriteLineAsync(
                        $"{user.Handle}\t{user.Email}\t{user.Role}\t{string.Join(',', companies)}{(user.Active ? "" : "\t(disabled)")}");
                }

                return 0;
            default:
                await error.WriteLineAsync(Usage);
                return 64;
        }
    }

    private static async Task<int> AddUserAsync(
        AccountStore accounts, string email, string password, string roleText, string companyList, string[] flags,
        TextWriter output, TextWriter error)
    {
        if (!Enum.TryParse<UserRole>(roleText, ignoreCase: false, out var role) || !Enum.IsDefined(role))
        {
            await error.WriteLineAsync($"ipsapi admin: unknown role {roleText} (one of {string.Join(", ", Enum.GetNames<UserRole>())}).");
            return 64;
        }

        if (password == "-")
        {
            password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
        }

        if (password.Length < 4)
        {
            await error.WriteLineAsync("ipsapi admin: the password must have at least 4 characters.");
            return 64;
        }

        string? Flag(string name)
        {
            var at = Array.IndexOf(flags, name);
            return at >= 0 && at + 1 < flags.Length ? flags[at + 1] : null;
        }

        var companies = companyList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var user = await accounts.AddUserAsync(new NewUser(
            email, password, role, companies, Flag("--handle"), Flag("--first") ?? "", Flag("--last") ?? ""));
        if (user is null)
        {
            await error.WriteLineAsync("ipsapi admin: not added: the email or handle is taken, or a company does not exist.");
            return 1;
        }

        await output.WriteLineAsync($"user {user.Handle} {user.Email} added");
        return 0;
    }
}
