using IpsApi.Jobs.Store;
using Npgsql;

namespace IpsApi.Jobs.Engine.Queue;

/// <summary>
/// A job this node claimed from the queue, which owns the claim's ending: its row goes (or waits again) in the
/// transaction that closes the run (<see cref="FinishCommands"/>), goes at once when the job no longer exists
/// (<see cref="DropAsync"/>), or is handed back to waiting (<see cref="HandBackAsync"/>). It also carries what the
/// run needs to know about the firing, and the job as it was read with the claim.
/// </summary>
public sealed class ClaimedRun
{
    private readonly DispatchQueue _queue;

    internal ClaimedRun(
        DispatchQueue queue, string node, long jobId, DateTimeOffset queuedAt, bool recovering, int attempt, int retry, JobRecord? job)
    {
        _queue = queue;
        Node = node;
        JobId = jobId;
        QueuedAt = queuedAt;
        Recovering = recovering;
        Attempt = attempt;
        Retry = retry;
        Job = job;
    }

    /// <summary>The node that holds the claim.</summary>
    public string Node { get; }

    public long JobId { get; }

    /// <summary>When the job was due: the run's trigger time.</summary>
    public DateTimeOffset QueuedAt { get; }

    /// <summary>The job was handed back by a node that died or stopped: its run is a recovery.</summary>
    public bool Recovering { get; }

    /// <summary>How many times the row has been claimed.</summary>
    public int Attempt { get; }

    /// <summary>How many times this claim was run again after the database failed under it.</summary>
    public int Retry { get; }

    /// <summary>The job as read with the claim; null for a retry, which reads it again (its checkpoint may have moved).</summary>
    public JobRecord? Job { get; }

    /// <summary>
    /// The run's fire instance id: one per claim, and per retry of a claim after the database failed under it,
    /// so each attempt is a run of its own.
    /// </summary>
    public string FireInstanceId => Retry == 0 ? $"{Node}/{JobId}/{Attempt}" : $"{Node}/{JobId}/{Attempt}.{Retry}";

    /// <summary>The same claim, to be run again after the database failed under it.</summary>
    public ClaimedRun Retried() => new(_queue, Node, JobId, QueuedAt, Recovering, Attempt, Retry + 1, null);

    /// <summary>
    /// The statements that end the claim, for the transaction that closes its run: the row goes, or waits again when a
    /// further run was asked for meanwhile.
    /// </summary>
    public IEnumerable<NpgsqlBatchCommand> FinishCommands() => DispatchQueue.Finish(Node, JobId);

    /// <summary>Ends the claim of a job that no longer exists (deleted after it was queued): nothing was run.</summary>
    public Task DropAsync(CancellationToken cancellationToken) => _queue.DropAsync(Node, JobId, cancellationToken);

    /// <summary>Hands the job back to waiting, marked recovering, for this node or another to claim.</summary>
    public Task HandBackAsync(CancellationToken cancellationToken) => _queue.ReleaseAsync(Node, JobId, cancellationToken);

    /// <summary>Whether this node still holds the claim: false once its run's close has committed.</summary>
    public Task<bool> StillHeldAsync(CancellationToken cancellationToken) => _queue.HoldsAsync(Node, JobId, cancellationToken);
}
