using Npgsql;
using NpgsqlTypes;

namespace IpsApi.Jobs.Notifications;

/// <summary>A message not delivered, as the dashboard lists it.</summary>
public sealed record OutboxRow(
    long Id, string Kind, string Company, string Target, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt,
    DateTimeOffset? FailedAt, string? LastError);

/// <summary>How many messages wait: still retried (pending) or given up (failed).</summary>
public sealed record OutboxDepth(long Pending, long Failed);

/// <summary>The outbox as the people running the server see it: the /ops dashboard and the depth gauge.</summary>
public sealed class OutboxQueries(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Messages not delivered, given up last and newest first, of the runs of <paramref name="companies"/> (null: every
    /// company).
    /// </summary>
    public async Task<IReadOnlyList<OutboxRow>> UndeliveredAsync(IReadOnlyList<long>? companies, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select o.id, o.kind, coalesce(c.handle, '-'),
                   coalesce(o.payload->>'url', (o.payload->>'to') || ': ' || (o.payload->>'subject'), ''),
                   o.attempts, o.created_at, o.next_attempt_at, o.failed_at, o.last_error
            from outbox o
            left join job_runs r on r.id = o.run_id
            left join companies c on c.id = r.company_id
            where o.delivered_at is null and (@companies::bigint[] is null or r.company_id = any(@companies))
            order by o.failed_at is not null, o.id desc
            limit 100
            """);
        command.Parameters.Add(new NpgsqlParameter("companies", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            Value = companies is null ? DBNull.Value : companies.ToArray(),
        });
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return rows;
    }

    public async Task<OutboxDepth> DepthAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select count(*) filter (where failed_at is null), count(*) filter (where failed_at is not null)
            from outbox where delivered_at is null
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxDepth(reader.GetInt64(0), reader.GetInt64(1));
    }
}
