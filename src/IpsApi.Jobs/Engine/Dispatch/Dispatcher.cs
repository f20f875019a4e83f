using System.Collections.Concurrent;
using IpsApi.Jobs.Database;
using IpsApi.Jobs.Engine.Cluster;
using IpsApi.Jobs.Engine.Queue;
using IpsApi.Jobs.Engine.Running;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IpsApi.Jobs.Engine.Dispatch;

/// <summary>
/// This node's engine: while it has free run slots it claims waiting jobs from the dispatch queue (a batch in one
/// statement) and runs each with the <see cref="JobRunner"/>. It wakes when a job is queued here, when another
/// node queues one (PostgreSQL NOTIFY), when a run ends, and once a second in any case. Once a second it also hands
/// back the jobs of nodes that are no longer alive (<see cref="ClusterLiveness"/>). At start it hands back what a node
/// of its name held before, and claims nothing until the cluster counts it as alive; at shutdown it hands back the runs
/// it stopped.
/// </summary>
public sealed class Dispatcher(
    DispatchQueue queue,
    ClusterLiveness cluster,
    JobRunner runner,
    DispatchSignal signal,
    NpgsqlDataSource dataSource,
    IOptions<SchedulerOptions> options,
    TimeProvider clock,
    ILogger<Dispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    // Keyed by a number of its own, not the job: a job asked to run again is claimed anew while its last run's task ends.
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private long _started;
    private volatile bool _standby;

    private string Node => options.Value.NodeName;

    /// <summary>Stops claiming new jobs (runs under way go on), as Quartz's standby does; <see cref="Resume"/> undoes it.</summary>
    public void Standby() => _standby = true;

    public void Resume()
    {
        _standby = false;
        signal.Pulse();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stopping = stoppingToken;
        var listening = ListenAsync(stopping);
        try
        {
            await RecoverOwnAsync(stopping);
            var nextTakeOver = DateTimeOffset.MinValue;
            var checkedIn = false;
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    if (clock.GetUtcNow() >= nextTakeOver)
                    {
                        // Once a second, not once a check-in interval: a dead node's jobs move as soon as it counts as dead.
                        var now = clock.GetUtcNow();
                        nextTakeOver = now + PollInterval;
                        var alive = await cluster.AliveAsync(now, stopping);
                        // No claim before the cluster counts this node as alive: the others hand back what a node they
                        // count as dead holds, and Quartz checks in only once the host has started, so until then a node
                        // restarted under its name still shows the stale check-in of its last life, and a job it claimed
                        // would be run by another node too.
                        checkedIn = checkedIn || alive.Contains(Node, StringComparer.Ordinal);
                        var dead = await queue.TakeOverAsync(Node, alive, stopping);
                        if (dead.Count > 0)
                        {
                            logger.LogWarning("Jobs of node(s) {Nodes}, which stopped checking in, are queued again", dead);
                        }
                    }

                    var free = options.Value.MaxConcurrentRuns - _running.Count;
                    if (!_standby && checkedIn && free > 0)
                    {
                        foreach (var claim in await queue.ClaimAsync(Node, free, stopping))
                        {
                            Start(claim, stopping);
                        }
                    }
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Could not claim queued jobs; trying again shortly");
                    await Task.Delay(PollInterval, stopping);
                }

                await signal.WaitAsync(PollInterval, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }

        // Every run saw the same token: each stops at a safe point, and what it held goes back to the queue.
        await Task.WhenAll(_running.Values);
        await listening;
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await queue.ReleaseAsync(Node, null, limit.Token);
        }
        catch (Exception e)
        {
            // The next start of a node of this name, or another node's takeover, hands them back instead.
            logger.LogWarning(e, "Could not hand back this node's queued jobs at shutdown");
        }
    }

    /// <summary>A node restarted under its name takes back at once what it held when it stopped.</summary>
    private async Task RecoverOwnAsync(CancellationToken stopping)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var released = await queue.ReleaseAsync(Node, null, stopping);
                if (released > 0)
                {
                    logger.LogWarning("{Count} job(s) this node held when it stopped are queued again", released);
                }

                return;
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                var pause = Backoff.DatabaseRetry(attempt);
                logger.LogWarning(e, "Could not reach the database to recover this node's jobs; trying again in {Pause}", pause);
                await Task.Delay(pause, stopping);
            }
        }
    }

    private void Start(ClaimedRun claim, CancellationToken stopping)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var key = Interlocked.Increment(ref _started);
        _running[key] = ended.Task;
        _ = Task.Run(async () =>
        {
            try
            {
                await RunClaimAsync(claim, stopping);
            }
            finally
            {
                _running.TryRemove(key, out _);
                ended.SetResult();
                signal.Pulse();
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// Runs a claimed job. When the database fails under the run, the same claim runs again after a pause (longer
    /// each time) once it is back, unless the run's close had committed; that next run closes the cut one as
    /// interrupted. Anything else unexpected hands the job back to the queue after a pause.
    /// </summary>
    private async Task RunClaimAsync(ClaimedRun claim, CancellationToken stopping)
    {
        for (var attempt = claim; ; attempt = attempt.Retried())
        {
            try
            {
                await runner.RunAsync(attempt, stopping);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (DatabaseOutage.Is(e))
            {
                var pause = Backoff.DatabaseRetry(attempt.Retry + 1);
                logger.LogWarning(e, "Run of job {JobId} could not reach the database; running it again in {Pause}", claim.JobId, pause);
                if (!await PauseThenStillHeldAsync(claim, attempt.Retry + 1, stopping))
                {
                    return;
                }
            }
            catch (Exception e)
            {
                logger.LogError(e, "Run of job {JobId} failed outside its executor; queued again in 10 s", claim.JobId);
                await Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None);
                await claim.HandBackAsync(CancellationToken.None);
                return;
            }
        }
    }

    /// <summary>
    /// After a pause (longer for each failure so far): whether this node still holds the claim, i.e. the cut run's
    /// close did not commit.
    /// </summary>
    private static async Task<bool> PauseThenStillHeldAsync(ClaimedRun claim, int failures, CancellationToken stopping)
    {
        for (; ; failures++)
        {
            try
            {
                await Task.Delay(Backoff.DatabaseRetry(failures), stopping);
                return await claim.StillHeldAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e) when (DatabaseOutage.Is(e))
            {
                // Still away: wait longer.
            }
        }
    }

    /// <summary>LISTENs on the queue's channel so that jobs queued on other nodes start here at once.</summary>
    private async Task ListenAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stopping);
                connection.Notification += (_, _) => signal.Pulse();
                await using (var listen = new NpgsqlCommand($"listen {DispatchQueue.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping);
                }

                // Whatever was queued while not listening.
                signal.Pulse();
                while (true)
                {
                    await connection.WaitAsync(stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "Listening for queued jobs failed; listening again shortly");
                try
                {
                    await Task.Delay(PollInterval, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
