using System.Net;
using System.Net.Sockets;
using IpsApi.Server.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IpsApi.Server.Auth;

/// <summary>
/// Slows password guessing without locking anyone out for good. Wrong passwords are counted per user name and per
/// source address within <see cref="AuthOptions.FailureWindowSeconds"/>; past <see cref="AuthOptions.MaxFailedSignIns"/>
/// for a name (or <see cref="AuthOptions.MaxFailedSignInsPerAddress"/> for an address) each further failure makes that
/// name or address wait before its next try is even checked: 1 s, then 2, 4, 8... up to
/// <see cref="AuthOptions.LockoutSeconds"/>. Tries during a wait are refused without counting, so a guesser cannot
/// keep a name waiting longer than that ceiling per failure, and the owner gets in at the next free moment.
/// Kept in PostgreSQL so the waits hold on every node; every row expires and is purged as failures come in.
/// </summary>
public sealed class LoginThrottle(NpgsqlDataSource db, IOptions<ServerOptions> options)
{
    private readonly AuthOptions _auth = options.Value.Auth;

    public bool Enabled => _auth.MaxFailedSignIns > 0 || _auth.MaxFailedSignInsPerAddress > 0;

    /// <summary>Seconds until <paramref name="email"/> from <paramref name="address"/> may try again, or null when it may now.</summary>
    public async Task<int?> WaitSecondsAsync(string email, IPAddress? address, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return null;
        }

        await using var command = db.CreateCommand(
            """
            select max(ceil(extract(epoch from blocked_until - now())))::int from sign_in_failures
            where key = any(@keys) and blocked_until > now()
            """);
        command.Parameters.AddWithValue("keys", Keys(email, address));
        return await command.ExecuteScalarAsync(cancellationToken) is int seconds ? Math.Max(seconds, 1) : null;
    }

    /// <summary>Counts a wrong password (or unknown name) for the name and the address; purges expired counts.</summary>
    public async Task RecordFailureAsync(string email, IPAddress? address, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        // One statement per key, so two nodes counting at once never lose a failure. A window that has passed starts
        // again. The wait after the n-th failure past the free ones is 2^(n-1) s, capped.
        await using var batch = db.CreateBatch();
        foreach (var (key, free) in new[] { (NameKey(email), _auth.MaxFailedSignIns), (AddressKey(address), _auth.MaxFailedSignInsPerAddress) })
        {
            if (free <= 0 || key is null)
            {
                continue;
            }

            var upsert = new NpgsqlBatchCommand(
                """
                insert into sign_in_failures as f (key, failures, first_failure_at, blocked_until, expires_at)
                values (@key, 1, now(), case when @free <= 1 then now() + interval '1 second' end, now() + @keep)
                on conflict (key) do update set
                    failures = case when f.first_failure_at < now() - @window then 1 else f.failures + 1 end,
                    first_failure_at = case when f.first_failure_at < now() - @window then now() else f.first_failure_at end,
                    blocked_until = case
                        when (case when f.first_failure_at < now() - @window then 1 else f.failures + 1 end) >= @free
                        then now() + least(@ceiling, make_interval(secs => power(2, least(
                            (case when f.first_failure_at < now() - @window then 1 else f.failures + 1 end) - @free, 30))))
                        end,
                    expires_at = now() + @keep
                """);
            upsert.Parameters.AddWithValue("key", key);
            upsert.Parameters.AddWithValue("free", free);
            upsert.Parameters.AddWithValue("window", TimeSpan.FromSeconds(_auth.FailureWindowSeconds));
            upsert.Parameters.AddWithValue("ceiling", TimeSpan.FromSeconds(_auth.LockoutSeconds));
            upsert.Parameters.AddWithValue("keep", TimeSpan.FromSeconds(Math.Max(_auth.FailureWindowSeconds, _auth.LockoutSeconds)));
            batch.BatchCommands.Add(upsert);
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "delete from sign_in_failures where key in (select key from sign_in_failures where expires_at < now() limit 100)"));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A successful sign-in forgets the name's failures (not the address's: one right password says nothing of its other tries).</summary>
    public async Task ForgetAsync(string email, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        await using var command = db.CreateCommand("delete from sign_in_failures where key = @key");
        command.Parameters.AddWithValue("key", NameKey(email));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string[] Keys(string email, IPAddress? address) =>
        AddressKey(address) is { } addressKey ? [NameKey(email), addressKey] : [NameKey(email)];

    private static string NameKey(string email) => "name:" + email.Trim().ToLowerInvariant();

    /// <summary>An IPv4 client by its address; an IPv6 client by its /64, since one host commonly has a whole /64.</summary>
    private static string? AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return $"address:{new IPAddress(bytes)}/64";
        }

        return $"address:{address}";
    }
}
