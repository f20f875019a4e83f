using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using IpsApi.Assets.Publishing;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.JobTypes.Publishing;

namespace IpsApi.Jobs.JobTypes.MetadataPublish;

/// <summary>
/// metadataPublishJob: the metadata of the company's assets marked readyForPublish into the catalog index, where
/// <c>/is/image/&lt;company&gt;/&lt;name&gt;?req=userdata</c> reads it. Only assets whose metadata changed are
/// published (and logged) unless <c>forcePublish</c> asks for all; assets no longer marked leave the index.
/// </summary>
public sealed class MetadataPublishExecutor(PublishCatalogs catalogs, PublishableAssets assets, TimeProvider time) : JobExecutor<MetadataPublishSpec>
{
    public override JobType Type => JobType.MetadataPublish;

    protected override async Task ExecuteAsync(JobRun run, MetadataPublishSpec spec, CancellationToken cancellationToken)
    {
        var company = run.Job.Company;
        var force = spec.ForcePublish == true;
        var candidates = await assets.ListAsync(company.Id, "", Enum.GetValues<AssetType>(), cancellationToken);

        await using var draft = await catalogs.BeginAsync(company.Id, company.Storage, CatalogKind.Metadata, cancellationToken);
        var now = time.GetUtcNow();
        await run.ForEachItemAsync(candidates, new ItemLoop("MetadataPublish"), async (candidate, _, cancellationToken) =>
        {
            var asset = candidate.Asset;
            var name = CatalogPublishing.IdOf(asset);
            var key = PublishedEntry.KeyOf(name);
            if (draft.Next.TryGetValue(key, out var holder))
            {
                await run.Log.WriteAsync(JobLogTypes.MetadataWarning, LogText.Of(LogKeys.PublishNameTaken, holder.DisplayName), asset.Path, asset.Type.ToString(),
                    asset.Handle, cancellationToken: cancellationToken);
            }
            else
            {
                var source = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(candidate.Metadata))));
                var unchanged = draft.Current.TryGetValue(key, out var previous) && previous.Source == source && previous.AssetId == asset.Id;
                draft.Next[key] = unchanged && !force
                    ? previous!
                    : new PublishedEntry(key, name, asset.Id, asset.Type.ToString(), asset.Folder, source, null, null, 0, null, null, now,
                        Metadata: candidate.Metadata);
                if (!unchanged || force)
                {
                    await run.Log.WriteAsync(JobLogTypes.MetadataSuccess, LogText.Of(LogKeys.Published), asset.Path, asset.Type.ToString(), asset.Handle,
                        cancellationToken: cancellationToken);
                }
            }
        }, cancellationToken);

        await CatalogPublishing.LogRemovedAsync(run, draft, "", JobLogTypes.MetadataSuccess, cancellationToken);
        await draft.CommitAsync(cancellationToken);
    }
}
