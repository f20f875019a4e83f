using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IpsApi.Jobs.JobTypes.UploadPost;

/// <summary>
/// Every so often, on every node: closes upload jobs no run will finish (deleted before their run began, or whose run
/// failed) and deletes their waiting files, and deletes staged files no row names (the parts of a POST whose node
/// died while receiving it, or between writing its files and committing their rows). What it deletes is older than
/// <see cref="Grace"/>, so it never takes a file a live POST or run is still working on.
/// </summary>
public sealed class UploadJanitor(UploadStore uploads, UploadStaging staging, ILogger<UploadJanitor> logger) : BackgroundService
{
    /// <summary>How old what the sweep deletes must be.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A first sweep soon after start: a restart is when leftovers of a dead node are most likely.
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            while (true)
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or IOException or UnauthorizedAccessException)
                {
                    logger.LogWarning(e, "Sweeping upload leftovers failed; trying again later");
                }

                await Task.Delay(Interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One sweep; answers how many jobs were closed and how many files deleted.</summary>
    public async Task<(int Jobs, int Files)> SweepAsync(CancellationToken cancellationToken)
    {
        var jobs = 0;
        var removed = 0;
        foreach (var jobId in await uploads.AbandonedAsync(Grace, cancellationToken))
        {
            foreach (var key in await uploads.CloseAsync(jobId, cancellationToken))
            {
                staging.Delete(key);
                removed++;
            }

            jobs++;
        }

        var old = staging.StagedOlderThan(Grace);
        if (old.Count > 0)
        {
            var known = await uploads.KnownAsync(old, cancellationToken);
            foreach (var key in old.Where(k => !known.Contains(k)))
            {
                staging.Delete(key);
                removed++;
            }
        }

        if (jobs + removed > 0)
        {
            logger.LogWarning("Upload leftovers swept: {Jobs} abandoned upload job(s) closed, {Removed} file(s) deleted", jobs, removed);
        }

        return (jobs, removed);
    }
}
