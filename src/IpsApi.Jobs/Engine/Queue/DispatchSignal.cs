namespace IpsApi.Jobs.Engine.Queue;

/// <summary>
/// Wakes this node's dispatcher: something was queued here, a run ended, or another node said so through
/// PostgreSQL NOTIFY. Pulses while the dispatcher is busy fold into one wake-up.
/// </summary>
public sealed class DispatchSignal : IDisposable
{
    private readonly SemaphoreSlim _pulses = new(0, 1);

    public void Pulse()
    {
        try
        {
            _pulses.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the dispatcher will look anyway.
        }
    }

    /// <summary>Waits for a pulse or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pulses.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _pulses.Dispose();
}
