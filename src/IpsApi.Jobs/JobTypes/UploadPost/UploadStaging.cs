using System.Globalization;
using IpsApi.Assets.Files;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.JobTypes.UploadPost;

/// <summary>
/// Where POSTed files wait, under the storage root (which every node shares): a POST's parts are written into a
/// folder of their own under <c>.uploads/incoming/</c> as they arrive; once the POST is accepted the folder is renamed
/// into <c>.uploads/staged/</c> (one rename, on the same file system) before the rows naming its files commit, and a
/// file stays there until its ingest is over, so a run that takes the job over on another node still finds it.
/// The ingest gets a second name of the file (a hard link) in its work folder, since it moves what it is given into
/// the store and a run cut short there must not take the only copy with it.
/// </summary>
public sealed class UploadStaging(IFileStore files, IOptions<UploadOptions> options)
{
    /// <summary>The folder of all of it, below the storage root; its dot keeps it apart from company folders.</summary>
    public const string Root = ".uploads";

    private const string Incoming = Root + "/incoming";
    private const string Staged = Root + "/staged";

    /// <summary>A fresh folder for the parts of one POST.</summary>
    public IncomingFiles BeginRequest()
    {
        var batch = Guid.NewGuid().ToString("N");
        var folder = files.LocalPath($"{Incoming}/{batch}");
        Directory.CreateDirectory(folder);
        return new IncomingFiles(batch, folder);
    }

    /// <summary>
    /// Moves a POST's files to where they wait for their ingest and answers their storage keys, in the order of
    /// <see cref="IncomingFiles.Count"/>. With <see cref="UploadOptions.SyncToDisk"/> the files and both folders are on
    /// the disk when this returns.
    /// </summary>
    public IReadOnlyList<string> Stage(IncomingFiles incoming)
    {
        var sync = options.Value.SyncToDisk;
        if (sync)
        {
            NativeFiles.SyncFolder(incoming.Folder);
        }

        var staged = files.LocalPath($"{Staged}/{incoming.Batch}");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        Directory.Move(incoming.Folder, staged);
        if (sync)
        {
            NativeFiles.SyncFolder(Path.GetDirectoryName(staged)!);
        }

        return [.. Enumerable.Range(0, incoming.Count).Select(n => $"{Staged}/{incoming.Batch}/{IncomingFiles.NameOf(n)}")];
    }

    /// <summary>Removes a POST's parts that will not be kept (the POST was refused), staged or not.</summary>
    public void Discard(IncomingFiles incoming)
    {
        foreach (var folder in new[] { incoming.Folder, files.LocalPath($"{Staged}/{incoming.Batch}") })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// Puts the staged file at <paramref name="workFile"/> for the ingest without giving it up: a hard link, or a copy
    /// where the file system has none. False when the staged file is gone.
    /// </summary>
    public bool TryHandOver(string stagedKey, string workFile)
    {
        var path = files.LocalPath(stagedKey);
        if (!File.Exists(path))
        {
            return false;
        }

        if (!NativeFiles.TryHardLink(path, workFile))
        {
            File.Copy(path, workFile, overwrite: true);
        }

        return true;
    }

    /// <summary>Deletes a staged file whose ingest is over, and its POST's folder once that is empty.</summary>
    public void Delete(string stagedKey)
    {
        var path = files.LocalPath(stagedKey);
        File.Delete(path);
        var folder = Path.GetDirectoryName(path)!;
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (IOException)
        {
            // Another file of the POST went in meanwhile, or another run removed the folder: either way nothing to do.
        }
    }

    /// <summary>Staged files not touched for <paramref name="age"/>, by storage key (a sweep checks them against the rows).</summary>
    public IReadOnlyList<string> StagedOlderThan(TimeSpan age)
    {
        var root = files.LocalPath(Staged);
        if (!Directory.Exists(root))
        {
            return [];
        }

        var before = DateTime.UtcNow - age;
        return
        [
            .. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(path => File.GetLastWriteTimeUtc(path) < before)
                .Select(path => $"{Staged}/{Path.GetRelativePath(root, path).Replace('\\', '/')}"),
        ];
    }

    /// <summary>
    /// Removes the folders of POSTs whose parts have not grown for <paramref name="age"/> (their node died while
    /// receiving them), and staged folders left empty; answers how many folders went.
    /// </summary>
    public int SweepFolders(TimeSpan age)
    {
        var before = DateTime.UtcNow - age;
        var removed = 0;
        foreach (var (relative, emptyOnly) in new[] { (Incoming, false), (Staged, true) })
        {
            var root = files.LocalPath(relative);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var folder in Directory.EnumerateDirectories(root))
            {
                var entries = Directory.EnumerateFileSystemEntries(folder).ToList();
                var idle = Directory.GetLastWriteTimeUtc(folder) < before && entries.All(e => File.GetLastWriteTimeUtc(e) < before);
                if (idle && (entries.Count == 0 || !emptyOnly))
                {
                    Directory.Delete(folder, recursive: true);
                    removed++;
                }
            }
        }

        return removed;
    }
}

/// <summary>The parts of one POST as they arrive: files 0, 1, 2... of a folder of its own.</summary>
public sealed class IncomingFiles(string batch, string folder)
{
    public string Batch { get; } = batch;

    public string Folder { get; } = folder;

    /// <summary>Files begun so far.</summary>
    public int Count { get; private set; }

    /// <summary>The path of the next file; the caller writes it.</summary>
    public string Next() => Path.Combine(Folder, NameOf(Count++));

    internal static string NameOf(int index) => index.ToString("D6", CultureInfo.InvariantCulture);
}
