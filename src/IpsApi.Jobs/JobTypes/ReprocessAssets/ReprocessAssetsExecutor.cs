using System.Globalization;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.JobTypes.Ingest;
using IpsApi.Jobs.Store;
using Microsoft.Extensions.Logging;

namespace IpsApi.Jobs.JobTypes.ReprocessAssets;

/// <summary>
/// reprocessAssetsJob: each listed asset is processed again from its stored original with the job's options,
/// through the ingest code, and its renditions replaced in one transaction. Each asset: ReprocessSuccess or
/// ReprocessError; a handle that names no asset of the company: ReprocessWarning, and the run goes on.
/// </summary>
public sealed class ReprocessAssetsExecutor(AssetStore assets, AssetIngest ingest, PostJobs postJobs, ILogger<ReprocessAssetsExecutor> logger)
    : JobExecutor<ReprocessAssetsSpec>
{
    public override JobType Type => JobType.ReprocessAssets;

    protected override async Task ExecuteAsync(JobRun run, ReprocessAssetsSpec spec, CancellationToken cancellationToken)
    {
        var company = run.Job.Company;
        var probe = new IngestSettings(true, false, false, spec.Processing);
        foreach (var option in probe.UnsupportedOptions())
        {
            await run.Log.WriteAsync(JobLogTypes.ReprocessWarning, LogText.Of(LogKeys.OptionNotSupported, option), cancellationToken: cancellationToken);
        }

        var handles = spec.AssetHandles ?? [];
        // The checkpoint is the index of the next handle: a resumed run does not process the done ones again.
        var start = int.TryParse(run.Checkpoint, NumberStyles.None, CultureInfo.InvariantCulture, out var next) ? next : 0;
        var reprocessed = 0;
        await run.ForEachItemAsync(handles, new ItemLoop("ReprocessAssets", "assets", start), async (handle, i, cancellationToken) =>
        {
            var asset = await assets.FindByHandleAsync(company.Id, company.Handle, handle, cancellationToken);
            if (asset is null)
            {
                await run.Log.WriteAsync(JobLogTypes.ReprocessWarning, LogText.Of(LogKeys.UnknownAssetHandle, handle), assetHandle: handle,
                    cancellationToken: cancellationToken);
            }
            else if (asset.InTrash)
            {
                await run.Log.WriteAsync("ReprocessWarning", LogText.Of(LogKeys.AssetInTrash, handles[i]), asset.Path, asset.Type.ToString(),
                    asset.Handle, cancellationToken: cancellationToken);
            }
            else if (asset.IsSet)
            {
                await run.Log.WriteAsync(JobLogTypes.ReprocessWarning, LogText.Of(LogKeys.NoOwnFile, asset.Type.ToString()), asset.Path, asset.Type.ToString(),
                    asset.Handle, cancellationToken: cancellationToken);
            }
            else
            {
                // Without readyForPublish the asset keeps its own choice; preservePublishState keeps its state too.
                var settings = new IngestSettings(true, spec.ReadyForPublish ?? asset.ReadyForPublish, spec.PreservePublishState == true, spec.Processing);
                try
                {
                    await ingest.ReprocessAsync(run, asset, settings, keepOtherRenditions: false, cancellationToken);
                    reprocessed++;
                    await run.Log.WriteAsync(JobLogTypes.ReprocessSuccess, LogText.Of(LogKeys.Reprocessed), asset.Path, asset.Type.ToString(), asset.Handle,
                        cancellationToken: cancellationToken);
                }
                catch (Exception e) when (AssetIngest.IsProcessingFailure(e))
                {
                    logger.LogWarning(e, "Reprocessing {Handle} failed", asset.Handle);
                    await run.Log.WriteAsync(JobLogTypes.ReprocessError, LogText.Of(LogKeys.NotReprocessed, AssetIngest.FailureText(e)), asset.Path,
                        asset.Type.ToString(), asset.Handle, cancellationToken: cancellationToken);
                }
            }

            await run.SaveCheckpointAsync((i + 1).ToString(CultureInfo.InvariantCulture), cancellationToken);
        }, cancellationToken);

        await postJobs.SubmitAsync(run, spec.Post, reprocessed, cancellationToken);
    }
}
