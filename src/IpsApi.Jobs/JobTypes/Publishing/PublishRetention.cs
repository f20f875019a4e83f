using IpsApi.Assets.Publishing;
using IpsApi.Jobs.Retention;

namespace IpsApi.Jobs.JobTypes.Publishing;

/// <summary>
/// Leftovers of publishes that never became current (<see cref="PublishLeftovers"/>). A publish that completes removes
/// the version it replaces, rows and files, in its own transaction: no reader can reach it once the new one is current.
/// </summary>
public sealed class PublishRetention(PublishLeftovers leftovers) : IRetentionKind
{
    public string Name => "leftovers of unfinished publishes";

    public string Rule => "at the next pass that finds no publish of their catalog under way";

    public bool Enabled => true;

    public IAsyncEnumerable<int> PurgeAsync(int batchSize, CancellationToken cancellationToken) => leftovers.RemoveAsync(cancellationToken);

    public async Task<RetentionBacklog> BacklogAsync(CancellationToken cancellationToken) =>
        // Files are not counted here: finding them means listing every catalog folder.
        new(null, await leftovers.StaleRowsAsync(cancellationToken) > 0 ? DateTimeOffset.UtcNow : null);
}
