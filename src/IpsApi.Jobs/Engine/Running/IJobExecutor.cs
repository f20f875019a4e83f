using IpsApi.Jobs.Definitions;

namespace IpsApi.Jobs.Engine.Running;

/// <summary>
/// Does the work of one job type. It reads its definition from the run, writes its log through
/// <see cref="JobRun.Log"/>, and checks the token between items: it fires on stop, pause and shutdown.
/// An exception ends the run as failed with a FatalError record; it never takes the node down.
/// </summary>
public interface IJobExecutor
{
    JobType Type { get; }

    Task ExecuteAsync(JobRun run, CancellationToken cancellationToken);
}

/// <summary>Convenience base: the run's definition already cast to the executor's own spec.</summary>
public abstract class JobExecutor<TSpec> : IJobExecutor
    where TSpec : JobSpec
{
    public abstract JobType Type { get; }

    public Task ExecuteAsync(JobRun run, CancellationToken cancellationToken) =>
        ExecuteAsync(run, (TSpec)run.Job.Definition.Spec, cancellationToken);

    protected abstract Task ExecuteAsync(JobRun run, TSpec spec, CancellationToken cancellationToken);
}

/// <summary>The executors the container knows, by job type.</summary>
public sealed class ExecutorRegistry(IEnumerable<IJobExecutor> executors)
{
    // The last registration of a type wins, so a test or benchmark host can put its own executor in place.
    private readonly Dictionary<JobType, IJobExecutor> _byType = executors.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Last());

    public IJobExecutor? For(JobType type) => _byType.GetValueOrDefault(type);
}
