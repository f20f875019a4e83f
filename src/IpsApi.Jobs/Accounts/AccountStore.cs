using Npgsql;

namespace IpsApi.Jobs.Accounts;

/// <summary>Companies, users and memberships in PostgreSQL.</summary>
public sealed class AccountStore(NpgsqlDataSource dataSource)
{
    private const string UserColumns = "u.id, u.handle, u.email, u.role, u.first_name, u.last_name, u.active";

    private const string CompanyColumns = "c.id, c.handle, c.name, c.storage_folder, c.expires, c.ims_org_id";

    public async Task<Company?> FindCompanyAsync(string handle, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"select {CompanyColumns} from companies c where c.handle = @handle");
        command.Parameters.AddWithValue("handle", handle);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadCompany(reader) : null;
    }

    /// <summary>The companies with that name (case-insensitive) or IMS organisation id, in handle order.</summary>
    public async Task<IReadOnlyList<Company>> FindCompaniesAsync(string? name, string? imsOrgId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select {CompanyColumns} from companies c
            where (@name::text is null or lower(c.name) = lower(@name)) and (@org::text is null or c.ims_org_id = @org)
            order by c.handle
            """);
        command.Parameters.Add(new NpgsqlParameter("name", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)name ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("org", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)imsOrgId ?? DBNull.Value });
        return await ReadCompaniesAsync(command, cancellationToken);
    }

    /// <summary>The companies a user belongs to, in handle order.</summary>
    public async Task<IReadOnlyList<Company>> MemberCompaniesAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"select {CompanyColumns} from companies c join company_members m on m.company_id = c.id where m.user_id = @user order by c.handle");
        command.Parameters.AddWithValue("user", userId);
        return await ReadCompaniesAsync(command, cancellationToken);
    }

    /// <summary>Of the given handles, the companies that exist (for handles that may begin another handle).</summary>
    public async Task<IReadOnlyList<Company>> FindCompaniesByHandleAsync(IReadOnlyList<string> handles, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"select {CompanyColumns} from companies c where c.handle = any(@handles)");
        command.Parameters.AddWithValue("handles", handles.ToArray());
        return await ReadCompaniesAsync(command, cancellationToken);
    }

    /// <summary>Sets or clears the company's expiry; false when no company has that handle.</summary>
    public async Task<bool> SetExpiresAsync(string handle, DateTimeOffset? expires, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("update companies set expires = @expires where handle = @handle");
        command.Parameters.AddWithValue("handle", handle);
        command.Parameters.Add(new NpgsqlParameter("expires", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)expires ?? DBNull.Value });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Sets or clears the company's IMS organisation id; false when no company has that handle.</summary>
    public async Task<bool> SetImsOrgIdAsync(string handle, string? imsOrgId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("update companies set ims_org_id = @org where handle = @handle");
        command.Parameters.AddWithValue("handle", handle);
        command.Parameters.Add(new NpgsqlParameter("org", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)imsOrgId ?? DBNull.Value });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The company with that handle and whether the user belongs to it, in one round trip.</summary>
    public async Task<(Company Company, bool IsMember)?> FindCompanyForAsync(string handle, long userId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select {CompanyColumns},
                   exists (select 1 from company_members m where m.company_id = c.id and m.user_id = @user)
            from companies c where c.handle = @handle
            """);
        command.Parameters.AddWithValue("handle", handle);
        command.Parameters.AddWithValue("user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (ReadCompany(reader), reader.GetBoolean(6))
            : null;
    }

    /// <summary>The user with that email and its stored password hash, for authentication.</summary>
    public async Task<(User User, string PasswordHash)?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"select {UserColumns}, u.password_hash from users u where lower(u.email) = lower(@email)");
        command.Parameters.AddWithValue("email", email);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (ReadUser(reader), reader.GetString(7)) : null;
    }

    public async Task<User?> FindUserByHandleAsync(string handle, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"select {UserColumns} from users u where u.handle = @handle");
        command.Parameters.AddWithValue("handle", handle);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadUser(reader) : null;
    }

    public async Task<User?> FindUserByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"select {UserColumns} from users u where u.id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadUser(reader) : null;
    }

    /// <summary>The ids of the companies a user belongs to.</summary>
    public async Task<IReadOnlyList<long>> MemberCompanyIdsAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("select company_id from company_members where user_id = @user");
        command.Parameters.AddWithValue("user", userId);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public async Task<bool> IsMemberAsync(long companyId, long userId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "select exists (select 1 from company_members where company_id = @company and user_id = @user)");
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("user", userId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Adds a company with its root folder and a storage folder of its own; false when the handle is taken.</summary>
    public async Task<bool> AddCompanyAsync(string handle, string name, CancellationToken cancellationToken = default)
    {
        if (CompanyHandles.Problem(handle) is { } handleProblem)
        {
            throw new ArgumentException($"'{handle}' is not a valid company handle: {handleProblem}.", nameof(handle));
        }

        if (CompanyHandles.NameProblem(name) is { } nameProblem)
        {
            throw new ArgumentException($"'{name}' is not a valid company name: {nameProblem}.", nameof(name));
        }

        // The id is drawn first: the storage folder is named by it.
        await using var command = dataSource.CreateCommand(
            """
            with next as (select nextval(pg_get_serial_sequence('companies', 'id')) as id)
            insert into companies (id, handle, name, storage_folder)
            select next.id, @handle, @name, 'companies/' || next.id from next
            on conflict (handle) do nothing
            """);
        command.Parameters.AddWithValue("handle", handle);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Adds a user (handle <c>u|&lt;id&gt;</c> unless one is given) and makes it a member of the given companies.
    /// Returns null when the email or handle is taken or a company does not exist; nothing is written then.
    /// </summary>
    public async Task<User?> AddUserAsync(NewUser user, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The handle defaults to u|<id>, so the id is drawn first.
        await using var insert = new NpgsqlCommand(
            """
            with next as (select nextval(pg_get_serial_sequence('users', 'id')) as id)
            insert into users (id, handle, email, password_hash, role, first_name, last_name)
            select next.id, coalesce(@handle, 'u|' || next.id), @email, @hash, @role, @first, @last from next
            on conflict do nothing
            returning id, handle
            """, connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter("handle", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)user.Handle ?? DBNull.Value });
        insert.Parameters.AddWithValue("email", user.Email);
        insert.Parameters.AddWithValue("hash", PasswordHasher.Hash(user.Password));
        insert.Parameters.AddWithValue("role", user.Role.ToString());
        insert.Parameters.AddWithValue("first", user.FirstName);
        insert.Parameters.AddWithValue("last", user.LastName);

        long id;
        string handle;
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            id = reader.GetInt64(0);
            handle = reader.GetString(1);
        }

        foreach (var companyHandle in user.CompanyHandles)
        {
            await using var member = new NpgsqlCommand(
                "insert into company_members (company_id, user_id) select id, @user from companies where handle = @company",
                connection, transaction);
            member.Parameters.AddWithValue("user", id);
            member.Parameters.AddWithValue("company", companyHandle);
            if (await member.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return null;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new User(id, handle, user.Email, user.Role, user.FirstName, user.LastName, Active: true);
    }

    public async Task<IReadOnlyList<Company>> ListCompaniesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"select {CompanyColumns} from companies c order by c.id");
        return await ReadCompaniesAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<Company>> ReadCompaniesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var companies = new List<Company>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            companies.Add(ReadCompany(reader));
        }

        return companies;
    }

    /// <summary>Reads <see cref="CompanyColumns"/> from the first column on.</summary>
    private static Company ReadCompany(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
        {
            Expires = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
            ImsOrgId = reader.IsDBNull(5) ? null : reader.GetString(5),
        };

    /// <summary>Every user with the handles of its companies.</summary>
    public async Task<IReadOnlyList<(User User, string[] Companies)>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        var users = new List<(User, string[])>();
        await using var command = dataSource.CreateCommand(
            $"""
            select {UserColumns},
                   coalesce(array_agg(c.handle order by c.handle) filter (where c.handle is not null), array[]::text[])
            from users u
            left join company_members m on m.user_id = u.id
            left join companies c on c.id = m.company_id
            group by u.id
            order by u.id
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add((ReadUser(reader), reader.GetFieldValue<string[]>(7)));
        }

        return users;
    }

    /// <summary>Replaces the user's password hash; false when no user has that email.</summary>
    public async Task<bool> SetPasswordAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("update users set password_hash = @hash where lower(email) = lower(@email)");
        command.Parameters.AddWithValue("hash", PasswordHasher.Hash(password));
        command.Parameters.AddWithValue("email", email);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Changes the user's role; false when no user has that email.</summary>
    public async Task<bool> SetRoleAsync(string email, UserRole role, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("update users set role = @role where lower(email) = lower(@email)");
        command.Parameters.AddWithValue("role", role.ToString());
        command.Parameters.AddWithValue("email", email);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Enables or disables the user (users.active); false when no user has that email.</summary>
    public async Task<bool> SetActiveAsync(string email, bool active, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("update users set active = @active where lower(email) = lower(@email)");
        command.Parameters.AddWithValue("active", active);
        command.Parameters.AddWithValue("email", email);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Deletes the user: its memberships go, and its row too unless jobs name it (as submitter or to notify). Such a row
    /// stays for the jobs' history, disabled, without a usable password, its email replaced so the address is free
    /// again. Null when no user has that email.
    /// </summary>
    public async Task<UserDeletion?> DeleteUserAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var find = new NpgsqlCommand("select id from users where lower(email) = lower(@email) for update", connection, transaction);
        find.Parameters.AddWithValue("email", email);
        if (await find.ExecuteScalarAsync(cancellationToken) is not long id)
        {
            return null;
        }

        await using var members = new NpgsqlCommand("delete from company_members where user_id = @id", connection, transaction);
        members.Parameters.AddWithValue("id", id);
        await members.ExecuteNonQueryAsync(cancellationToken);
        await using var remove = new NpgsqlCommand(
            """
            with named as (select exists (select 1 from jobs where submit_user_id = @id or notify_user_id = @id) as kept),
                 deleted as (delete from users where id = @id and not (select kept from named) returning 1)
            update users set active = false, password_hash = '!', email = 'deleted-' || id || '@invalid', first_name = '', last_name = ''
            where id = @id and (select kept from named)
            returning 1
            """, connection, transaction);
        remove.Parameters.AddWithValue("id", id);
        var kept = await remove.ExecuteScalarAsync(cancellationToken) is not null;
        await transaction.CommitAsync(cancellationToken);
        return kept ? UserDeletion.KeptForJobHistory : UserDeletion.Deleted;
    }

    /// <summary>
    /// Makes the user a member of the companies (those it already belongs to stay as they are). Returns what
    /// is missing (the user, or the handles of companies that do not exist); nothing is written then.
    /// </summary>
    public async Task<string?> AddToCompaniesAsync(string email, IReadOnlyList<string> companyHandles, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var find = new NpgsqlCommand("select id from users where lower(email) = lower(@email)", connection, transaction);
        find.Parameters.AddWithValue("email", email);
        if (await find.ExecuteScalarAsync(cancellationToken) is not long userId)
        {
            return $"no user has the email {email}";
        }

        var missing = new List<string>();
        foreach (var handle in companyHandles)
        {
            await using var member = new NpgsqlCommand(
                """
                insert into company_members (company_id, user_id)
                select id, @user from companies where handle = @company
                on conflict do nothing
                returning 1
                """, connection, transaction);
            member.Parameters.AddWithValue("user", userId);
            member.Parameters.AddWithValue("company", handle);
            if (await member.ExecuteScalarAsync(cancellationToken) is null && await FindCompanyAsync(handle, cancellationToken) is null)
            {
                missing.Add(handle);
            }
        }

        if (missing.Count > 0)
        {
            return $"no company {string.Join(", ", missing)}";
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private static User ReadUser(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
        Enum.Parse<UserRole>(reader.GetString(3)), reader.GetString(4), reader.GetString(5), reader.GetBoolean(6));
}

/// <summary>What deleting a user did: removed its row, or kept it (disabled, anonymous) because jobs name it.</summary>
public enum UserDeletion
{
    Deleted,
    KeptForJobHistory,
}

public sealed record NewUser(
    string Email, string Password, UserRole Role, IReadOnlyList<string> CompanyHandles,
    string? Handle = null, string FirstName = "", string LastName = "");
