using System.Diagnostics;
using IpsApi.Bench.Jobs;
using IpsApi.Jobs.Engine.Dispatch;
using IpsApi.Jobs.Retention;
using IpsApi.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace IpsApi.Bench.Growth;

/// <summary>
/// The job server as users run it, in a process of its own, for 'bench growth': its dispatcher stands by (the jobs of
/// the generated present stay as they are while they are read), its cleaner runs only when the benchmark asks
/// (POST /bench/clean, on the main listener), and it answers every call as it would in production; the dashboard
/// has its listener of its own, as in production.
/// </summary>
public static class GrowthNode
{
    public const string Name = "growth-node";

    /// <summary>Arguments: connection string, storage folder.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (db, storage) = (args[0], args[1]);
        var app = ServerApp.Build([], new ServerExtras
        {
            Settings = new Dictionary<string, string?>
            {
                ["IpsApi:Db"] = db,
                ["IpsApi:Urls"] = "http://127.0.0.1:0",
                ["IpsApi:Ops:Urls"] = "http://127.0.0.1:0",
                ["IpsApi:Storage:Root"] = storage,
                ["IpsApi:Data"] = storage,
                ["IpsApi:Scheduler:NodeName"] = Name,
                ["IpsApi:Retention:Enabled"] = "false",
                // On a machine this busy a call may wait seconds for a core; it is measured, not given up.
                ["IpsApi:Soap:CallTimeoutSeconds"] = "60",
                // The reads are measured, not the deliberately slow password hash: each user's password is checked once.
                ["IpsApi:Auth:CredentialCacheSeconds"] = "86400",
            },
            Logging = logger => logger.MinimumLevel.Warning(),
        });
        app.MapPost("/bench/clean", async (RetentionCleaner cleaner, CancellationToken cancellationToken) =>
        {
            var clock = Stopwatch.StartNew();
            var kinds = await cleaner.RunPassAsync(evenIfNotDue: true, cancellationToken)
                ?? throw new InvalidOperationException("another cleaner holds the lock");
            return new CleanerPass(clock.Elapsed.TotalSeconds, kinds.Select(k => new CleanerKind(k.Kind, k.Removed, k.CaughtUp)).ToList());
        });

        await app.PrepareDatabaseAsync();
        app.Services.GetRequiredService<Dispatcher>().Standby();
        await app.StartAsync();
        var listeners = app.Services.GetRequiredService<Listeners>();
        Console.WriteLine($"{BenchNode.ReadyLine}{listeners.MainAddress} {listeners.OpsAddress}");
        await app.WaitForShutdownAsync();
        return 0;
    }
}

/// <summary>What one cleaner pass did, as the node answers POST /bench/clean.</summary>
public sealed record CleanerPass(double Seconds, List<CleanerKind> Kinds);

public sealed record CleanerKind(string Kind, long Removed, bool CaughtUp);
