using IpsApi.Assets.Files;
using IpsApi.Assets.Publishing;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.JobTypes.Publishing;

namespace IpsApi.Jobs.JobTypes.ImageRenderingPublish;

/// <summary>
/// imageRenderingPublishJob: the render assets of the company (material and scene files, and their images, kept in its
/// <c>render/</c> folder) marked readyForPublish into the rendering catalog, served as they were uploaded by
/// <c>/is/content/&lt;company&gt;/render/...</c>. A contextHandle narrows the publish to a folder under render/.
/// </summary>
public sealed class ImageRenderingPublishExecutor(PublishCatalogs catalogs, PublishableAssets assets, IFileStore files, TimeProvider time)
    : JobExecutor<ImageRenderingPublishSpec>
{
    public const string RenderFolder = "render";

    public override JobType Type => JobType.ImageRenderingPublish;

    protected override async Task ExecuteAsync(JobRun run, ImageRenderingPublishSpec spec, CancellationToken cancellationToken)
    {
        var company = run.Job.Company;
        var context = CatalogPublishing.FolderOf(spec.ContextHandle);
        var folder = context.Length == 0 ? RenderFolder
            : context == RenderFolder || context.StartsWith(RenderFolder + "/", StringComparison.Ordinal) ? context
            : $"{RenderFolder}/{context}";
        var candidates = await assets.ListAsync(company.Id, folder, [AssetType.Image, AssetType.Other, AssetType.Pdf], cancellationToken);

        await using var draft = await catalogs.BeginAsync(company.Id, company.Storage, CatalogKind.ImageRendering, cancellationToken);
        draft.KeepCurrent(entry => !entry.IsIn(folder));
        var now = time.GetUtcNow();
        await run.ForEachItemAsync(candidates, new ItemLoop("ImageRenderingPublish"), async (candidate, _, cancellationToken) =>
        {
            var asset = candidate.Asset;
            // Render files refer to each other by path, so they keep theirs.
            var (entry, _) = await CatalogPublishing.FileEntryAsync(draft, files, asset.Path, asset, asset.Type.ToString(), asset.OriginalKey,
                candidate.Width, candidate.Height, now, cancellationToken);
            draft.Next[entry.Name] = entry;
            await run.Log.WriteAsync(JobLogTypes.ImageRenderingPublishSuccess, LogText.Of(LogKeys.Published), asset.Path, asset.Type.ToString(),
                asset.Handle, cancellationToken: cancellationToken);
        }, cancellationToken);

        await CatalogPublishing.LogRemovedAsync(run, draft, folder, JobLogTypes.ImageRenderingPublishSuccess, cancellationToken);
        await draft.CommitAsync(cancellationToken);
        await assets.MarkPublishedAsync(candidates.Select(c => c.Asset.Id).ToList(), cancellationToken);
    }
}
