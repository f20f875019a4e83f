using Npgsql;

namespace IpsApi.Server.Ops.Dashboard;

/// <summary>
/// The server's side of a dashboard session (table ops_sessions): a sign-in adds a row, sign-out removes it, and
/// every /ops request checks that its cookie's row is still there. A cookie saved before sign-out is then worth
/// nothing, on any node, although the cookie itself would still decrypt.
/// </summary>
public sealed class OpsSessions(NpgsqlDataSource db)
{
    /// <summary>The claim of the session cookie that names the row.</summary>
    public const string ClaimType = "ipsapi:ops-session";

    /// <summary>As long as the cookie's sliding life: a session idle longer has ended.</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromHours(8);

    public async Task<Guid> StartAsync(long userId, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        // Sessions that ended by idling are removed here, so the table holds only live ones and a few stragglers.
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("delete from ops_sessions where seen_at < now() - @idle")
        {
            Parameters = { new NpgsqlParameter("idle", IdleLimit) },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("insert into ops_sessions (id, user_id) values (@id, @user)")
        {
            Parameters = { new NpgsqlParameter("id", id), new NpgsqlParameter("user", userId) },
        });
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    /// <summary>Whether the session is live (and marks it seen): false once it was ended or idled out.</summary>
    public async Task<bool> TouchAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("update ops_sessions set seen_at = now() where id = @id and seen_at >= now() - @idle");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("idle", IdleLimit);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task EndAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("delete from ops_sessions where id = @id");
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
