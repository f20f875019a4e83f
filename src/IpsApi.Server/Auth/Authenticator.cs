using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Hosting;
using IpsApi.Server.Soap;
using Microsoft.Extensions.Options;

namespace IpsApi.Server.Auth;

/// <summary>
/// Turns authHeader user/password (or HTTP Basic) into a user. Passwords are checked against the slow
/// salted hash; a pair that checked out is remembered for a short while under a keyed digest, so a busy
/// client pays the hash once a minute instead of on every call, and the cache never holds a password.
/// Wrong passwords are counted per user name and per source address by <see cref="LoginThrottle"/>, which makes a name
/// or address guessed from too often wait, longer and longer. An unknown user and a wrong password take the same
/// steps (a wait check, a lookup, one slow hash, one failure recorded), so neither the answer nor its timing tells
/// which emails exist. A disabled user is refused (10002) only once its password checked out, for the same reason.
/// </summary>
public sealed class Authenticator(
    AccountStore accounts, LoginThrottle throttle, IHttpContextAccessor http, IOptions<ServerOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (User User, DateTimeOffset Until)> _verified = new();
    private readonly byte[] _cacheKey = RandomNumberGenerator.GetBytes(32);
    private readonly TimeSpan _cacheFor = TimeSpan.FromSeconds(options.Value.Auth.CredentialCacheSeconds);

    public async Task<User> AuthenticateAsync(AuthHeaderValues header, string? authorization, CancellationToken cancellationToken)
    {
        var (email, password) = Credentials(header, authorization);
        var cacheKey = CacheKey(email, password);
        var now = clock.GetUtcNow();
        if (_cacheFor > TimeSpan.Zero && _verified.TryGetValue(cacheKey, out var hit) && hit.Until > now)
        {
            // The slow hash is what the cache saves; the user itself is read again (one primary-key lookup), so a user
            // disabled, deleted or given another role is treated so at once on every node.
            var current = await accounts.FindUserByIdAsync(hit.User.Id, cancellationToken);
            if (current is null || !string.Equals(current.Email, hit.User.Email, StringComparison.OrdinalIgnoreCase))
            {
                _verified.TryRemove(cacheKey, out _);
                throw IpsFaultException.InvalidCredentials();
            }

            if (!current.Active)
            {
                _verified.TryRemove(cacheKey, out _);
                throw IpsFaultException.InvalidUser();
            }

            return current;
        }

        // The address the request came from, as the forwarded-headers setup established it (trusted proxies only).
        var address = http.HttpContext?.Connection.RemoteIpAddress;
        if (await throttle.WaitSecondsAsync(email, address, cancellationToken) is { } seconds)
        {
            throw new IpsFaultException(FaultKind.Authentication, 10001,
                $"Invalid credentials: too many failed sign-ins for this user; try again in {seconds} s");
        }

        var found = await accounts.FindUserByEmailAsync(email, cancellationToken);
        // An unknown user is checked against a dummy hash: the same work as a wrong password.
        if (!PasswordHasher.Verify(password, found?.PasswordHash ?? DummyHash.Value) || found is not { } account)
        {
            await throttle.RecordFailureAsync(email, address, cancellationToken);
            throw IpsFaultException.InvalidCredentials();
        }

        await throttle.ForgetAsync(email, cancellationToken);

        if (!account.User.Active)
        {
            throw IpsFaultException.InvalidUser();
        }

        if (_cacheFor > TimeSpan.Zero)
        {
            if (_verified.Count > 10_000)
            {
                _verified.Clear();
            }

            _verified[cacheKey] = (account.User, now + _cacheFor);
        }

        return account.User;
    }

    private static (string Email, string Password) Credentials(AuthHeaderValues header, string? authorization)
    {
        if (!string.IsNullOrEmpty(header.User))
        {
            return (header.User, header.Password ?? "");
        }

        if (authorization is not null && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
            }
            catch (FormatException)
            {
                throw IpsFaultException.InvalidCredentials();
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw IpsFaultException.InvalidCredentials();
            }

            return (decoded[..colon], decoded[(colon + 1)..]);
        }

        if (!string.IsNullOrEmpty(header.AccessToken))
        {
            throw new IpsFaultException(FaultKind.Authentication, 10001,
                "Invalid credentials: access tokens are not supported by this server; send user and password");
        }

        throw IpsFaultException.NoCredentials();
    }

    private string CacheKey(string email, string password)
    {
        var material = Encoding.UTF8.GetBytes(email.ToUpperInvariant() + "\0" + password);
        return Convert.ToBase64String(HMACSHA256.HashData(_cacheKey, material));
    }

    private static readonly Lazy<string> DummyHash = new(() => PasswordHasher.Hash(Guid.NewGuid().ToString()));
}
