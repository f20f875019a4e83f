using Npgsql;

namespace IpsApi.Server.Hosting;

/// <summary>
/// How long the server waits for PostgreSQL, all in one place. A database that stops answering without closing
/// its port (a frozen host, a dead network path) must neither hold SOAP callers nor leave dead connections in the
/// pool; a database that is merely busy must not fail the long work of job runs.
/// <list type="bullet">
/// <item>Connections (the pooled data source and Quartz's job store) get the defaults below for every setting
/// the connection string does not name itself: opening a connection, or waiting for a free one in the pool, gives
/// up after <see cref="ConnectTimeoutSeconds"/> instead of Npgsql's 15 s; TCP keepalive lets the kernel find a
/// connection whose network path died, so Npgsql drops it instead of handing it out again to hang the next
/// command.</item>
/// <item>No global Command Timeout: job executors, migrations, asset ingest and publishing run commands that may
/// legitimately take long, and a short timeout for all would fail them whenever the database is slow. Npgsql's
/// own 30 s (or the connection string's) stays their bound.</item>
/// <item>A SOAP call has a deadline of its own instead (IpsApi:Soap:CallTimeoutSeconds, default
/// <see cref="DefaultCallTimeoutSeconds"/>). Past it, the gateway asks <see cref="DatabasePulse"/> whether the
/// database still answers a trivial query within a second: if it does, the call is merely slow (a busy database,
/// a contended lock) and goes on, as a job submitted under load must not fail for being slow; if it does not, the
/// caller gets fault 30000 at once, about a second after the deadline, and the call is cancelled in the background.
/// This cannot be left to Npgsql: a cancelled or timed-out command against a frozen server first sends a cancel
/// request that itself waits on that server, and a cancellation that arrives while a pooled connection's reset is
/// still unanswered is put off, so the command would hold the caller for its 30 s Command Timeout and more.</item>
/// </list>
/// </summary>
public static class DatabaseConnections
{
    /// <summary>Opening a connection, or waiting for one from the pool (Npgsql <c>Timeout</c>; its default is 15).</summary>
    public const int ConnectTimeoutSeconds = 5;

    /// <summary>Idle seconds before the kernel probes a connection (Npgsql <c>Tcp Keepalive Time</c>; off by default).</summary>
    public const int TcpKeepaliveSeconds = 10;

    /// <summary>
    /// Seconds between unanswered probes (Npgsql <c>Tcp Keepalive Interval</c>): with Linux's 9 probes a dead path
    /// is found after 10 + 9 × 3 = 37 s of silence.
    /// </summary>
    public const int TcpKeepaliveIntervalSeconds = 3;

    /// <summary>How long a SOAP call may take before the server checks whether the database still answers.</summary>
    public const int DefaultCallTimeoutSeconds = 3;

    /// <summary>The connection string with the defaults above filled in where it does not set them itself.</summary>
    public static string WithTimeouts(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        // The builder keeps only the keywords the string named, under their canonical names (synonyms folded).
        var named = settings.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!named.Contains(Keyword(s => s.Timeout = 1)))
        {
            settings.Timeout = ConnectTimeoutSeconds;
        }

        if (!named.Contains(Keyword(s => s.TcpKeepAlive = true))
            && !named.Contains(Keyword(s => s.TcpKeepAliveTime = 1))
            && !named.Contains(Keyword(s => s.TcpKeepAliveInterval = 1)))
        {
            settings.TcpKeepAliveTime = TcpKeepaliveSeconds;
            settings.TcpKeepAliveInterval = TcpKeepaliveIntervalSeconds;
        }

        return settings.ConnectionString;
    }

    /// <summary>
    /// Statements the server's pool prepares once it has run them a few times (Npgsql <c>Max Auto Prepare</c>; off by
    /// default): the same few dozen statements submit, claim, open and close every job, and PostgreSQL then skips
    /// parsing and planning them. Prepared statements outlive a connection's return to the pool.
    /// </summary>
    public const int AutoPreparedStatements = 64;

    /// <summary>The server's pooled data source, with <see cref="WithTimeouts"/> and <see cref="AutoPreparedStatements"/>.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(WithTimeouts(connectionString));
        if (!settings.Keys.Contains(Keyword(s => s.MaxAutoPrepare = 1), StringComparer.OrdinalIgnoreCase))
        {
            settings.MaxAutoPrepare = AutoPreparedStatements;
        }

        return new NpgsqlDataSourceBuilder(settings.ConnectionString) { Name = "ipsapi" }.Build();
    }

    /// <summary>The canonical keyword of the one setting <paramref name="set"/> changes.</summary>
    private static string Keyword(Action<NpgsqlConnectionStringBuilder> set)
    {
        var probe = new NpgsqlConnectionStringBuilder();
        set(probe);
        return probe.Keys.Single();
    }
}
