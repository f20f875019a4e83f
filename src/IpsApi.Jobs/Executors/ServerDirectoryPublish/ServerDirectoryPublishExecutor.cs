using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Running;
using IpsApi.Jobs.Running.Messages;
using IpsApi.Jobs.Storage;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.Executors.ServerDirectoryPublish;

/// <summary>
/// Publishes the company's server directory into its static publish area: new and changed files are copied
/// (each atomically: a temporary file, then a rename), files gone from the source are removed, unchanged files
/// are left alone. Every copy and removal is a ServerDirectoryPublishSuccess or ...Error record.
/// </summary>
public sealed class ServerDirectoryPublishExecutor(IOptions<StorageOptions> storage) : JobExecutor<ServerDirectoryPublishSpec>
{
    private const string TaskType = "ServerDirectoryPublish";

    public override JobType Type => JobType.ServerDirectoryPublish;

    protected override async Task ExecuteAsync(JobRun run, ServerDirectoryPublishSpec spec, CancellationToken cancellationToken)
    {
        var folders = new CompanyFolders(storage.Value.Root, run.Job.Company.Handle);
        var source = folders.Server;
        var target = folders.PublishStatic;
        Directory.CreateDirectory(source);
        Directory.CreateDirectory(target);

        var sourceFiles = ListFiles(source);
        var targetFiles = ListFiles(target);
        var stale = targetFiles.Keys.Where(path => !sourceFiles.ContainsKey(path)).ToList();
        await run.Log.TotalFilesAsync(sourceFiles.Count, cancellationToken);

        var done = 0;
        var unchanged = 0;
        var total = sourceFiles.Count + stale.Count;
        foreach (var (relative, file) in sourceFiles.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (targetFiles.TryGetValue(relative, out var published) && IsSame(file, published))
            {
                unchanged++;
            }
            else
            {
                await CopyAsync(run, file, target, relative, cancellationToken);
            }

            await ReportAsync(run, ++done, total, cancellationToken);
        }

        foreach (var relative in stale)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RemoveAsync(run, targetFiles[relative], relative, cancellationToken);
            await ReportAsync(run, ++done, total, cancellationToken);
        }

        RemoveEmptyFolders(target);
        await run.ReportTaskAsync(new TaskProgressReport(TaskType, "Done", done, 0, 0, 1.0,
            $"{done - unchanged} published or removed, {unchanged} unchanged"), cancellationToken);
    }

    private static async Task CopyAsync(JobRun run, FileInfo file, string target, string relative, CancellationToken cancellationToken)
    {
        var destination = CompanyFolders.Inside(target, relative);
        try
        {
            if (destination is null)
            {
                throw new IOException("the path leaves the publish folder");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            var temporary = Path.Combine(Path.GetDirectoryName(destination)!, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");
            try
            {
                await using (var input = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
                await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    await input.CopyToAsync(output, cancellationToken);
                }

                File.SetLastWriteTimeUtc(temporary, file.LastWriteTimeUtc);
                File.Move(temporary, destination, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            await run.Log.WriteAsync(JobLogTypes.ServerDirectoryPublishSuccess, LogText.Of(LogKeys.Published), relative, "PublishCatalog",
                cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await run.Log.WriteAsync(JobLogTypes.ServerDirectoryPublishError, LogText.Of(LogKeys.NotPublished, Describe(e)), relative, "PublishCatalog",
                cancellationToken: cancellationToken);
        }
    }

    private static async Task RemoveAsync(JobRun run, FileInfo published, string relative, CancellationToken cancellationToken)
    {
        try
        {
            published.Delete();
            await run.Log.WriteAsync(JobLogTypes.ServerDirectoryPublishSuccess, LogText.Of(LogKeys.RemovedFromPublish),
                relative, "PublishCatalog", cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await run.Log.WriteAsync(JobLogTypes.ServerDirectoryPublishError, LogText.Of(LogKeys.NotRemoved, Describe(e)), relative, "PublishCatalog",
                cancellationToken: cancellationToken);
        }
    }

    private static Task ReportAsync(JobRun run, int done, int total, CancellationToken cancellationToken) =>
        run.ReportProgressAsync(total == 0 ? 100 : done * 100 / total, $"{done} of {total} files", cancellationToken);

    /// <summary>Same size and modification time: the copy kept the source's time, so this is what "unchanged" means.</summary>
    private static bool IsSame(FileInfo source, FileInfo published) =>
        source.Length == published.Length && source.LastWriteTimeUtc == published.LastWriteTimeUtc;

    /// <summary>Regular files under a folder by relative path, never following links out of it; temporary files skipped.</summary>
    private static Dictionary<string, FileInfo> ListFiles(string folder)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = true,
        };
        return new DirectoryInfo(folder).EnumerateFiles("*", options)
            .Where(f => !(f.Name.StartsWith('.') && f.Name.EndsWith(".tmp", StringComparison.Ordinal)))
            .ToDictionary(f => Path.GetRelativePath(folder, f.FullName).Replace(Path.DirectorySeparatorChar, '/'), StringComparer.Ordinal);
    }

    private static void RemoveEmptyFolders(string folder)
    {
        foreach (var directory in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
        {
            if (!Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
    }

    // File system messages name server paths; the client gets the kind of failure only.
    private static LogText Describe(Exception e) => LogText.Of(e switch
    {
        UnauthorizedAccessException => LogKeys.ReasonPermissionDenied,
        PathTooLongException => LogKeys.ReasonPathTooLong,
        _ => LogKeys.ReasonInputOutput,
    });
}
