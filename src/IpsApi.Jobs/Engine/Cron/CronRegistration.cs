using IpsApi.Jobs.Store;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace IpsApi.Jobs.Engine.Cron;

public static class CronRegistration
{
    /// <summary>
    /// Quartz with its AdoJobStore on our PostgreSQL database, clustered with every node sharing it, for the jobs that
    /// wait for a cron fire and for the cluster's check-ins (which tell the dispatchers which nodes are alive); the
    /// schema is created at start when missing. Application transactions may enlist the store, which is how a job row
    /// and its trigger commit together.
    /// </summary>
    public static IServiceCollection AddIpsCron(
        this IServiceCollection services, string connectionString, string nodeName, string schedulerName, TimeSpan checkinInterval)
    {
        services.AddSingleton(provider => new CronTriggers(
            provider.GetRequiredService<Npgsql.NpgsqlDataSource>(), provider.GetRequiredService<Definitions.ServerTimeZone>(), schedulerName));
        services.AddSingleton<Store.ICronTriggerReader>(provider => provider.GetRequiredService<CronTriggers>());
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = schedulerName;
                scheduler.InstanceId = nodeName;
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            // The stored job class of every cron job names ScheduledFiring by the name it was first stored under.
            quartz.UseTypeLoader(loader => loader.Map(JobTriggers.StoredJobClassName, typeof(ScheduledFiring)));
            // Quartz only moves cron jobs into the dispatch queue when they fire: a short statement each.
            quartz.UseDefaultThreadPool(2);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = checkinInterval;
                    cluster.CheckinMisfireThreshold = checkinInterval * 2;
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
        return services;
    }
}
