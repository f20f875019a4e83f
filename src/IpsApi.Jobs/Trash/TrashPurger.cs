using IpsApi.Assets.Store;
using IpsApi.Jobs.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IpsApi.Jobs.Trash;

/// <summary>
/// Removes assets emptied from the trash, rows and files, once no run holds them: an emptied asset waits for every
/// run of its company that was in progress when the purge first saw it (a run that read the asset before it was
/// emptied is among them; a run started later cannot see it). emptyAssetsFromTrash purges at once when no run is in progress; every
/// node also looks every <see cref="Interval"/>, so the waiting ones go soon after their runs end, whichever node
/// ran them.
/// </summary>
public sealed class TrashPurger(RunStore runs, AssetTrash trash, ILogger<TrashPurger> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>One pass; returns how many assets were removed.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var removed = await trash.PurgeAsync(await runs.InProgressAsync(cancellationToken), cancellationToken);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} assets emptied from the trash, with their files", removed);
        }

        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or IOException or UnauthorizedAccessException)
            {
                // The database or the storage is away for a moment: the next pass tries again.
                logger.LogWarning(e, "Purging emptied assets failed; trying again in {Interval}", Interval);
            }
        }
    }
}
