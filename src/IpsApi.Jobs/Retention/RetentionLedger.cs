using Npgsql;

namespace IpsApi.Jobs.Retention;

/// <summary>What the last pass did for one kind (or, under <see cref="RetentionLedger.Pass"/>, for the pass as a whole).</summary>
public sealed record RetentionRecord(string Kind, string Node, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, long Removed, bool CaughtUp);

/// <summary>
/// The retention_state table: the cleaner's record of its last pass, per kind. The nodes read it to agree on when the
/// next pass is due (whichever node runs it), <c>admin doctor</c> to tell whether the cleaner keeps up.
/// </summary>
public sealed class RetentionLedger(NpgsqlDataSource dataSource)
{
    /// <summary>The row of the pass as a whole.</summary>
    public const string Pass = "pass";

    /// <summary>Whether the last pass, on any node, started at least <paramref name="interval"/> ago (or none ever did).</summary>
    public async Task<bool> PassDueAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select not exists (select 1 from retention_state where kind = @pass and started_at > now() - @interval)");
        command.Parameters.AddWithValue("pass", Pass);
        command.Parameters.AddWithValue("interval", interval);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public async Task BeginAsync(string kind, string node, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into retention_state (kind, node, started_at) values (@kind, @node, now())
            on conflict (kind) do update set node = excluded.node, started_at = excluded.started_at, ended_at = null, removed = 0,
                                            caught_up = false
            """);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("node", node);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task EndAsync(string kind, long removed, bool caughtUp, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update retention_state set ended_at = now(), removed = @removed, caught_up = @caughtUp where kind = @kind");
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("removed", removed);
        command.Parameters.AddWithValue("caughtUp", caughtUp);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RetentionRecord>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select kind, node, started_at, ended_at, removed, caught_up from retention_state order by kind");
        var records = new List<RetentionRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new RetentionRecord(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt64(4), reader.GetBoolean(5)));
        }

        return records;
    }
}
