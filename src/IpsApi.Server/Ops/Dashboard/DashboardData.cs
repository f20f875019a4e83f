using IpsApi.Jobs.Engine.Cluster;
using IpsApi.Jobs.Notifications;
using IpsApi.Jobs.Store;
using Quartz;

namespace IpsApi.Server.Ops.Dashboard;

/// <summary>
/// The dashboard's reads that the SOAP queries do not already cover, each asked of the owner of its table. Every
/// query takes the companies the viewer may see (null: every company, for an IpsAdmin), so a company admin never
/// reads another company's rows.
/// </summary>
public sealed class DashboardData(OpsQueries ops, OutboxQueries outbox, JobLookup jobs, ClusterLiveness cluster)
{
    public Task<IReadOnlyList<RecentRun>> RecentRunsAsync(IReadOnlyList<long>? companies, CancellationToken cancellationToken) =>
        ops.RecentRunsAsync(companies, cancellationToken);

    /// <summary>24 hourly buckets ending with the current hour, empty hours included.</summary>
    public Task<IReadOnlyList<HourBucket>> LastDayAsync(IReadOnlyList<long>? companies, CancellationToken cancellationToken) =>
        ops.LastDayAsync(companies, cancellationToken);

    /// <summary>Messages not delivered: still retried (pending) or given up (failed), newest first.</summary>
    public Task<IReadOnlyList<OutboxRow>> OutboxAsync(IReadOnlyList<long>? companies, CancellationToken cancellationToken) =>
        outbox.UndeliveredAsync(companies, cancellationToken);

    /// <summary>The cluster as Quartz sees it, with how many runs of the viewer's companies each node has open.</summary>
    public async Task<IReadOnlyList<(ClusterNode Node, int OpenRuns)>> NodesAsync(IReadOnlyList<long>? companies, CancellationToken cancellationToken)
    {
        var nodes = await cluster.NodesAsync(cancellationToken);
        var open = await ops.OpenRunsByNodeAsync(companies, cancellationToken);
        return nodes.Select(n => (n, open.GetValueOrDefault(n.InstanceId))).ToList();
    }

    /// <summary>The job as JobControl wants it, if the viewer may see it.</summary>
    public Task<JobRef?> JobAsync(long jobId, IReadOnlyList<long>? companies, CancellationToken cancellationToken) =>
        jobs.FindByIdAsync(jobId, companies, cancellationToken);

    public Task<RunHeader?> RunAsync(long runId, IReadOnlyList<long>? companies, CancellationToken cancellationToken) =>
        ops.RunAsync(runId, companies, cancellationToken);

    /// <summary>A run's log types with their counts, for the filter.</summary>
    public Task<IReadOnlyList<(string LogType, int Count)>> LogTypesAsync(long runId, CancellationToken cancellationToken) =>
        ops.LogTypesAsync(runId, cancellationToken);

    /// <summary>Up to 500 details of the run, oldest first, of one log type and containing a text when asked.</summary>
    public Task<IReadOnlyList<RunDetail>> DetailsAsync(long runId, string? logType, string? text, CancellationToken cancellationToken) =>
        ops.DetailsAsync(runId, logType, text, cancellationToken);

    /// <summary>The job filter of the SOAP queries for the same companies.</summary>
    public static JobFilter Filter(IReadOnlyList<long>? companies) => new(companies);
}
