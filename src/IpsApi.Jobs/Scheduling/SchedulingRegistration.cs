using IpsApi.Jobs.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace IpsApi.Jobs.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>
    /// Quartz with its AdoJobStore on our PostgreSQL database, clustered with every node sharing it; the schema
    /// is created at start when missing. Application transactions may enlist the store, which is how a job row
    /// and its trigger commit together.
    /// </summary>
    public static IServiceCollection AddIpsScheduling(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var options = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.Section));
        services.AddSingleton<RunCancellations>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<ExecutorRegistry>();
        services.AddHostedService<RunControlWatcher>();

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "ipsapi";
                scheduler.InstanceId = options.NodeName;
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            quartz.UseDefaultThreadPool(options.MaxConcurrentRuns);
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
                    // A run cut short by a node shutting down is handed back and run again, not lost.
                    job.RecoverFiringsCancelledByShutdown = true;
                    job.StoreJobDataAsStrings = true;
                });
            });
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}
