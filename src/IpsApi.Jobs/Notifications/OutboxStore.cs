using Npgsql;

namespace IpsApi.Jobs.Notifications;

/// <summary>A row a sender has claimed. <see cref="Attempts"/> already counts the attempt about to be made.</summary>
internal sealed record ClaimedRow(long Id, string Kind, long RunId, string Payload, int Attempts, DateTimeOffset CreatedAt);

/// <summary>
/// The outbox rows as the senders see them. Times are the database's <c>now()</c>, so several nodes with
/// slightly different clocks agree on what is due and whose lease has lapsed.
/// </summary>
internal sealed class OutboxStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Takes up to <paramref name="limit"/> due rows for this sender: <c>skip locked</c> lets senders on other nodes
    /// claim other rows at the same moment, and the lease keeps the rows away from them until it lapses.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedRow>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            with due as (
                select id from outbox
                where delivered_at is null and failed_at is null
                  and next_attempt_at <= now()
                  and (locked_until is null or locked_until <= now())
                order by next_attempt_at, id
                limit @limit
                for update skip locked
            )
            update outbox o
            set locked_until = now() + @lease, attempts = o.attempts + 1
            from due
            where o.id = due.id
            returning o.id, o.kind, o.run_id, o.payload::text, o.attempts, o.created_at
            """);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("lease", lease);
        var rows = new List<ClaimedRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ClaimedRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        return rows;
    }

    public async Task MarkDeliveredAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update outbox set delivered_at = now(), locked_until = null where id = @id");
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Records a failed attempt: the row is retried after <paramref name="retryIn"/>, or given up when the
    /// failure is permanent, the attempts are used up or the message is too old. True when given up.
    /// </summary>
    public async Task<bool> MarkFailedAsync(
        long id, string error, bool permanent, TimeSpan retryIn, int maxAttempts, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            update outbox
            set locked_until = null,
                last_error = @error,
                next_attempt_at = now() + @retryIn,
                failed_at = case when @permanent or attempts >= @maxAttempts or created_at + @maxAge <= now() + @retryIn
                                 then now() end
            where id = @id
            returning failed_at is not null
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("error", error);
        command.Parameters.AddWithValue("permanent", permanent);
        command.Parameters.AddWithValue("retryIn", retryIn);
        command.Parameters.AddWithValue("maxAttempts", maxAttempts);
        command.Parameters.AddWithValue("maxAge", maxAge);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>Hands rows back untried (shutdown, or the lease is running out): due again at once, attempt not counted.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(
            "update outbox set locked_until = null, attempts = greatest(attempts - 1, 0) where id = any(@ids) and delivered_at is null");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
