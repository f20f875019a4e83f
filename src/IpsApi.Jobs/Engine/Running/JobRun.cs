using System.Globalization;
using IpsApi.Jobs.Handles;
using IpsApi.Jobs.Store;

namespace IpsApi.Jobs.Engine.Running;

/// <summary>
/// One run as its executor sees it: the job, the run's identity, and the two ways to report: the job log
/// (details and counts, what clients read) and progress (what getActiveJobs shows while it runs).
/// </summary>
/// <param name="cutRunId">The run this one takes over (cut short when its node died or lost the database); null if none.</param>
public sealed class JobRun(
    JobRecord job, long runId, string instanceName, string serverName, JobLogWriter log, RunStore runs, JobStore jobs,
    long? cutRunId = null)
{
    private DateTimeOffset _lastProgressWrite = DateTimeOffset.MinValue;

    public JobRecord Job { get; } = job;

    public long RunId { get; } = runId;

    public string InstanceName { get; } = instanceName;

    public string ServerName { get; } = serverName;

    public JobHandle Handle => new(Job.Company.Handle, Job.Name, InstanceName, RunId);

    public JobLogWriter Log { get; } = log;

    /// <summary>
    /// The log types of the records a resumable item loop carried over from the cut run this run took over (the items
    /// that run finished), in their order; they are in this run's log and counts. Null when nothing was carried.
    /// </summary>
    public IReadOnlyList<string>? Carried { get; private set; }

    /// <summary>
    /// Where the job's last run stopped when it was paused or its node died; null when this run starts afresh.
    /// </summary>
    public string? Checkpoint => Job.Checkpoint;

    /// <summary>
    /// Remembers how far this run got, in the executor's own terms (an index, a file name), so that after a pause
    /// the resuming run (after a pause, or after its node died) can skip what is done. A run that ends done,
    /// failed or stopped clears it.
    /// </summary>
    public Task SaveCheckpointAsync(string checkpoint, CancellationToken cancellationToken) =>
        jobs.SaveCheckpointAsync(Job.Id, checkpoint, cancellationToken);

    /// <summary>
    /// Overall progress, 0-100, with a message. Written at most twice a second (and always at 100),
    /// so a tight loop over many small files does not turn into database load.
    /// </summary>
    public async Task ReportProgressAsync(int percent, string message, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        if (percent < 100 && now - _lastProgressWrite < TimeSpan.FromMilliseconds(500))
        {
            return;
        }

        _lastProgressWrite = now;
        await runs.UpdateProgressAsync(RunId, Math.Clamp(percent, 0, 100), message, cancellationToken);
    }

    /// <summary>
    /// The loop of every executor that works through a list of items: records how many there are (TotalFileCount),
    /// checks the token before each item (stop, pause, shutdown), does the item, and reports progress and the
    /// TaskProgress entry ("3 of 10 images") at most twice a second and always after the last item. Items before
    /// <see cref="ItemLoop.Start"/> (done by the run this one resumes) are counted as done and not done again. A
    /// <see cref="ItemLoop.Resumable"/> loop keeps its own checkpoint (<see cref="ItemCheckpoint"/>), item by item: the
    /// run that resumes it (after a pause, or taking over from a node that died) does only the items not done. The
    /// records an item writes carry its index.
    /// </summary>
    /// <param name="work">Does one item, given with its index; it writes the item's own log records.</param>
    public async Task ForEachItemAsync<T>(
        IReadOnlyList<T> items, ItemLoop loop, Func<T, int, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await Log.TotalFilesAsync(items.Count, cancellationToken);
        var checkpoint = loop.Resumable ? await ResumableCheckpointAsync(cancellationToken) : null;
        var indexes = Enumerable.Range(loop.Start, Math.Max(0, items.Count - loop.Start))
            .Where(index => checkpoint?.IsDone(index) != true)
            .ToList();
        using var progress = new ItemProgress(runs, RunId, loop, items.Count, items.Count - indexes.Count);
        using var saving = new SemaphoreSlim(1, 1);

        async Task DoAsync(int index, CancellationToken token)
        {
            // Set in this method, the item stays with this item's flow of work and is gone when it returns.
            var item = JobLogWriter.BeginItem(index);
            await work(items[index], index, token);
            if (checkpoint is not null)
            {
                // The item is done whatever happens next: its checkpoint is written even if a stop comes now.
                await saving.WaitAsync(CancellationToken.None);
                try
                {
                    checkpoint = checkpoint.With(index, item.Transfer);
                    await SaveCheckpointAsync(checkpoint.ToString(), CancellationToken.None);
                }
                finally
                {
                    saving.Release();
                }
            }

            await progress.ItemDoneAsync(token);
        }

        if (loop.Parallelism <= 1)
        {
            foreach (var index in indexes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await DoAsync(index, cancellationToken);
            }

            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = loop.Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(indexes, options, async (index, token) => await DoAsync(index, token));
    }

    /// <summary>
    /// Where a resumable loop starts: nothing done, or the items the job's checkpoint says are done. A run that takes
    /// over a cut run carries that run's records of those items over, with their counts and transfers, here where the
    /// items would have written them: its log reads as if no node had died. A run resuming after a pause starts counts
    /// of its own instead (the paused run keeps its records and counts), and says so in the checkpoint at once.
    /// </summary>
    private async Task<ItemCheckpoint> ResumableCheckpointAsync(CancellationToken cancellationToken)
    {
        var stored = ItemCheckpoint.Parse(Checkpoint);
        if (stored is null)
        {
            return ItemCheckpoint.None;
        }

        if (cutRunId is { } cut)
        {
            Carried = await runs.CarryItemsAsync(RunId, cut, stored.Next, stored.DoneAfter, stored.TransfersSucceeded, stored.TransfersFailed,
                cancellationToken);
            return stored;
        }

        if (stored.TransfersSucceeded + stored.TransfersFailed == 0)
        {
            return stored;
        }

        var own = stored with { TransfersSucceeded = 0, TransfersFailed = 0 };
        await SaveCheckpointAsync(own.ToString(), cancellationToken);
        return own;
    }

    /// <summary>Counts the items done and writes where the run stands, throttled, from one item at a time.</summary>
    private sealed class ItemProgress(RunStore runs, long runId, ItemLoop loop, int total, int alreadyDone) : IDisposable
    {
        private readonly SemaphoreSlim _writing = new(1, 1);
        private int _done = alreadyDone;
        private int _written = -1;
        private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;

        public async Task ItemDoneAsync(CancellationToken cancellationToken)
        {
            var done = Interlocked.Increment(ref _done);
            await _writing.WaitAsync(cancellationToken);
            try
            {
                var now = DateTimeOffset.UtcNow;
                // Items finish out of order when several run at once: never report fewer than already reported.
                if (done <= _written || (done < total && now - _lastWrite < TimeSpan.FromMilliseconds(500)))
                {
                    return;
                }

                _written = done;
                _lastWrite = now;
                var message = string.Create(CultureInfo.InvariantCulture, $"{done} of {total}{(loop.Noun is null ? "" : " " + loop.Noun)}");
                await runs.ReportItemsAsync(runId, done * 100 / total,
                    new TaskProgressReport(loop.TaskType, done == total ? "Done" : "Processing", done, 0, total - done, (double)done / total, message),
                    cancellationToken);
            }
            finally
            {
                _writing.Release();
            }
        }

        public void Dispose() => _writing.Dispose();
    }
}

/// <summary>How an executor's item loop reports (see <see cref="JobRun.ForEachItemAsync"/>).</summary>
/// <param name="TaskType">The TaskProgress entry's task type, the job type's name ("OptimizeImages").</param>
/// <param name="Noun">What the items are in the progress message ("3 of 10 images"); none: "3 of 10".</param>
/// <param name="Start">The first item to do: a resumed run starts after what its checkpoint says is done.</param>
/// <param name="Parallelism">How many items are done at the same time.</param>
/// <param name="Resumable">
/// The loop keeps the job's checkpoint itself (<see cref="ItemCheckpoint"/>), for executors whose items are the same
/// list in every run (the job's own list, not a listing that may change); such an executor keeps no checkpoint of its
/// own, and has one resumable loop.
/// </param>
public sealed record ItemLoop(string TaskType, string? Noun = null, int Start = 0, int Parallelism = 1, bool Resumable = false);
