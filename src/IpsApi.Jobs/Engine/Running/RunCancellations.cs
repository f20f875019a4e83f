using System.Collections.Concurrent;

namespace IpsApi.Jobs.Engine.Running;

/// <summary>Why a run was asked to stop early; the run ends accordingly.</summary>
public enum CancelReason
{
    Stop,
    Pause,
}

/// <summary>
/// The runs executing on this node, each with a token that stopJob and pauseJob fire. Shutdown reaches the
/// same runs through the dispatcher's stopping token, which the runner links in.
/// </summary>
public sealed class RunCancellations
{
    private readonly ConcurrentDictionary<long, (CancellationTokenSource Source, CancelReason? Reason)> _runs = new();

    public CancellationToken Register(long runId)
    {
        var source = new CancellationTokenSource();
        _runs[runId] = (source, null);
        return source.Token;
    }

    public void Unregister(long runId)
    {
        if (_runs.TryRemove(runId, out var entry))
        {
            entry.Source.Dispose();
        }
    }

    /// <summary>Asks a run on this node to end at its next safe point; false when it is not running here.</summary>
    public bool Cancel(long runId, CancelReason reason)
    {
        if (!_runs.TryGetValue(runId, out var entry))
        {
            return false;
        }

        if (entry.Reason is not null)
        {
            return false; // already asked
        }

        _runs[runId] = (entry.Source, reason);
        entry.Source.Cancel();
        return true;
    }

    public CancelReason? ReasonOf(long runId) => _runs.TryGetValue(runId, out var entry) ? entry.Reason : null;

    /// <summary>The runs executing on this node now.</summary>
    public IReadOnlyCollection<long> RunningIds() => _runs.Keys.ToList();
}
