using Npgsql;

namespace IpsApi.Bench.Jobs;

/// <summary>A database made for one measurement on the benchmark's PostgreSQL and dropped after it.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;
    private bool _keep;

    private BenchDatabase(string admin, string name)
    {
        _admin = admin;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string ConnectionString { get; }

    public string Name => _name;

    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchDatabase> CreateAsync(string admin, CancellationToken cancellationToken)
    {
        var name = $"ipsapi_bench_{Guid.NewGuid():N}"[..26];
        await using var source = NpgsqlDataSource.Create(admin);
        await using var create = source.CreateCommand($"create database \"{name}\"");
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new BenchDatabase(admin, name);
    }

    /// <summary>A database an earlier run kept, used as it is and kept again.</summary>
    public static BenchDatabase Existing(string admin, string name) => new(admin, name) { _keep = true };

    /// <summary>Leaves the database in place at the end (to measure it again, or to look at it).</summary>
    public void Keep() => _keep = true;

    public async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (_keep)
        {
            return;
        }

        await using var source = NpgsqlDataSource.Create(_admin);
        await using var drop = source.CreateCommand($"drop database if exists \"{_name}\" with (force)");
        await drop.ExecuteNonQueryAsync();
    }
}
