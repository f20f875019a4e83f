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
          admin company add <handle> <name>      (the handle is any text clients will send, e.g. 47 or "c|748")
          admin company list
          admin company set-expires <handle> <date|none>   (ISO 8601, e.g. 2027-01-31 or 2027-01-31T23:00:00Z)
          admin company set-ims-org <handle> <IMS organisation id|none>
          admin user add <email> <password|-> <role> <company>[,<company>...] [--handle H] [--first NAME] [--last NAME]
                         (password '-' reads it from standard input; roles: IpsAdmin, IpsCompanyAdmin, IpsUser, ...)
          admin user list
          admin user set-password <email> <password|->
                         (passwords: at least 12 characters, not a common one, not the email)
          admin user set-role <email> <role>
          admin user disable <email>        (refused at once on every node; enable brings it back)
          admin user enable <email>
          admin user delete <email>         (kept disabled and anonymous while jobs name it)
          admin user add-to-company <email> <company>[,<company>...]
          admin job list [--company H] [--state S] [--limit N]
                         (newest first; state: Waiting, Scheduled, Running, Paused, Done, Failed, Stopped, ...)
          admin macro set <company> <name> <modifiers>      (an exportJob macro, e.g. "wid=200&fmt=png")
          admin setscript set <company> <name> <pattern> <ImageSet|SwatchSet> [<order group>]
          admin doctor   (checks the database, tools, storage and SMTP, and prints the fix for each problem;
                          table sizes, the oldest rows kept and whether the cleaner keeps up)
        """;

    /// <param name="configuration">The settings; by default the server's appsettings.json and IPSAPI_* variables.</param>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, string? connectionString = null, IConfiguration? configuration = null)
    {
        configuration ??= new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddIpsApiEnvironment()
            .Build();
        connectionString ??= configuration[$"{ServerOptions.Section}:Db"];
        if (args is ["doctor"])
        {
            // Before anything touches the database: the doctor must work when it is the database that is missing.
            return await Doctor.RunAsync(configuration, connectionString, output);
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync("ipsapi admin: IPSAPI_DB is not set.");
            return 2;
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new Migrator(dataSource).ApplyAsync();
        var accounts = new AccountStore(dataSource);

        async Task<int> Report(bool done, string success, string failure)
        {
            if (done)
            {
                await output.WriteLineAsync(success);
                return 0;
            }

            await error.WriteLineAsync($"ipsapi admin: {failure}.");
            return 1;
        }

        switch (args)
        {
            case ["company", "add", var handle, var name]:
                if (CompanyHandles.Problem(handle) is { } handleProblem)
                {
                    await error.WriteLineAsync($"ipsapi admin: '{handle}' is not a company handle: {handleProblem}.");
                    return 64;
                }

                if (CompanyHandles.NameProblem(name) is { } nameProblem)
                {
                    await error.WriteLineAsync($"ipsapi admin: '{name}' is not a company name: {nameProblem}.");
                    return 64;
                }

                if ((await accounts.FindCompaniesAsync(name, null)).Count > 0)
                {
                    // getCompanyInfo finds a company by its name, and paths begin with it: names are unique.
                    await error.WriteLineAsync($"ipsapi admin: a company named {name} already exists.");
                    return 1;
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
                    var until = company.Expires?.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
                    await output.WriteLineAsync($"{company.Handle}\t{company.Name}\t{company.RootPath}\texpires {until}\tims-org {company.ImsOrgId ?? "-"}");
                }

                return 0;
            case ["company", "set-expires", var handle, var when]:
                DateTimeOffset? expires = null;
                if (when != "none")
                {
                    if (!DateTimeOffset.TryParse(when, System.Globalization.CultureInfo.InvariantCulture,
                            System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
                    {
                        await error.WriteLineAsync($"ipsapi admin: '{when}' is not a date (e.g. 2027-01-31 or 2027-01-31T23:00:00Z) or 'none'.");
                        return 64;
                    }

                    expires = parsed;
                }

                return await Report(await accounts.SetExpiresAsync(handle, expires),
                    expires is null ? $"company {handle} does not expire" : $"company {handle} expires {expires:yyyy-MM-dd'T'HH:mm:ssK}",
                    $"no company {handle}");
            case ["company", "set-ims-org", var handle, var org]:
                return await Report(await accounts.SetImsOrgIdAsync(handle, org == "none" ? null : org),
                    $"company {handle} IMS organisation {(org == "none" ? "cleared" : org)}", $"no company {handle}");
            case ["user", "add", var email, var password, var role, var companyList, .. var flags]:
                return await AddUserAsync(accounts, email, password, role, companyList, flags, output, error);
            case ["user", "set-password", var email, var password]:
                password = await ReadPasswordAsync(password);
                if (PasswordPolicy.Problem(password, email) is { } weak)
                {
                    await error.WriteLineAsync($"ipsapi admin: {weak}.");
                    return 64;
                }

                // Servers that verified the old password may accept it for up to IPSAPI_AUTH__CREDENTIALCACHESECONDS more.
                return await Report(await accounts.SetPasswordAsync(email, password), $"password of {email} changed", $"no user has the email {email}");
            case ["user", "set-role", var email, var roleText]:
                if (ParseRole(roleText) is not { } newRole)
                {
                    await error.WriteLineAsync(UnknownRole(roleText));
                    return 64;
                }

                return await Report(await accounts.SetRoleAsync(email, newRole), $"{email} is now {newRole}", $"no user has the email {email}");
            case ["user", "disable" or "enable", var email]:
            {
                // Every node reads users.active on every call, even one whose password it remembers: no cache to wait out.
                var active = args[1] == "enable";
                return await Report(await accounts.SetActiveAsync(email, active), $"{email} {(active ? "enabled" : "disabled")}", $"no user has the email {email}");
            }
            case ["user", "delete", var email]:
            {
                var deleted = await accounts.DeleteUserAsync(email);
                return await Report(deleted is not null, deleted == UserDeletion.KeptForJobHistory
                    ? $"{email} deleted (its row stays, disabled and without its email, for the jobs that name it)"
                    : $"{email} deleted", $"no user has the email {email}");
            }
            case ["user", "add-to-company", var email, var companyList]:
            {
                var companies = companyList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var missing = await accounts.AddToCompaniesAsync(email, companies);
                return await Report(missing is null, $"{email} added to {string.Join(", ", companies)}", missing ?? "");
            }
            case ["macro", .. var macroArgs]:
                return await MacroCommands.RunAsync(dataSource, macroArgs, output, error);
            case ["setscript", .. var setScriptArgs]:
                return await SetScriptCommands.RunAsync(dataSource, setScriptArgs, output, error);
            case ["job", "list", .. var flags]:
                return await JobList.RunAsync(dataSource, flags, output, error);
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
        if (ParseRole(roleText) is not { } role)
        {
            await error.WriteLineAsync(UnknownRole(roleText));
            return 64;
        }

        password = await ReadPasswordAsync(password);
        if (PasswordPolicy.Problem(password, email) is { } weak)
        {
            await error.WriteLineAsync($"ipsapi admin: {weak}.");
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

    private static UserRole? ParseRole(string text) =>
        Enum.TryParse<UserRole>(text, ignoreCase: false, out var role) && Enum.IsDefined(role) ? role : null;

    private static string UnknownRole(string text) =>
        $"ipsapi admin: unknown role {text} (one of {string.Join(", ", Enum.GetNames<UserRole>())}).";

    /// <summary>'-' reads the password from standard input, so it stays out of the shell history and process list.</summary>
    private static async Task<string> ReadPasswordAsync(string password) =>
        password == "-" ? (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "" : password;
}
