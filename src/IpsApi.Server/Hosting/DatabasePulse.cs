using System.Diagnostics;
using Npgsql;

namespace IpsApi.Server.Hosting;

/// <summary>
/// Tells a database that does not answer from one that is merely busy: a trivial query on a connection of its own
/// (a pool of one, apart from the server's), which must come back within <see cref="Limit"/>. Callers that ask at
/// about the same time share one probe, so a crowd of slow calls costs the database a probe or two a second.
/// The probe is never cancelled, only no longer waited for: cancelling a command against a frozen server would
/// itself wait on that server (see <see cref="DatabaseConnections"/>).
/// </summary>
public sealed class DatabasePulse(string connectionString) : IAsyncDisposable
{
    /// <summary>How long the probe may take before the database counts as not answering.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    /// <summary>A probe started this recently is joined rather than another one started.</summary>
    private static readonly TimeSpan Shared = TimeSpan.FromMilliseconds(500);

    private readonly NpgsqlDataSource _dataSource = new NpgsqlDataSourceBuilder(
        new NpgsqlConnectionStringBuilder(DatabaseConnections.WithTimeouts(connectionString)) { MaxPoolSize = 1, MinPoolSize = 0 }.ConnectionString)
    { Name = "ipsapi-pulse" }.Build();

    private readonly Lock _lock = new();
    private (Task<bool> Answered, long StartedAt)? _probe;

    /// <summary>True when the database answered a probe within <see cref="Limit"/>; never waits much longer.</summary>
    public Task<bool> AnsweringAsync()
    {
        lock (_lock)
        {
            if (_probe is { } probe && Stopwatch.GetElapsedTime(probe.StartedAt) < Shared)
            {
                return probe.Answered;
            }

            var answered = ProbeAsync();
            _probe = (answered, Stopwatch.GetTimestamp());
            return answered;
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<bool> ProbeAsync()
    {
        var query = QueryAsync();
        try
        {
            await query.WaitAsync(Limit);
            return true;
        }
        catch (Exception)
        {
            // Not answered within the limit (the query goes on unobserved until the database or its timeouts end it), or failed.
            _ = query.ContinueWith(static q => _ = q.Exception, TaskScheduler.Default);
            return false;
        }
    }

    private async Task QueryAsync()
    {
        await using var command = _dataSource.CreateCommand("select 1");
        await command.ExecuteScalarAsync();
    }
}
