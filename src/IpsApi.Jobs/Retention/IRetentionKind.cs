namespace IpsApi.Jobs.Retention;

/// <summary>
/// One kind of row (with the files it names) that stops being needed some time after an instant of its own: a run's
/// end, a message's delivery, a link's expiry. Each kind lives with the owner of its table; the cleaner only paces
/// them.
/// </summary>
public interface IRetentionKind
{
    /// <summary>Its name in the cleaner's log lines, the ledger and <c>admin doctor</c>: "job logs".</summary>
    string Name { get; }

    /// <summary>When a row goes, as docs/OPERATIONS.md states it: "90 days after the run ended".</summary>
    string Rule { get; }

    /// <summary>False when the settings keep this kind for good.</summary>
    bool Enabled { get; }

    /// <summary>
    /// Removes what is due, a batch of at most <paramref name="batchSize"/> rows (or one folder of files) per step,
    /// each step committed on its own, and yields how many rows and files each step removed. The cleaner pauses
    /// between steps and may stop early; the sequence ends when nothing due is left.
    /// </summary>
    IAsyncEnumerable<int> PurgeAsync(int batchSize, CancellationToken cancellationToken);

    /// <summary>What is kept, and whether anything due is still waiting: for <c>admin doctor</c>.</summary>
    Task<RetentionBacklog> BacklogAsync(CancellationToken cancellationToken);
}

/// <param name="OldestKept">The instant the rule counts from (a run's end, a delivery) of the oldest row still there.</param>
/// <param name="DueSince">Since when the oldest row that is due has been due; null when none is.</param>
public sealed record RetentionBacklog(DateTimeOffset? OldestKept, DateTimeOffset? DueSince);
