using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Database;
using Npgsql;

namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>
/// A database of its own for tests that start server processes: their cluster must not share triggers with
/// the in-process test server. Created fresh with the schema, one company and one user; dropped at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString, NpgsqlDataSource dataSource)
    {
        Name = name;
        ConnectionString = connectionString;
        Db = dataSource;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource Db { get; }

    public TestTenant Tenant { get; private set; } = null!;

    private string AdminConnectionString { get; init; } = ServerFixture.ConnectionString;

    /// <param name="adminConnectionString">Another PostgreSQL to create the database on (default: the tests' own).</param>
    public static async Task<TestDatabase> CreateAsync(string purpose, string? adminConnectionString = null)
    {
        var database = await CreateEmptyAsync(purpose, adminConnectionString);
        await new Migrator(database.Db).ApplyAsync();
        await database.AddTenantAsync();
        return database;
    }

    /// <summary>
    /// Adds the company and user of <see cref="Tenant"/> to a database whose schema is in place (for a database an
    /// earlier build's node created: <see cref="CreateEmptyAsync"/>, then that node, then this).
    /// </summary>
    public async Task AddTenantAsync()
    {
        var accounts = new AccountStore(Db);
        await accounts.AddCompanyAsync("77", "Cluster Co");
        await accounts.AddUserAsync(new NewUser("cluster@example.test", "cluster-pw", UserRole.IpsUser, ["77"]));
        Tenant = new TestTenant("77", "cluster@example.test", "cluster-pw", "");
        TenantStorageFolder = await ScalarAsync<string>("select storage_folder from companies where handle = '77'");
    }

    /// <summary>The folder under the storage root that holds the tenant company's files.</summary>
    public string TenantStorageFolder { get; private set; } = "";

    /// <summary>A database with nothing in it, not even the schema (what a restore goes into).</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(string purpose, string? adminConnectionString = null)
    {
        // Named after the tests' own database (ipsapi_test_<purpose>_...), so parallel checkouts sharing one
        // PostgreSQL can tell theirs apart.
        var prefix = new NpgsqlConnectionStringBuilder(ServerFixture.ConnectionString).Database ?? "ipsapi_test";
        var name = $"{prefix}_{purpose}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + purpose.Length + 14)];
        var adminAt = adminConnectionString ?? ServerFixture.ConnectionString;
        await using (var admin = NpgsqlDataSource.Create(adminAt))
        await using (var create = admin.CreateCommand($"create database \"{name}\""))
        {
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(adminAt) { Database = name }.ConnectionString;
        return new TestDatabase(name, connectionString, NpgsqlDataSource.Create(connectionString)) { AdminConnectionString = adminAt };
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Db.CreateCommand(sql);
        foreach (var (parameter, value) in parameters)
        {
            command.Parameters.AddWithValue(parameter, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = NpgsqlDataSource.Create(AdminConnectionString);
        await using var drop = admin.CreateCommand($"drop database if exists \"{Name}\" with (force)");
        await drop.ExecuteNonQueryAsync();
    }
}
