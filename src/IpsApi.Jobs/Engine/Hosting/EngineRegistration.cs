using IpsApi.Jobs.Engine.Cluster;
using IpsApi.Jobs.Engine.Cron;
using IpsApi.Jobs.Engine.Dispatch;
using IpsApi.Jobs.Engine.Queue;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.Engine.Submit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IpsApi.Jobs.Engine.Hosting;

public static class EngineRegistration
{
    /// <summary>
    /// The engine of this node: the group-commit submitter, the dispatch queue and this node's dispatcher, which runs
    /// jobs with the runner; Quartz for cron fires and the cluster's check-ins, from which the dispatchers learn which
    /// nodes are alive.
    /// </summary>
    public static IServiceCollection AddIpsEngine(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var options = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.Section));
        services.AddSingleton<GroupCommitSubmitter>();
        services.AddSingleton<RunCancellations>();
        services.AddSingleton<DispatchQueue>();
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<IdleRuns>();
        services.AddSingleton<ClusterLiveness>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<ExecutorRegistry>();
        services.AddHostedService<RunControlWatcher>();
        services.AddIpsCron(connectionString, options.NodeName, ClusterLiveness.SchedulerName, TimeSpan.FromSeconds(options.CheckinIntervalSeconds));
        // After Quartz: the dispatcher starts once this node checks in to the cluster, and stops before it.
        services.AddSingleton<Dispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<Dispatcher>());
        return services;
    }
}
