namespace IpsApi.Jobs.Engine;

/// <summary>How this node takes part in running jobs: section "IpsApi:Scheduler".</summary>
public sealed class SchedulerOptions
{
    public const string Section = "IpsApi:Scheduler";

    /// <summary>
    /// This node's name in the cluster, shown as a run's serverName. Must be unique among the nodes sharing a
    /// database; a node restarted under the same name recovers its own interrupted runs at once.
    /// </summary>
    public string NodeName { get; set; } = Environment.MachineName;

    /// <summary>How many runs this node executes at the same time.</summary>
    public int MaxConcurrentRuns { get; set; } = 4;

    /// <summary>
    /// How often a node records that it is alive; the other nodes take over its runs once it has missed its check-in by
    /// Quartz's margin (<see cref="Cluster.ClusterLiveness.CheckinMargin"/>).
    /// </summary>
    public int CheckinIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// Most submits stored in one transaction. Submits that arrive while one is being written wait for the next
    /// and share it (group commit), so Quartz's cluster-wide trigger lock is taken once per group.
    /// </summary>
    public int MaxSubmitGroup { get; set; } = 64;

    /// <summary>
    /// Groups of submits being written at the same time. More than one lets a group form and go while the previous
    /// one waits for its commit.
    /// </summary>
    public int SubmitWriters { get; set; } = 4;
}
