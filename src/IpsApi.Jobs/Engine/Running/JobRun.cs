using IpsApi.Jobs.Handles;
using IpsApi.Jobs.Store;

namespace IpsApi.Jobs.Engine.Running;

/// <summary>
/// One run as its executor sees it: the job, the run's identity, and the two ways to report: the job log
/// (details and counts, what clients read) and progress (what getActiveJobs shows while it runs).
/// </summary>
public sealed class JobRun(
    JobRecord job, long runId, string instanceName, string serverName, JobLogWriter log, RunStore runs, JobStore jobs)
{
    private DateTimeOffset _lastProgressWrite = DateTimeOffset.MinValue;

    public JobRecord Job { get; } = job;

    public long RunId { get; } = runId;

    public string InstanceName { get; } = instanceName;

    public string ServerName { get; } = serverName;

    public JobHandle Handle => new(Job.Company.Handle, Job.Name, InstanceName, RunId);

    public JobLogWriter Log { get; } = log;

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

    /// <summary>The TaskProgress entry of one kind of work in this run (e.g. "Publish").</summary>
    public Task ReportTaskAsync(TaskProgressReport report, CancellationToken cancellationToken) =>
        runs.UpsertTaskProgressAsync(RunId, report, cancellationToken);
}
