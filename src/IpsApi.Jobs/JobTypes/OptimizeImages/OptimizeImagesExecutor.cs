using System.Globalization;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.JobTypes.Ingest;
using IpsApi.Jobs.Store;
using Microsoft.Extensions.Logging;

namespace IpsApi.Jobs.JobTypes.OptimizeImages;

/// <summary>
/// optimizeImagesJob: every image asset of the company whose optimized pyramid is missing or older than its
/// original gets a new one, made by the ingest code (<see cref="AssetIngest.ReprocessAsync"/>) so it is the same
/// pyramid an upload makes. Each image: BeginReoptimize, then ReoptimizeSuccess or ReoptimizeFailure.
/// </summary>
public sealed class OptimizeImagesExecutor(AssetStore assets, AssetIngest ingest, ILogger<OptimizeImagesExecutor> logger)
    : JobExecutor<OptimizeImagesSpec>
{
    /// <summary>No crops or other edits: the job only re-makes the pyramid, renditions like a mask stay.</summary>
    private static readonly IngestOptions NoEdits = new(
        false, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    public override JobType Type => JobType.ImageOptimization;

    protected override async Task ExecuteAsync(JobRun run, OptimizeImagesSpec spec, CancellationToken cancellationToken)
    {
        var company = run.Job.Company;
        // The checkpoint is the id of the last image done: a resumed run goes on after it (ids are in order).
        var after = long.TryParse(run.Checkpoint, NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : 0;
        var todo = await assets.ImagesNeedingPyramidAsync(company.Id, after, cancellationToken);
        await run.ForEachItemAsync(todo, new ItemLoop("OptimizeImages", "images"), async (asset, _, cancellationToken) =>
        {
            await run.Log.WriteAsync(JobLogTypes.BeginReoptimize, LogText.Of(LogKeys.ReoptimizeBegin), asset.Path, asset.Type.ToString(), asset.Handle,
                cancellationToken: cancellationToken);
            try
            {
                // The publish state is the asset's own: optimizing changes no one's choice to publish.
                var settings = new IngestSettings(Overwrite: true, asset.ReadyForPublish, PreservePublishState: true, NoEdits);
                await ingest.ReprocessAsync(run, asset, settings, keepOtherRenditions: true, cancellationToken);
                await run.Log.WriteAsync(JobLogTypes.ReoptimizeSuccess, LogText.Of(LogKeys.Reoptimized), asset.Path, asset.Type.ToString(), asset.Handle,
                    cancellationToken: cancellationToken);
            }
            catch (Exception e) when (AssetIngest.IsProcessingFailure(e))
            {
                logger.LogWarning(e, "Optimizing {Handle} failed", asset.Handle);
                await run.Log.WriteAsync(JobLogTypes.ReoptimizeFailure, LogText.Of(LogKeys.NotReoptimized, AssetIngest.FailureText(e)), asset.Path,
                    asset.Type.ToString(), asset.Handle, cancellationToken: cancellationToken);
            }

            await run.SaveCheckpointAsync(asset.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        }, cancellationToken);
    }
}
