using Npgsql;

namespace IpsApi.Bench.Jobs;

/// <summary>A database made for one measurement on the benchmark's PostgreSQL and dropped after it.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private BenchDatabase(string admin, string name)
    {
        _admin = admin;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchDatabase> CreateAsync(string admin, CancellationToken cancellationToken)
    {
        var name = $"ipsapi_bench_{Guid.NewGuid():N}"[..26];
        await using var source = NpgsqlDataSource.Create(admin);
        await using var create = source.CreateCommand($"create database \"{name}\"");
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new BenchDatabase(admin, name);
    }

    public async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var source = NpgsqlDataSource.Create(_admin);
        await using var drop = source.CreateCommand($"drop database if exists \"{_name}\" with (force)");
        await drop.ExecuteNonQueryAsync();
    }
}
