namespace IpsApi.Server.Hosting;

/// <summary>
/// The server's settings: section "IpsApi" of appsettings.json, overridden by IPSAPI_* environment
/// variables (IPSAPI_DB, IPSAPI_PORT, ...; nested keys with a double underscore, IPSAPI_SOAP__MAXDEPTH).
/// </summary>
public sealed class ServerOptions
{
    public const string Section = "IpsApi";

    /// <summary>Npgsql connection string of the PostgreSQL database.</summary>
    public string Db { get; set; } = "";

    /// <summary>HTTP port on 127.0.0.1 unless <see cref="Urls"/> is set.</summary>
    public int Port { get; set; } = 8080;

    /// <summary>Kestrel listen addresses (e.g. "http://0.0.0.0:8080"); overrides <see cref="Port"/>.</summary>
    public string? Urls { get; set; }

    /// <summary>Folder for data the server keeps on disk (mail pickup, storage root).</summary>
    public string Data { get; set; } = ".data";

    /// <summary>Seed the demo company 47 and its user at start, and print them.</summary>
    public bool Demo { get; set; }

    /// <summary>IANA time zone for execTime without an offset and for cron schedules; empty: the machine's.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Locale of operations whose caller names none.</summary>
    public string DefaultLocale { get; set; } = "en-US";

    public SoapOptions Soap { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    public TimeZoneInfo ResolveTimeZone() =>
        string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Every problem with the settings, each as one line.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Db))
        {
            yield return "IPSAPI_DB (IpsApi:Db) is not set: give the Npgsql connection string of the database.";
        }

        if (Port is < 1 or > 65535)
        {
            yield return $"IPSAPI_PORT must be between 1 and 65535, not {Port}.";
        }

        if (!string.IsNullOrWhiteSpace(TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return $"IPSAPI_TIMEZONE '{TimeZone}' is not a known time zone.";
        }

        if (Soap.MaxRequestBytes < 1024)
        {
            yield return "IpsApi:Soap:MaxRequestBytes must be at least 1024.";
        }

        if (Auth.MaxFailedSignIns < 0 || Auth.MaxFailedSignInsPerAddress < 0 || Auth.FailureWindowSeconds < 1 || Auth.LockoutSeconds < 1)
        {
            yield return "IpsApi:Auth:MaxFailedSignIns and MaxFailedSignInsPerAddress must be 0 or more, FailureWindowSeconds and LockoutSeconds at least 1.";
        }

        if (Soap.MaxDepth is < 8 or > 10_000)
        {
            yield return "IpsApi:Soap:MaxDepth must be between 8 and 10000.";
        }

        if (Soap.CallTimeoutSeconds is < 1 or > 3600)
        {
            yield return "IpsApi:Soap:CallTimeoutSeconds must be between 1 and 3600.";
        }
    }
}

public sealed class SoapOptions
{
    /// <summary>Largest request body accepted, in bytes (after gzip decoding).</summary>
    public long MaxRequestBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted in a request.</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>
    /// Seconds a call may take (once its body is read) before the server checks that the database still answers:
    /// if it does not, the call is answered with fault 30000 then; see <see cref="DatabaseConnections"/>.
    /// </summary>
    public int CallTimeoutSeconds { get; set; } = DatabaseConnections.DefaultCallTimeoutSeconds;
}

public sealed class AuthOptions
{
    /// <summary>
    /// How long a verified user/password pair is remembered, so that a busy client does not pay the
    /// deliberately slow password hash on every call, and with it the companies the user was let into
    /// (a removed membership takes effect within this time). 0 turns the cache off.
    /// </summary>
    public int CredentialCacheSeconds { get; set; } = 60;

    /// <summary>
    /// Wrong passwords for one user name within <see cref="FailureWindowSeconds"/> before each further one makes the
    /// name wait (1 s, doubling up to <see cref="LockoutSeconds"/>); 0 turns the per-name backoff off.
    /// </summary>
    public int MaxFailedSignIns { get; set; } = 10;

    /// <summary>The same for one source address (an IPv6 client by its /64), whatever names it tries; 0: off.</summary>
    public int MaxFailedSignInsPerAddress { get; set; } = 50;

    /// <summary>The window in which failed sign-ins are counted.</summary>
    public int FailureWindowSeconds { get; set; } = 900;

    /// <summary>The longest wait a name or address backs off to, even for the right password.</summary>
    public int LockoutSeconds { get; set; } = 300;
}
