using Npgsql;
using Quartz;

namespace IpsApi.Jobs.Engine.Cluster;

/// <summary>
/// Which nodes of the cluster are alive. Every node's Quartz scheduler checks in to the clustered store
/// (qrtz_scheduler_state) every check-in interval; a node counts as dead once its last check-in is older than the
/// interval it announced plus <see cref="CheckinMargin"/>, the rule by which Quartz itself recovers a failed node's
/// fires. The dispatchers hand back the runs of dead nodes by that rule; the dashboard and readiness show Quartz's view.
/// </summary>
public sealed class ClusterLiveness(NpgsqlDataSource dataSource, ISchedulerFactory schedulers)
{
    /// <summary>Quartz's scheduler name, under which every node checks in to the cluster.</summary>
    public const string SchedulerName = "ipsapi";

    /// <summary>
    /// Quartz's own allowance on top of a node's check-in interval (7.5 s, fixed in Quartz's clustered job store)
    /// before the other nodes count it as failed.
    /// </summary>
    public static readonly TimeSpan CheckinMargin = TimeSpan.FromMilliseconds(7500);

    /// <summary>
    /// The nodes whose last check-in is recent enough at <paramref name="now"/>. A node without a check-in row is not
    /// alive either: Quartz removes a failed node's row once another node has recovered it.
    /// </summary>
    public async Task<IReadOnlyList<string>> AliveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Quartz keeps times and intervals in .NET ticks and milliseconds.
        await using var command = dataSource.CreateCommand(
            """
            select instance_name from qrtz_scheduler_state
            where sched_name = @scheduler and last_checkin_time + (checkin_interval + @margin) * 10000 >= @now
            """);
        command.Parameters.AddWithValue("scheduler", SchedulerName);
        command.Parameters.AddWithValue("margin", (long)CheckinMargin.TotalMilliseconds);
        command.Parameters.AddWithValue("now", now.UtcTicks);
        var alive = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            alive.Add(reader.GetString(0));
        }

        return alive;
    }

    /// <summary>Every node as Quartz sees it (alive, overdue, failed), with its last check-in.</summary>
    public async Task<IReadOnlyList<ClusterNode>> NodesAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return [.. await scheduler.QueryClusterNodes(cancellationToken)];
    }
}
