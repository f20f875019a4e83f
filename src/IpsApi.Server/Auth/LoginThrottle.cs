using IpsApi.Server.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IpsApi.Server.Auth;

/// <summary>
/// Slows password guessing: after <see cref="AuthOptions.MaxFailedSignIns"/> wrong passwords for one user name
/// within <see cref="AuthOptions.FailureWindowSeconds"/>, that name is locked for <see cref="AuthOptions.LockoutSeconds"/>
/// (even the right password is refused meanwhile). Kept in PostgreSQL so the lock holds on every node.
/// </summary>
public sealed class LoginThrottle(NpgsqlDataSource db, IOptions<ServerOptions> options)
{
    private readonly AuthOptions _auth = options.Value.Auth;

    public bool Enabled => _auth.MaxFailedSignIns > 0;

    /// <summary>Seconds until <paramref name="email"/> may try again, or null when it is not locked.</summary>
    public async Task<int?> LockedForAsync(string email, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return null;
        }

        await using var command = db.CreateCommand(
            "select ceil(extract(epoch from locked_until - now()))::int from login_failures where email = @email and locked_until > now()");
        command.Parameters.AddWithValue("email", Key(email));
        return await command.ExecuteScalarAsync(cancellationToken) is int seconds ? Math.Max(seconds, 1) : null;
    }

    /// <summary>Counts a wrong password; the failure that reaches the limit locks the name.</summary>
    public async Task RecordFailureAsync(string email, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        // One statement, so two nodes counting at once never lose a failure. A window that has passed starts again.
        await using var command = db.CreateCommand(
            """
            insert into login_failures as f (email, failures, first_failure_at, locked_until)
            values (@email, 1, now(), case when @max <= 1 then now() + @lockout end)
            on conflict (email) do update set
                failures = case when f.first_failure_at < now() - @window then 1 else f.failures + 1 end,
                first_failure_at = case when f.first_failure_at < now() - @window then now() else f.first_failure_at end,
                locked_until = case
                    when f.locked_until > now() then f.locked_until
                    when (case when f.first_failure_at < now() - @window then 1 else f.failures + 1 end) >= @max then now() + @lockout
                    else null end
            """);
        command.Parameters.AddWithValue("email", Key(email));
        command.Parameters.AddWithValue("max", _auth.MaxFailedSignIns);
        command.Parameters.AddWithValue("window", TimeSpan.FromSeconds(_auth.FailureWindowSeconds));
        command.Parameters.AddWithValue("lockout", TimeSpan.FromSeconds(_auth.LockoutSeconds));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A successful sign-in forgets earlier failures.</summary>
    public async Task ForgetAsync(string email, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        await using var command = db.CreateCommand("delete from login_failures where email = @email");
        command.Parameters.AddWithValue("email", Key(email));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Key(string email) => email.Trim().ToLowerInvariant();
}
