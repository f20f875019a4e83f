using System.Globalization;
using IpsApi.Assets.Files;
using IpsApi.Assets.Publishing;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.Store;

namespace IpsApi.Jobs.JobTypes.Publishing;

/// <summary>What the publish executors share: scope, names, entries of files and the log records of removed entries.</summary>
public static class CatalogPublishing
{
    /// <summary>The folder a contextHandle limits a publish to ("" for the whole company).</summary>
    public static string FolderOf(string? contextHandle) => (contextHandle ?? "").Trim().Trim('/');

    /// <summary>The name image serving knows an asset by: its IPS name (the file name without the extension, unless renamed).</summary>
    public static string IdOf(Asset asset) => asset.Name;

    /// <summary>
    /// The entry of one published file: the current entry when its source is unchanged (its file untouched), else a
    /// new one with the file placed in the catalog. <c>Changed</c> says which.
    /// </summary>
    public static async Task<(PublishedEntry Entry, bool Changed)> FileEntryAsync(
        CatalogDraft draft, IFileStore files, string name, Asset asset, string assetType, string storageKey, int? width, int? height,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = PublishedEntry.KeyOf(name);
        if (draft.Current.TryGetValue(key, out var previous) && previous.Source == storageKey && previous.AssetId == asset.Id
            && previous.DisplayName == name)
        {
            return (previous, false);
        }

        var file = await draft.PlaceFileAsync(files.LocalPath(storageKey), storageKey, Path.GetExtension(storageKey), cancellationToken);
        var size = new FileInfo(files.LocalPath(storageKey)).Length;
        return (new PublishedEntry(key, name, asset.Id, assetType, asset.Folder, storageKey, file, null, size, width, height, now), true);
    }

    /// <summary>The search index text of an entry: its names and metadata values, lower-cased.</summary>
    public static string SearchTextOf(Asset asset, IReadOnlyDictionary<string, string> metadata) =>
        string.Join(' ', new[] { asset.Name, asset.Folder }.Concat(metadata.Values)).ToLowerInvariant();

    /// <summary>
    /// Success records for the entries of <paramref name="folder"/> the new version no longer has: what a full
    /// publish took out of the catalog.
    /// </summary>
    public static async Task LogRemovedAsync(JobRun run, CatalogDraft draft, string folder, string successType, CancellationToken cancellationToken)
    {
        foreach (var gone in draft.Current.Values.Where(e => e.IsIn(folder) && !draft.Next.ContainsKey(e.Name)).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            await run.Log.WriteAsync(successType, LogText.Of(LogKeys.Unpublished), gone.DisplayName, "PublishCatalog",
                gone.AssetId is { } id ? AssetHandles.Format(run.Job.Company.Handle, id) : null, cancellationToken: cancellationToken);
        }
    }
}
