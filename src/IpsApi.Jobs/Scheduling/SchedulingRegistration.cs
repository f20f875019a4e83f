using IpsApi.Jobs.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace IpsApi.Jobs.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>
    /// The dispatch queue and this node's dispatcher, which run jobs; and Quartz with its AdoJobStore on our
    /// PostgreSQL database, clustered with every node sharing it, for the jobs that wait for a time and for the
    /// cluster's check-ins (which tell the dispatchers which nodes are alive); the schema is created at start when
    /// missing. Application transactions may enlist the store, which is how a job row and its trigger commit together.
    /// </summary>
    public static IServiceCollection AddIpsScheduling(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var options = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.Section));
        services.AddSingleton<RunCancellations>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<DispatchQueue>();
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<ExecutorRegistry>();
        services.AddHostedService<RunControlWatcher>();

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = DispatchQueue.SchedulerName;
                scheduler.InstanceId = options.NodeName;
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            // Quartz only moves timed jobs into the dispatch queue when they are due: a short statement each.
            quartz.UseDefaultThreadPool(2);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = TimeSpan.FromSeconds(options.CheckinIntervalSeconds);
                    cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.CheckinIntervalSeconds * 2);
                });
                store.ProvisionSchema();
                store.ConfigureStore(job =>
                {
                    job.AcceptEnlistedTransactions = true;
                    // A fire cut short by a node shutting down is handed back and fired again, not lost.
                    job.RecoverFiringsCancelledByShutdown = true;
                    job.StoreJobDataAsStrings = true;
                });
            });
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        // After Quartz: the dispatcher starts once this node checks in to the cluster, and stops before it.
        services.AddSingleton<Dispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<Dispatcher>());
        return services;
    }
}
