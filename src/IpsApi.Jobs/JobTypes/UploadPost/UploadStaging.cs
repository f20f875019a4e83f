using System.Globalization;
using IpsApi.Assets.Files;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.JobTypes.UploadPost;

/// <summary>
/// Where POSTed files wait, under the storage root (which every node shares): a POST's parts are written into
/// <c>.uploads/staged/</c> as they arrive, each under a fresh name, and flushed to the disk with the folder before the
/// rows naming them commit (<see cref="StageAsync"/>); a file stays there until its ingest is over, so a run that takes the job over on another
/// node still finds it. One flat folder, so that one flush of it covers a POST's files (and the flushes of POSTs going
/// in at the same time are one for the file system). The ingest gets a second name of the file (a hard link) in its
/// work folder, since it moves what it is given into the store and a run cut short there must not take the only copy.
/// </summary>
public sealed class UploadStaging(IFileStore files, IOptions<UploadOptions> options)
{
    /// <summary>The folder of all of it, below the storage root; its dot keeps it apart from company folders.</summary>
    public const string Root = ".uploads";

    private const string Staged = Root + "/staged";

    /// <summary>The parts of a new POST: files named after a fresh id of the POST.</summary>
    public IncomingFiles BeginRequest()
    {
        var folder = files.LocalPath(Staged);
        Directory.CreateDirectory(folder);
        return new IncomingFiles(Guid.NewGuid().ToString("N"), folder);
    }

    /// <summary>
    /// The storage keys of a POST's files, in the order of <see cref="IncomingFiles.Count"/>, once they are where they
    /// wait for their ingest: with <see cref="UploadOptions.SyncToDisk"/>, their bytes and their names are on the disk.
    /// </summary>
    public async Task<IReadOnlyList<string>> StageAsync(IncomingFiles incoming)
    {
        if (options.Value.SyncToDisk && incoming.Count > 0)
        {
            // The files and the folder flushed at the same time: the file system commits them together, once.
            await Task.WhenAll(incoming.Names.Select(name => Path.Combine(incoming.Folder, name)).Append(incoming.Folder)
                .Select(path => Task.Run(() => NativeFiles.Sync(path))));
        }

        return [.. incoming.Names.Select(name => $"{Staged}/{name}")];
    }

    /// <summary>Removes a POST's parts that will not be kept (the POST was refused).</summary>
    public static void Discard(IncomingFiles incoming)
    {
        foreach (var name in incoming.Names)
        {
            File.Delete(Path.Combine(incoming.Folder, name));
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

    /// <summary>Deletes a staged file whose ingest is over.</summary>
    public void Delete(string stagedKey) => files.Delete(stagedKey);

    /// <summary>
    /// Staged files of POSTs none of whose files was written in the last <paramref name="age"/>, by storage key (the
    /// sweep deletes those no row names: a POST still streaming in always has a file written just now).
    /// </summary>
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
            .. Directory.EnumerateFiles(root)
                .Select(path => (Path: path, Post: IncomingFiles.PostOf(Path.GetFileName(path)), Written: File.GetLastWriteTimeUtc(path)))
                .GroupBy(file => file.Post, StringComparer.Ordinal)
                .Where(post => post.All(file => file.Written < before))
                .SelectMany(post => post.Select(file => $"{Staged}/{Path.GetFileName(file.Path)}")),
        ];
    }
}

/// <summary>The parts of one POST as they arrive: files &lt;post&gt;-000000, &lt;post&gt;-000001... of the staging folder.</summary>
public sealed class IncomingFiles(string post, string folder)
{
    private readonly List<string> _names = [];

    public string Post { get; } = post;

    public string Folder { get; } = folder;

    /// <summary>Files begun so far.</summary>
    public int Count => _names.Count;

    public IReadOnlyList<string> Names => _names;

    /// <summary>The path of the next file; the caller writes it.</summary>
    public string Next()
    {
        var name = $"{Post}-{_names.Count.ToString("D6", CultureInfo.InvariantCulture)}";
        _names.Add(name);
        return Path.Combine(Folder, name);
    }

    /// <summary>The POST a staged file came with.</summary>
    internal static string PostOf(string fileName) => fileName.Split('-')[0];
}
