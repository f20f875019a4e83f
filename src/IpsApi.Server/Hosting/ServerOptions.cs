using IpsApi.Server.Delivery;

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

    /// <summary>
    /// How clients reach this server (https://ips.example.com behind a proxy): the WSDL's service address and the
    /// exportJob links. Unset: the WSDL names the host the client used when it is one of <see cref="AllowedHosts"/>.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Host names the WSDL may take from a request (names, *.domain, addresses, CIDR ranges; comma-separated).</summary>
    public string? AllowedHosts { get; set; }

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

    /// <summary>Where the dashboard listens: never on the main listener, which serves uploaded files (see <see cref="Listeners"/>).</summary>
    public OpsListenerOptions Ops { get; set; } = new();

    public DataProtectionSettings DataProtection { get; set; } = new();

    /// <summary>Bound here too so that its settings are checked at start with the others.</summary>
    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary>The main listener's addresses: <see cref="Urls"/>, or <see cref="Port"/> on 127.0.0.1.</summary>
    public string MainUrls() => string.IsNullOrWhiteSpace(Urls) ? $"http://127.0.0.1:{Port}" : Urls;

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

        if (!string.IsNullOrWhiteSpace(PublicUrl)
            && (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var publicUrl) || publicUrl.Scheme is not ("http" or "https")
                || publicUrl.Query.Length > 0 || publicUrl.Fragment.Length > 0))
        {
            yield return $"IPSAPI_PUBLICURL '{PublicUrl}' is not an absolute http or https URL without query (e.g. https://ips.example.com).";
        }

        foreach (var problem in Hosting.AllowedHosts.Problems(AllowedHosts))
        {
            yield return problem;
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

        if (DataProtection.Secret is { Length: > 0 and < 16 })
        {
            yield return "IPSAPI_DATAPROTECTION__SECRET must be at least 16 characters (a long random text, the same on every node).";
        }

        foreach (var problem in Delivery.Validate().Concat(ListenProblems()))
        {
            yield return problem;
        }
    }

    private IEnumerable<string> ListenProblems()
    {
        if (Ops.Port is < 0 or > 65535)
        {
            yield return $"IPSAPI_OPS__PORT must be between 0 and 65535, not {Ops.Port}.";
            yield break;
        }

        var problems = new List<string>();
        var main = ListenAddress.ParseList(MainUrls(), why => problems.Add($"IPSAPI_URLS: {why}."));
        var ops = ListenAddress.ParseList(Ops.ListenUrls(), why => problems.Add($"IPSAPI_OPS__URLS: {why}."));
        if (problems.Count == 0 && ops.Count == 0)
        {
            problems.Add("IPSAPI_OPS__URLS names no address: the dashboard needs a listener of its own.");
        }

        foreach (var clash in ops.Where(o => main.Any(m => m.Overlaps(o))))
        {
            problems.Add($"The dashboard's port {clash.Port} is also a port of IPSAPI_URLS: give it a port of its own (IPSAPI_OPS__PORT or IPSAPI_OPS__URLS), "
                + "so that uploaded files served on the main port never share the dashboard's origin.");
        }

        foreach (var problem in problems)
        {
            yield return problem;
        }
    }
}

public sealed class OpsListenerOptions
{
    /// <summary>The dashboard's port on 127.0.0.1 unless <see cref="Urls"/> is set.</summary>
    public int Port { get; set; } = 8090;

    /// <summary>The dashboard's listen addresses (e.g. "http://0.0.0.0:8090"); overrides <see cref="Port"/>.</summary>
    public string? Urls { get; set; }

    public string ListenUrls() => string.IsNullOrWhiteSpace(Urls) ? $"http://127.0.0.1:{Port}" : Urls;
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
