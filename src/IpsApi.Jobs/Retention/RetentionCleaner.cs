using System.Diagnostics;
using IpsApi.Jobs.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IpsApi.Jobs.Retention;

/// <summary>What one pass removed of one kind, and whether it removed everything that was due.</summary>
public sealed record RetentionKindResult(string Kind, long Removed, bool CaughtUp);

/// <summary>
/// Removes what has served its time (<see cref="IRetentionKind"/>), on one node of the cluster at a time: every node
/// looks once a minute, and the one that takes a PostgreSQL advisory lock runs the pass when the ledger says one is
/// due. A pass works in small batches, each its own short transaction, and rests as long as each batch took, so it
/// never holds locks that submits and runs wait for and takes at most about half of one connection's time. A pass
/// stops after <see cref="RetentionOptions.MaxPassMinutes"/>; the next one carries on.
/// </summary>
public sealed class RetentionCleaner(
    NpgsqlDataSource dataSource,
    IEnumerable<IRetentionKind> kinds,
    RetentionLedger ledger,
    IOptions<RetentionOptions> options,
    IOptions<SchedulerOptions> scheduler,
    ILogger<RetentionCleaner> logger) : BackgroundService
{
    /// <summary>The advisory lock a node holds while it cleans. Any constant works as long as every node uses the same one (the migrations use 0x1B5A_0001).</summary>
    public const long LockKey = 0x1B5A_0002;
    private static readonly TimeSpan Look = TimeSpan.FromMinutes(1);

    private readonly IReadOnlyList<IRetentionKind> _kinds = kinds.ToList();

    public IReadOnlyList<IRetentionKind> Kinds => _kinds;

    /// <summary>
    /// Runs a pass if this node gets the cleaner's lock and (unless <paramref name="evenIfNotDue"/>) the ledger says one
    /// is due. Null when another node holds the lock or no pass is due.
    /// </summary>
    public async Task<IReadOnlyList<RetentionKindResult>?> RunPassAsync(bool evenIfNotDue, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // The lock belongs to this connection's session: held while the pass runs, gone with the session if the node dies.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var tryLock = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection))
        {
            tryLock.Parameters.AddWithValue("key", LockKey);
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return null;
            }
        }

        try
        {
            if (!evenIfNotDue && !await ledger.PassDueAsync(TimeSpan.FromMinutes(settings.IntervalMinutes), cancellationToken))
            {
                return null;
            }

            return await PassAsync(settings, cancellationToken);
        }
        finally
        {
            // Explicitly: a pooled connection keeps its session, and the lock with it, until it is used again.
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", LockKey);
            try
            {
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // A broken connection has ended its session, and the lock with it.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        // Nodes started together do not all knock at the same moment.
        await Task.Delay(TimeSpan.FromSeconds(Random.Shared.Next(5, 60)), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPassAsync(evenIfNotDue: false, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong (the database away, a file that would not go), this node keeps its turn next time.
                logger.LogWarning(e, "Retention pass failed; the next one carries on");
            }

            await Task.Delay(Look, stoppingToken);
        }
    }

    private async Task<IReadOnlyList<RetentionKindResult>> PassAsync(RetentionOptions settings, CancellationToken cancellationToken)
    {
        var node = scheduler.Value.NodeName;
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromMinutes(settings.MaxPassMinutes);
        await ledger.BeginAsync(RetentionLedger.Pass, node, cancellationToken);
        var results = new List<RetentionKindResult>();
        foreach (var kind in _kinds.Where(k => k.Enabled))
        {
            await ledger.BeginAsync(kind.Name, node, cancellationToken);
            long removed = 0;
            var caughtUp = true;
            await using (var steps = kind.PurgeAsync(settings.BatchSize, cancellationToken).GetAsyncEnumerator(cancellationToken))
            {
                while (true)
                {
                    if (clock.Elapsed >= deadline)
                    {
                        caughtUp = false;
                        break;
                    }

                    var step = Stopwatch.StartNew();
                    if (!await steps.MoveNextAsync())
                    {
                        break;
                    }

                    removed += steps.Current;
                    // Rest as long as the step took: the cleaner yields the database to submits and runs at least half the time.
                    await Task.Delay(step.Elapsed, cancellationToken);
                }
            }

            await ledger.EndAsync(kind.Name, removed, caughtUp, cancellationToken);
            results.Add(new RetentionKindResult(kind.Name, removed, caughtUp));
        }

        var total = results.Sum(r => r.Removed);
        var allCaughtUp = results.All(r => r.CaughtUp);
        await ledger.EndAsync(RetentionLedger.Pass, total, allCaughtUp, cancellationToken);
        if (total > 0 || !allCaughtUp)
        {
            logger.LogInformation("Retention pass removed {Removed} in {Seconds:0.0} s{Rest}: {Kinds}", total, clock.Elapsed.TotalSeconds,
                allCaughtUp ? "" : ", the rest in the next pass",
                string.Join(", ", results.Where(r => r.Removed > 0 || !r.CaughtUp).Select(r => $"{r.Kind} {r.Removed}")));
        }

        return results;
    }
}
