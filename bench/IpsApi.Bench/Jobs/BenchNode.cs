using System.Collections.Concurrent;
using System.Globalization;
using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Dispatch;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using JobType = IpsApi.Jobs.Definitions.JobType;

namespace IpsApi.Bench.Jobs;

/// <summary>
/// One node of the job server as users run it, in a process of its own so its memory is its own, with one
/// addition: a no-op executor for createVideoSitemapJob (registered only here) that notes when each run reached
/// it. The benchmark reads those instants, and pauses or starts the node's scheduler, through /bench/ endpoints.
/// </summary>
public static class BenchNode
{
    public const string Company = "bench";
    public const string Email = "bench@example.test";
    public const string Password = "bench-password";
    public const string ReadyLine = "bench-node-ready ";

    /// <summary>Arguments: connection string, node name, storage folder, "seed" for the first node of a database.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (db, name, storage, seed) = (args[0], args[1], args[2], args.Count > 3 && args[3] == "seed");
        var settings = new Dictionary<string, string?>
        {
            ["IpsApi:Db"] = db,
            ["IpsApi:Urls"] = "http://127.0.0.1:0",
            ["IpsApi:Ops:Urls"] = "http://127.0.0.1:0",
            ["IpsApi:Storage:Root"] = storage,
            ["IpsApi:Data"] = storage,
            ["IpsApi:Scheduler:NodeName"] = name,
        };
        var app = ServerApp.Build([], new ServerExtras
        {
            Settings = settings,
            Logging = logger => logger.MinimumLevel.Warning(),
            Services = services =>
            {
                services.AddSingleton<ExecutorStarts>();
                services.AddSingleton<IJobExecutor, NoOpExecutor>();
            },
        });
        var starts = app.Services.GetRequiredService<ExecutorStarts>();
        app.MapGet("/bench/started", async (string name, CancellationToken cancellationToken) =>
            (await starts.WaitAsync(name, cancellationToken)).ToString(CultureInfo.InvariantCulture));
        app.MapGet("/bench/count", () => starts.Count.ToString(CultureInfo.InvariantCulture));
        // Jobs wait in the dispatch queue while its dispatcher stands by (Quartz only fires cron jobs, none here).
        app.MapPost("/bench/standby", (Dispatcher dispatcher) => dispatcher.Standby());
        app.MapPost("/bench/start", (Dispatcher dispatcher) => dispatcher.Resume());

        await app.PrepareDatabaseAsync();
        if (seed)
        {
            var accounts = app.Services.GetRequiredService<AccountStore>();
            await accounts.AddCompanyAsync(Company, "Benchmark");
            _ = await accounts.AddUserAsync(new NewUser(Email, Password, UserRole.IpsUser, [Company]))
                ?? throw new BenchmarkFailedException("the benchmark user could not be created");
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<Listeners>().MainAddress;
        Console.WriteLine(ReadyLine + address);
        await app.WaitForShutdownAsync();
        return 0;
    }
}

/// <summary>When each job's run reached its executor (UTC ticks), by job name.</summary>
public sealed class ExecutorStarts
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _byName = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Started(string jobName)
    {
        var now = DateTimeOffset.UtcNow.UtcTicks;
        Interlocked.Increment(ref _count);
        Slot(jobName).TrySetResult(now);
    }

    public async Task<long> WaitAsync(string jobName, CancellationToken cancellationToken)
    {
        var ticks = await Slot(jobName).Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        _byName.TryRemove(jobName, out _);
        return ticks;
    }

    private TaskCompletionSource<long> Slot(string jobName) =>
        _byName.GetOrAdd(jobName, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>createVideoSitemapJob in the benchmark node: does nothing but note that its run reached it.</summary>
public sealed class NoOpExecutor(ExecutorStarts starts) : IJobExecutor
{
    public JobType Type => JobType.CreateVideoSitemap;

    public Task ExecuteAsync(JobRun run, CancellationToken cancellationToken)
    {
        starts.Started(run.Job.Name);
        return Task.CompletedTask;
    }
}
