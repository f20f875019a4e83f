using Npgsql;

namespace IpsApi.Jobs.Database;

/// <summary>A table of the server's schema with its size on disk: rows (PostgreSQL's estimate), table and indexes.</summary>
public sealed record TableSize(string Table, long Rows, long TableBytes, long IndexBytes)
{
    public long TotalBytes => TableBytes + IndexBytes;
}

/// <summary>How much room the schema's tables take, largest first (for <c>admin doctor</c> and the growth benchmark).</summary>
public static class TableSizes
{
    public static async Task<IReadOnlyList<TableSize>> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        // pg_table_size counts the table with its TOAST data and free space map; pg_indexes_size every index of it.
        await using var command = dataSource.CreateCommand(
            """
            select c.relname, greatest(c.reltuples, 0)::bigint, pg_table_size(c.oid), pg_indexes_size(c.oid)
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and n.nspname = current_schema()
            order by pg_total_relation_size(c.oid) desc, c.relname
            """);
        var sizes = new List<TableSize>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sizes.Add(new TableSize(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return sizes;
    }
}
