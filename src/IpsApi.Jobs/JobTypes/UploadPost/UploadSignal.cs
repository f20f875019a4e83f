using System.Collections.Concurrent;

namespace IpsApi.Jobs.JobTypes.UploadPost;

/// <summary>
/// Wakes an upload job's run on this node as soon as a POST to this node added files to it. A POST to another node
/// is seen by the run's next look at the table (<see cref="PollInterval"/>).
/// </summary>
public sealed class UploadSignal
{
    /// <summary>How often a waiting run looks for files that came in through other nodes.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<long, SemaphoreSlim> _waiting = new();

    public void Pulse(long jobId)
    {
        if (_waiting.TryGetValue(jobId, out var waiter))
        {
            try
            {
                waiter.Release();
            }
            catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
            {
                // Already woken, or done waiting.
            }
        }
    }

    /// <summary>Waits for a POST to the job, or <paramref name="timeout"/> (at most <see cref="PollInterval"/>).</summary>
    public async Task WaitAsync(long jobId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = _waiting.GetOrAdd(jobId, _ => new SemaphoreSlim(0, 1));
        var wait = timeout < PollInterval ? timeout : PollInterval;
        await waiter.WaitAsync(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, cancellationToken);
    }

    /// <summary>The job's run is over: nothing waits for it here any more.</summary>
    public void Forget(long jobId)
    {
        if (_waiting.TryRemove(jobId, out var waiter))
        {
            waiter.Dispose();
        }
    }
}
