using System.Reflection;
using Npgsql;

namespace IpsApi.Jobs.Database;

/// <summary>
/// Applies the numbered SQL files embedded under Database/Migrations, each once and in order.
/// Several nodes may start together: an advisory lock makes them take turns.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource)
{
    // Any constant works; it only has to be the same for every node of this application.
    private const long MigrationLockKey = 0x1B5A_0001;

    public static IReadOnlyList<(string Id, string Sql)> Migrations { get; } = LoadEmbedded();

    public async Task ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", MigrationLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using (var create = new NpgsqlCommand(
                "create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())",
                connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var applied = new HashSet<string>();
            await using (var select = new NpgsqlCommand("select id from schema_migrations", connection))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            foreach (var (id, sql) in Migrations.Where(m => !applied.Contains(m.Id)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var migrate = new NpgsqlCommand(sql, connection, transaction))
                {
                    await migrate.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = new NpgsqlCommand("insert into schema_migrations (id) values (@id)", connection, transaction))
                {
                    record.Parameters.AddWithValue("id", id);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", MigrationLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>True when every embedded migration has been applied (for readiness checks).</summary>
    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "select count(*) from schema_migrations where id = any(@ids)");
        command.Parameters.AddWithValue("ids", Migrations.Select(m => m.Id).ToArray());
        var count = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return count == Migrations.Count;
    }

    private static List<(string Id, string Sql)> LoadEmbedded()
    {
        var assembly = typeof(Migrator).Assembly;
        const string prefix = "IpsApi.Jobs.Database.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => (Id: n[prefix.Length..^".sql".Length], Sql: ReadResource(assembly, n)))
            .ToList();
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
