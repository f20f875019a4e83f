using IpsApi.Assets.Files;
using IpsApi.Assets.Publishing;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.JobTypes.Publishing;

namespace IpsApi.Jobs.JobTypes.VideoPublish;

/// <summary>
/// videoPublishJob: the company's videos marked readyForPublish, with their encodes and thumbnails, into its video
/// catalog, served by <c>/is/content/&lt;company&gt;/&lt;name&gt;</c>: the video under its name without extension, each
/// encode as <c>&lt;name&gt;-&lt;preset&gt;</c>, the thumbnail as <c>&lt;name&gt;-thumbnail</c>. The catalog of the
/// contextHandle folder is built anew; videos no longer marked leave it.
/// </summary>
public sealed class VideoPublishExecutor(PublishCatalogs catalogs, PublishableAssets assets, IFileStore files, TimeProvider time)
    : JobExecutor<VideoPublishSpec>
{
    public const string VideoType = "Video";
    public const string EncodeType = "VideoEncode";
    public const string ThumbnailType = "VideoThumbnail";

    public override JobType Type => JobType.VideoPublish;

    protected override async Task ExecuteAsync(JobRun run, VideoPublishSpec spec, CancellationToken cancellationToken)
    {
        var company = run.Job.Company;
        var folder = CatalogPublishing.FolderOf(spec.ContextHandle);
        var videos = await assets.ListAsync(company.Id, folder, [AssetType.Video], cancellationToken);

        await using var draft = await catalogs.BeginAsync(company.Id, company.Storage, CatalogKind.Video, cancellationToken);
        draft.KeepCurrent(entry => !entry.IsIn(folder));
        var now = time.GetUtcNow();
        var published = new List<long>();
        await run.ForEachItemAsync(videos, new ItemLoop("VideoPublish"), async (video, _, cancellationToken) =>
        {
            var asset = video.Asset;
            var name = CatalogPublishing.IdOf(asset);
            var parts = new List<(string Name, string Type, string Key, int? Width, int? Height)> { (name, VideoType, asset.OriginalKey, video.Width, video.Height) };
            parts.AddRange(video.Renditions.Where(r => r.Kind == "Encode").Select(r => ($"{name}-{r.Name}", EncodeType, r.StorageKey, r.Width, r.Height)));
            parts.AddRange(video.Renditions.Where(r => r.Kind == "Thumbnail").Select(r => ($"{name}-thumbnail", ThumbnailType, r.StorageKey, r.Width, r.Height)));
            if (parts.FirstOrDefault(f => draft.Next.TryGetValue(PublishedEntry.KeyOf(f.Name), out var holder) && holder.AssetId != asset.Id) is { Name: not null } taken)
            {
                await run.Log.WriteAsync(JobLogTypes.VideoPublishWarning, LogText.Of(LogKeys.PublishNameTaken, draft.Next[PublishedEntry.KeyOf(taken.Name)].DisplayName),
                    asset.Path, asset.Type.ToString(), asset.Handle, cancellationToken: cancellationToken);
            }
            else
            {
                foreach (var file in parts)
                {
                    var (entry, _) = await CatalogPublishing.FileEntryAsync(draft, files, file.Name, asset, file.Type, file.Key, file.Width, file.Height,
                        now, cancellationToken);
                    draft.Next[entry.Name] = entry with { Metadata = file.Type == VideoType ? FactsOf(video) : null };
                }

                published.Add(asset.Id);
                await run.Log.WriteAsync(JobLogTypes.VideoPublishSuccess, LogText.Of(LogKeys.Published), asset.Path, asset.Type.ToString(), asset.Handle,
                    cancellationToken: cancellationToken);
            }
        }, cancellationToken);

        await CatalogPublishing.LogRemovedAsync(run, draft, folder, JobLogTypes.VideoPublishSuccess, cancellationToken);
        await draft.CommitAsync(cancellationToken);
        await assets.MarkPublishedAsync(published, cancellationToken);
    }

    /// <summary>The video's metadata and its duration: what a sitemap says about it.</summary>
    private static Dictionary<string, string>? FactsOf(PublishableAsset video)
    {
        var facts = new Dictionary<string, string>(video.Metadata, StringComparer.Ordinal);
        if (video.DurationMs is { } milliseconds)
        {
            facts["durationSeconds"] = ((milliseconds + 500) / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return facts.Count == 0 ? null : facts;
    }
}
