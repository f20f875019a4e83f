using IpsApi.Jobs.Engine.Queue;

namespace IpsApi.Jobs.Engine.Dispatch;

/// <summary>
/// Runs of this node that wait for work from outside (an upload job between two POSTs, which may be half an hour)
/// give their run slot back while they wait: the dispatcher counts them apart, so a few open upload jobs do not
/// keep every other job of the node waiting. A run that has work again simply goes on; for that while the node may
/// run more than IpsApi:Scheduler:MaxConcurrentRuns at once.
/// </summary>
public sealed class IdleRuns(DispatchSignal signal)
{
    private int _count;

    /// <summary>Runs waiting now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Marks the calling run as waiting until the result is disposed; the dispatcher may claim a job at once.</summary>
    public IDisposable Waiting()
    {
        Interlocked.Increment(ref _count);
        signal.Pulse();
        return new Wait(this);
    }

    private sealed class Wait(IdleRuns runs) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref runs._count);
            }
        }
    }
}
