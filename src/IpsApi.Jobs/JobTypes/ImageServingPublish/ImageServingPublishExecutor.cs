using IpsApi.Assets.Files;
using IpsApi.Assets.Publishing;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.JobTypes.Publishing;

namespace IpsApi.Jobs.JobTypes.ImageServingPublish;

/// <summary>
/// imageServingPublishJob: the company's images (their optimized pyramid TIFFs) and sets marked readyForPublish go
/// into its image serving catalog, which <c>/is/image</c> serves. <c>Full</c> builds the catalog (of the
/// contextHandle folder) anew and takes out what is no longer marked; <c>Incremental</c> keeps the catalog and
/// publishes only what changed since; <c>FullWithSearch</c> is Full with a search index of names and metadata.
/// The new catalog becomes visible to readers at once when the job is done, never piece by piece.
/// </summary>
public sealed class ImageServingPublishExecutor(PublishCatalogs catalogs, PublishableAssets assets, IFileStore files, TimeProvider time)
    : JobExecutor<ImageServingPublishSpec>
{
    public override JobType Type => JobType.ImageServingPublish;

    protected override async Task ExecuteAsync(JobRun run, ImageServingPublishSpec spec, CancellationToken cancellationToken)
    {
        var company = run.Job.Company;
        var folder = CatalogPublishing.FolderOf(spec.ContextHandle);
        var incremental = spec.PublishType == PublishType.Incremental;
        var candidates = await assets.ListAsync(company.Id, folder, [AssetType.Image, AssetType.ImageSet, AssetType.SwatchSet], cancellationToken);

        await using var draft = await catalogs.BeginAsync(company.Id, company.Storage, CatalogKind.ImageServing, cancellationToken);
        draft.WithSearch = spec.PublishType == PublishType.FullWithSearch || (incremental && draft.CurrentSearchable);
        // Incremental keeps everything and replaces what changed; Full starts over inside its folder.
        draft.KeepCurrent(entry => incremental || !entry.IsIn(folder));

        var now = time.GetUtcNow();
        var published = new List<long>();
        await run.ForEachItemAsync(candidates, new ItemLoop("ImageServingPublish"), async (candidate, _, cancellationToken) =>
        {
            var asset = candidate.Asset;
            var name = CatalogPublishing.IdOf(asset);
            var key = PublishedEntry.KeyOf(name);
            if (draft.Next.TryGetValue(key, out var holder) && holder.AssetId != asset.Id)
            {
                // Image serving names are unique in a company; the first asset in path order keeps the name.
                await run.Log.WriteAsync(JobLogTypes.ImageServingPublishWarning, LogText.Of(LogKeys.PublishNameTaken, holder.Folder.Length == 0 ? holder.DisplayName : $"{holder.Folder}/{holder.DisplayName}"),
                    asset.Path, asset.Type.ToString(), asset.Handle, cancellationToken: cancellationToken);
            }
            else if (candidate.Asset.IsSet)
            {
                var entry = SetEntry(draft, candidate, name, now, out var changed);
                await PutAsync(run, draft, candidate, entry, changed, incremental, published, cancellationToken);
            }
            else if (candidate.Pyramid is not { } pyramid)
            {
                await run.Log.WriteAsync(JobLogTypes.ImageServingPublishError, LogText.Of(LogKeys.NoPyramid), asset.Path, asset.Type.ToString(), asset.Handle,
                    cancellationToken: cancellationToken);
            }
            else
            {
                var (entry, changed) = await CatalogPublishing.FileEntryAsync(draft, files, name, asset, asset.Type.ToString(), pyramid.StorageKey,
                    pyramid.Width ?? candidate.Width, pyramid.Height ?? candidate.Height, now, cancellationToken);
                await PutAsync(run, draft, candidate, entry, changed, incremental, published, cancellationToken);
            }
        }, cancellationToken);

        if (!incremental)
        {
            await CatalogPublishing.LogRemovedAsync(run, draft, folder, JobLogTypes.ImageServingPublishSuccess, cancellationToken);
        }

        await draft.CommitAsync(cancellationToken);
        await assets.MarkPublishedAsync(published, cancellationToken);
    }

    /// <summary>
    /// Puts the entry into the new version with its metadata. A changed entry is always reported; an unchanged one
    /// only by a full publish, which reports everything it publishes.
    /// </summary>
    private static async Task PutAsync(
        JobRun run, CatalogDraft draft, PublishableAsset candidate, PublishedEntry entry, bool changed, bool incremental, List<long> published,
        CancellationToken cancellationToken)
    {
        var asset = candidate.Asset;
        draft.Next[entry.Name] = entry with
        {
            Metadata = candidate.Metadata.Count == 0 ? null : candidate.Metadata,
            SearchText = CatalogPublishing.SearchTextOf(asset, candidate.Metadata),
        };
        published.Add(asset.Id);
        if (changed || !incremental)
        {
            await run.Log.WriteAsync(JobLogTypes.ImageServingPublishSuccess, LogText.Of(LogKeys.Published), asset.Path, asset.IsSet ? asset.Type.ToString() : "OptimizedImage",
                asset.Handle, cancellationToken: cancellationToken);
        }
    }

    /// <summary>A set has no file: its entry is its members' names, in order; it changes when they do.</summary>
    private static PublishedEntry SetEntry(CatalogDraft draft, PublishableAsset candidate, string name, DateTimeOffset now, out bool changed)
    {
        var asset = candidate.Asset;
        var members = candidate.Members.Select(CatalogPublishing.IdOf).ToList();
        var source = $"set|{asset.Type}|{string.Join('|', members)}";
        var key = PublishedEntry.KeyOf(name);
        if (draft.Current.TryGetValue(key, out var previous) && previous.Source == source && previous.AssetId == asset.Id)
        {
            changed = false;
            return previous;
        }

        changed = true;
        return new PublishedEntry(key, name, asset.Id, asset.Type.ToString(), asset.Folder, source, null, null, 0, null, null, now, members);
    }
}
