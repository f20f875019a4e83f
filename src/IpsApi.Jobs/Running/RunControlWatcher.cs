using IpsApi.Jobs.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IpsApi.Jobs.Running;

/// <summary>
/// Carries stop and pause requests to the runs of this node. The SOAP call that asks may reach any node, so it
/// writes job_runs.control_request; this watcher looks for requests aimed at its own runs twice a second and
/// fires their tokens. It only queries while this node has runs.
/// </summary>
public sealed class RunControlWatcher(
    NpgsqlDataSource dataSource,
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
                await using var command = dataSource.CreateCommand(
                    """
                    select id, control_request from job_runs
                    where id = any(@ids) and control_request is not null and ended_at is null
                    """);
                command.Parameters.AddWithValue("ids", running.ToArray());
                await using var reader = await command.ExecuteReaderAsync(stoppingToken);
                while (await reader.ReadAsync(stoppingToken))
                {
                    var reason = reader.GetString(1) == "Pause" ? CancelReason.Pause : CancelReason.Stop;
                    if (cancellations.Cancel(reader.GetInt64(0), reason))
                    {
                        logger.LogInformation("Run {RunId} on {Node}: {Request} requested", reader.GetInt64(0), options.Value.NodeName, reason);
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
