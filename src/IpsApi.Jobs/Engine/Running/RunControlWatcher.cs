using IpsApi.Jobs.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IpsApi.Jobs.Engine.Running;

/// <summary>
/// Carries stop and pause requests to the runs of this node. The SOAP call that asks may reach any node, so it
/// writes the run's control request (<see cref="RunStore.RequestControlAsync"/>); this watcher looks for requests
/// aimed at its own runs twice a second and fires their tokens. It only queries while this node has runs.
/// </summary>
public sealed class RunControlWatcher(
    RunStore runs,
    RunCancellations cancellations,
    IOptions<SchedulerOptions> options,
    ILogger<RunControlWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var running = cancellations.RunningIds();
            if (running.Count == 0)
            {
                continue;
            }

            try
            {
                foreach (var (runId, request) in await runs.ControlRequestsAsync(running, stoppingToken))
                {
                    var reason = request == "Pause" ? CancelReason.Pause : CancelReason.Stop;
                    if (cancellations.Cancel(runId, reason))
                    {
                        logger.LogInformation("Run {RunId} on {Node}: {Request} requested", runId, options.Value.NodeName, reason);
                    }
                }
            }
            catch (NpgsqlException e)
            {
                // The database is away for a moment; the next tick tries again.
                logger.LogWarning(e, "Could not read run control requests");
            }
        }
    }
}
