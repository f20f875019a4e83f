using System.Reflection;
using Npgsql;

namespace IpsApi.Jobs.Database;

/// <summary>
/// Applies the numbered SQL migrations, each once and in one order by name across every assembly that brings some:
/// this one's (Database/Migrations: accounts, jobs, runs, queue, outbox) and the asset code's (the Migrations folders
/// beside the asset store and the publish catalogs). Several nodes may start together: an advisory lock makes them
/// take turns.
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
        // Each project embeds its migrations under this name prefix (see the .csproj files); the id is the file name.
        const string prefix = "IpsApi.Migrations.";
        var migrations = new[] { typeof(Migrator).Assembly, typeof(Assets.Store.AssetStore).Assembly }
            .SelectMany(assembly => assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                .Select(n => (Id: n[prefix.Length..^".sql".Length], Sql: ReadResource(assembly, n))))
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
        if (migrations.GroupBy(m => m.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Migration {twice.Key} is embedded twice.");
        }

        return migrations;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
