using System.Runtime.CompilerServices;
using IpsApi.Assets.Files;
using Npgsql;

namespace IpsApi.Assets.Publishing;

/// <summary>
/// What a publish that never became current left behind: rows of a version that is not the current one, and files in
/// a catalog's folder that no entry of the current version names (a node killed in the middle of a publish leaves
/// both). The next publish of that catalog removes them too; this is for catalogs that are not published again soon.
/// Each catalog is tidied under its publish lock, so a publish under way is never touched: its catalog waits for the
/// next pass.
/// </summary>
public sealed class PublishLeftovers(NpgsqlDataSource dataSource, IFileStore files)
{
    /// <summary>Tidies one catalog per step and yields how many rows and files it removed there.</summary>
    public async IAsyncEnumerable<int> RemoveAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var companies = new List<(long Id, CompanyStorage Storage)>();
        await using (var command = dataSource.CreateCommand("select id, storage_folder from companies order by id"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                companies.Add((reader.GetInt64(0), new CompanyStorage(reader.GetString(1))));
            }
        }

        var stale = await CatalogsWithStaleRowsAsync(cancellationToken);
        foreach (var (companyId, storage) in companies)
        {
            foreach (var kind in Enum.GetValues<CatalogKind>())
            {
                var folder = FolderOf(storage, kind);
                if (!Directory.Exists(folder) && !stale.Contains((companyId, kind.ToString())))
                {
                    continue;
                }

                var removed = await TidyAsync(companyId, kind, folder, cancellationToken);
                if (removed > 0)
                {
                    yield return removed;
                }
            }
        }
    }

    /// <summary>Rows of versions that are not current: none, unless a publish was cut short and none followed.</summary>
    public async Task<long> StaleRowsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select count(*) from publish_entries e
            where e.version <> coalesce((select c.version from publish_catalogs c where c.company_id = e.company_id and c.kind = e.kind), -1)
            """);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<HashSet<(long, string)>> CatalogsWithStaleRowsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select distinct e.company_id, e.kind from publish_entries e
            where e.version <> coalesce((select c.version from publish_catalogs c where c.company_id = e.company_id and c.kind = e.kind), -1)
            """);
        var stale = new HashSet<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stale.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return stale;
    }

    private async Task<int> TidyAsync(long companyId, CatalogKind kind, string folder, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var key = CatalogDraft.LockKey(companyId, kind);
        await using (var tryLock = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection))
        {
            tryLock.Parameters.AddWithValue("key", key);
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return 0;
            }
        }

        try
        {
            var removed = 0;
            await using (var rows = new NpgsqlCommand(
                """
                delete from publish_entries where company_id = @company and kind = @kind
                  and version <> coalesce((select version from publish_catalogs where company_id = @company and kind = @kind), -1)
                """, connection))
            {
                rows.Parameters.AddWithValue("company", companyId);
                rows.Parameters.AddWithValue("kind", kind.ToString());
                removed += await rows.ExecuteNonQueryAsync(cancellationToken);
            }

            if (!Directory.Exists(folder))
            {
                return removed;
            }

            var named = new HashSet<string>(StringComparer.Ordinal);
            await using (var current = new NpgsqlCommand(
                """
                select e.file from publish_catalogs c
                join publish_entries e on e.company_id = c.company_id and e.kind = c.kind and e.version = c.version
                where c.company_id = @company and c.kind = @kind and e.file is not null
                """, connection))
            {
                current.Parameters.AddWithValue("company", companyId);
                current.Parameters.AddWithValue("kind", kind.ToString());
                await using var reader = await current.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    named.Add(reader.GetString(0));
                }
            }

            foreach (var file in Directory.EnumerateFiles(folder))
            {
                if (!named.Contains(Path.GetFileName(file)))
                {
                    File.Delete(file);
                    removed++;
                }
            }

            return removed;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", key);
            try
            {
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // A broken connection has ended its session, and the lock with it.
            }
        }
    }

    private string FolderOf(CompanyStorage company, CatalogKind kind) =>
        Path.GetDirectoryName(files.LocalPath(company.Published(kind.Folder(), "x")))!;
}
