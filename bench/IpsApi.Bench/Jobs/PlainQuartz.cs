using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace IpsApi.Bench.Jobs;

/// <summary>
/// The engine baseline: Quartz 4 alone, clustered AdoJobStore on the same PostgreSQL, the same thread count as a
/// job server node, one ScheduleJob per job of a job class that only notes when it started. Nothing of ours runs.
/// </summary>
public sealed class PlainQuartz : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PlainQuartz(ServiceProvider services, IScheduler scheduler)
    {
        _services = services;
        Scheduler = scheduler;
    }

    public IScheduler Scheduler { get; }

    public static async Task<PlainQuartz> StartAsync(string connectionString, int threads, bool standby, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "plain";
                scheduler.InstanceId = "plain-node";
            });
            quartz.UseDefaultThreadPool(threads);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering();
                store.ProvisionSchema();
                store.ConfigureStore(job =>
                {
                    job.StoreJobDataAsStrings = true;
                    // The drain's 10,000 triggers are all stored before the scheduler starts; none is a misfire.
                    job.MisfireThreshold = TimeSpan.FromMinutes(30);
                });
            });
        });
        var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        if (standby)
        {
            await scheduler.Standby(cancellationToken);
        }
        else
        {
            await scheduler.Start(cancellationToken);
        }

        PlainProbeJob.Reset();
        return new PlainQuartz(provider, scheduler);
    }

    public async Task ScheduleNowAsync(string name, CancellationToken cancellationToken) =>
        await Scheduler.ScheduleJob(
            JobBuilder.Create<PlainProbeJob>().WithIdentity(name).Build(),
            TriggerBuilder.Create().WithIdentity(name).StartNow().Build(),
            new ScheduleJobOptions(),
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Scheduler.Shutdown(waitForJobsToComplete: true);
        await _services.DisposeAsync();
    }
}

/// <summary>The plain Quartz job: notes the instant it started (UTC ticks), by job name, and counts.</summary>
public sealed class PlainProbeJob : IJob
{
    private static ConcurrentDictionary<string, TaskCompletionSource<long>> _starts = new();
    private static int _count;

    public static int Count => Volatile.Read(ref _count);

    public static void Reset()
    {
        _starts = new ConcurrentDictionary<string, TaskCompletionSource<long>>();
        _count = 0;
    }

    public static async Task<long> WaitAsync(string name, CancellationToken cancellationToken)
    {
        var ticks = await Slot(name).Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        _starts.TryRemove(name, out _);
        return ticks;
    }

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow.UtcTicks;
        Interlocked.Increment(ref _count);
        Slot(context.JobDetail.Key.Name).TrySetResult(now);
        return ValueTask.CompletedTask;
    }

    private static TaskCompletionSource<long> Slot(string name) =>
        _starts.GetOrAdd(name, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
