using System.Text;
using IpsApi.Assets.Files;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.JobTypes.Ingest;
using IpsApi.Jobs.Storage;
using IpsApi.Jobs.Store;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.JobTypes.UploadDirectory;

/// <summary>
/// uploadDirectoryJob: ingests the files of serverDir, a folder inside the company's server directory, into
/// destFolder (subfolders kept when includeSubfolders). Nothing outside the server directory is ever read:
/// the folder is compared with it by real path and files are opened without following links (<see cref="ServerDirectory"/>).
/// With processMetadataFiles, every "*.metadata.tsv" file in a processed folder sets metadata on the assets it
/// names instead of being ingested. Its format: UTF-8, tab-separated, a header line whose first column is
/// "name" and whose other columns are metadata keys, then one line per file of that folder:
/// <code>name	title	season
/// shoe-red.jpg	Red shoe	spring</code>
/// </summary>
public sealed class UploadDirectoryExecutor(
    AssetIngest ingest, AssetStore assets, PostJobs postJobs, IFileStore files, IOptions<StorageOptions> storage)
    : JobExecutor<UploadDirectorySpec>
{
    public const string MetadataFileSuffix = ".metadata.tsv";

    public override JobType Type => JobType.UploadFromServerDirectory;

    protected override async Task ExecuteAsync(JobRun run, UploadDirectorySpec spec, CancellationToken cancellationToken)
    {
        var settings = new IngestSettings(spec.Overwrite, spec.ReadyForPublish, spec.PreservePublishState == true, spec.Processing);
        foreach (var option in settings.UnsupportedOptions())
        {
            await run.Log.WriteAsync(JobLogTypes.UploadWarning, LogText.Of(LogKeys.OptionNotSupported, option), cancellationToken: cancellationToken);
        }

        var serverRoot = new CompanyFolders(storage.Value.Root, run.Job.Company.Storage).Server;
        var source = ServerDirectory.Open(serverRoot, FolderPaths.Normalize(spec.ServerDir, run.Job.Company.Name));
        if (source is null)
        {
            await run.Log.WriteAsync(JobLogTypes.UploadError, LogText.Of(LogKeys.ServerDirectoryMissing, spec.ServerDir),
                cancellationToken: cancellationToken);
            return;
        }

        var all = source.ListFiles(spec.IncludeSubfolders, skipHidden: true);
        var metadataFiles = spec.ProcessMetadataFiles
            ? all.Where(f => f.Name.EndsWith(MetadataFileSuffix, StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
        var toIngest = all.Except(metadataFiles).ToList();

        var destRoot = FolderPaths.Normalize(spec.DestFolder ?? "", run.Job.Company.Name);
        var work = files.CreateWorkFolder(run.Job.Company.Storage);
        var ingested = 0;
        try
        {
            await run.ForEachItemAsync(toIngest, new ItemLoop("UploadDirectory", "files"), async (file, i, cancellationToken) =>
            {
                var folder = FolderOf(destRoot, file);
                var assetPath = folder.Length == 0 ? file.Name : $"{folder}/{file.Name}";
                var shown = Path.GetRelativePath(source.RealRoot, Path.Combine(source.RealFolder, file.RelativePath)).Replace('\\', '/');
                await run.Log.WriteAsync(JobLogTypes.FileBegin, shown, assetPath, cancellationToken: cancellationToken);
                var copy = Path.Combine(work, $"{i}-upload{Path.GetExtension(file.Name)}");
                if (await CopyOutAsync(run, source, file, shown, copy, cancellationToken))
                {
                    var results = await ingest.IngestAsync(run, copy, folder, file.Name, settings, cancellationToken);
                    ingested += results.Count(r => r is IngestResult.Created or IngestResult.Updated);
                }
            }, cancellationToken);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        foreach (var metadataFile in metadataFiles)
        {
            await ApplyMetadataFileAsync(run, source, destRoot, metadataFile, cancellationToken);
        }

        await postJobs.SubmitAsync(run, spec.Post, ingested, cancellationToken);
    }

    /// <summary>Copies a file of the server directory into the work folder; false (after logging why) when it may not be read.</summary>
    private static async Task<bool> CopyOutAsync(
        JobRun run, ServerDirectory source, ServerFile file, string shown, string copy, CancellationToken cancellationToken)
    {
        try
        {
            await using var input = source.OpenRead(file);
            await using var output = new FileStream(copy, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await input.CopyToAsync(output, cancellationToken);
            return true;
        }
        catch (OutsideServerDirectoryException)
        {
            await run.Log.WriteAsync("UploadError", LogText.Of(LogKeys.NotUploaded, LogText.Of(LogKeys.ReasonNotInServerDirectory)), shown,
                cancellationToken: cancellationToken);
            return false;
        }
    }

    /// <summary>The catalog folder a file goes to: destFolder plus its folder below serverDir.</summary>
    private static string FolderOf(string destRoot, ServerFile file) =>
        string.Join('/', new[] { destRoot, file.Folder }.Where(p => p.Length > 0));

    private async Task ApplyMetadataFileAsync(JobRun run, ServerDirectory source, string destRoot, ServerFile file, CancellationToken cancellationToken)
    {
        var folder = FolderOf(destRoot, file);
        string[] lines;
        try
        {
            using var reader = new StreamReader(source.OpenRead(file), Encoding.UTF8);
            lines = (await reader.ReadToEndAsync(cancellationToken)).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        }
        catch (OutsideServerDirectoryException)
        {
            await run.Log.WriteAsync("UploadError", LogText.Of(LogKeys.NotUploaded, LogText.Of(LogKeys.ReasonNotInServerDirectory)), file.RelativePath,
                cancellationToken: cancellationToken);
            return;
        }

        var header = lines.FirstOrDefault()?.Split('\t');
        if (header is not { Length: > 1 } || !header[0].Equals("name", StringComparison.OrdinalIgnoreCase))
        {
            await run.Log.WriteAsync(JobLogTypes.UploadWarning, LogText.Of(LogKeys.MetadataFileBadHeader),
                file.Name, cancellationToken: cancellationToken);
            return;
        }

        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split('\t');
            var asset = await assets.FindAsync(run.Job.Company.Id, folder, cells[0], cancellationToken);
            if (asset is null)
            {
                await run.Log.WriteAsync(JobLogTypes.UploadWarning, LogText.Of(LogKeys.MetadataNoSuchAsset, cells[0]), file.Name,
                    cancellationToken: cancellationToken);
                continue;
            }

            var values = header.Skip(1).Select((key, i) => (key, value: i + 1 < cells.Length ? cells[i + 1] : ""))
                .Where(p => p.key.Length > 0)
                .ToDictionary(p => p.key, p => p.value, StringComparer.Ordinal);
            await assets.SetMetadataAsync(asset.Id, values, cancellationToken);
        }
    }
}
