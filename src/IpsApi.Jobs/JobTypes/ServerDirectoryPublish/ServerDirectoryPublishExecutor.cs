using System.Globalization;
using IpsApi.Assets.Publishing;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.Storage;
using IpsApi.Jobs.Store;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.JobTypes.ServerDirectoryPublish;

/// <summary>
/// Publishes the company's server directory into its server directory catalog, served by
/// <c>/is/content/&lt;company&gt;/&lt;path&gt;</c>: new and changed files are copied in, files gone from the source
/// leave the catalog, unchanged files are left alone. Like every catalog, the new one becomes visible at once when
/// the job is done. Every copy and removal is a ServerDirectoryPublishSuccess or ...Error record. Links are neither
/// listed nor followed and nothing outside the server directory is read (<see cref="ServerDirectory"/>).
/// </summary>
public sealed class ServerDirectoryPublishExecutor(IOptions<StorageOptions> storage, PublishCatalogs catalogs, TimeProvider time)
    : JobExecutor<ServerDirectoryPublishSpec>
{
    public override JobType Type => JobType.ServerDirectoryPublish;

    protected override async Task ExecuteAsync(JobRun run, ServerDirectoryPublishSpec spec, CancellationToken cancellationToken)
    {
        var company = run.Job.Company;
        var root = new CompanyFolders(storage.Value.Root, company.Storage).Server;
        Directory.CreateDirectory(root);
        var source = ServerDirectory.Open(root, "")
            ?? throw new IOException("The company's server directory cannot be opened");
        var sourceFiles = source.ListFiles(recurse: true, skipHidden: false)
            .Where(f => !(f.Name.StartsWith('.') && f.Name.EndsWith(".tmp", StringComparison.Ordinal)))
            .ToDictionary(f => f.RelativePath, StringComparer.Ordinal);

        await using var draft = await catalogs.BeginAsync(company.Id, company.Storage, CatalogKind.ServerDirectory, cancellationToken);
        var now = time.GetUtcNow();
        var ordered = sourceFiles.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        await run.ForEachItemAsync(ordered, new ItemLoop("ServerDirectoryPublish", "files"), async (entry, _, cancellationToken) =>
        {
            var (relative, file) = entry;
            var key = PublishedEntry.KeyOf(relative);
            // Same path, size and modification time: the file is the one published before.
            var identity = string.Create(CultureInfo.InvariantCulture, $"{relative}|{file.Length}|{file.LastWriteTimeUtc.Ticks}");
            if (draft.Current.TryGetValue(key, out var published) && published.Source == identity)
            {
                draft.Next[key] = published;
            }
            else
            {
                await CopyAsync(run, draft, source, file, identity, now, cancellationToken);
            }
        }, cancellationToken);

        foreach (var gone in draft.Current.Values.Where(e => !draft.Next.ContainsKey(e.Name)).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            await run.Log.WriteAsync(JobLogTypes.ServerDirectoryPublishSuccess, LogText.Of(LogKeys.RemovedFromPublish),
                gone.DisplayName, "PublishCatalog", cancellationToken: cancellationToken);
        }

        await draft.CommitAsync(cancellationToken);
    }

    private static async Task CopyAsync(
        JobRun run, CatalogDraft draft, ServerDirectory source, ServerFile file, string identity, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var relative = file.RelativePath;
        try
        {
            var placed = await draft.PlaceFileAsync(() => source.OpenRead(file), identity, Path.GetExtension(relative), cancellationToken);
            draft.Next[PublishedEntry.KeyOf(relative)] = new PublishedEntry(
                PublishedEntry.KeyOf(relative), relative, null, "File", file.Folder, identity, placed, null, file.Length, null, null, now);
            await run.Log.WriteAsync(JobLogTypes.ServerDirectoryPublishSuccess, LogText.Of(LogKeys.Published), relative, "PublishCatalog",
                cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file stays as it was published before, if it was.
            if (draft.Current.TryGetValue(PublishedEntry.KeyOf(relative), out var previous))
            {
                draft.Next[previous.Name] = previous;
            }

            await run.Log.WriteAsync(JobLogTypes.ServerDirectoryPublishError, LogText.Of(LogKeys.NotPublished, Describe(e)), relative, "PublishCatalog",
                cancellationToken: cancellationToken);
        }
    }

    // File system messages name server paths; the client gets the kind of failure only.
    private static LogText Describe(Exception e) => LogText.Of(e switch
    {
        OutsideServerDirectoryException => LogKeys.ReasonNotInServerDirectory,
        UnauthorizedAccessException => LogKeys.ReasonPermissionDenied,
        PathTooLongException => LogKeys.ReasonPathTooLong,
        _ => LogKeys.ReasonInputOutput,
    });
}
