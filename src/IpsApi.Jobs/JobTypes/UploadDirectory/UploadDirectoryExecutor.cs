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
/// the path is resolved inside it and links are not followed.
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
        var serverDir = FolderPaths.Normalize(spec.ServerDir, run.Job.Company.Name);
        var source = serverDir.Length == 0 ? Path.GetFullPath(serverRoot) : CompanyFolders.Inside(serverRoot, serverDir);
        if (source is null || !Directory.Exists(source) || IsLink(source))
        {
            await run.Log.WriteAsync(JobLogTypes.UploadError, LogText.Of(LogKeys.ServerDirectoryMissing, spec.ServerDir),
                cancellationToken: cancellationToken);
            return;
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = spec.IncludeSubfolders,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden,
            IgnoreInaccessible = true,
        };
        var all = new DirectoryInfo(source).EnumerateFiles("*", options).OrderBy(f => f.FullName, StringComparer.Ordinal).ToList();
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
                var relativeFolder = Path.GetRelativePath(source, file.DirectoryName!).Replace('\\', '/');
                var folder = string.Join('/', new[] { destRoot, relativeFolder == "." ? "" : relativeFolder }.Where(p => p.Length > 0));
                var assetPath = folder.Length == 0 ? file.Name : $"{folder}/{file.Name}";
                await run.Log.WriteAsync(JobLogTypes.FileBegin, Path.GetRelativePath(serverRoot, file.FullName).Replace('\\', '/'), assetPath,
                    cancellationToken: cancellationToken);
                var copy = Path.Combine(work, $"{i}-upload{file.Extension}");
                File.Copy(file.FullName, copy);
                var results = await ingest.IngestAsync(run, copy, folder, file.Name, settings, cancellationToken);
                ingested += results.Count(r => r is IngestResult.Created or IngestResult.Updated);
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

    private async Task ApplyMetadataFileAsync(JobRun run, string source, string destRoot, FileInfo file, CancellationToken cancellationToken)
    {
        var relativeFolder = Path.GetRelativePath(source, file.DirectoryName!).Replace('\\', '/');
        var folder = string.Join('/', new[] { destRoot, relativeFolder == "." ? "" : relativeFolder }.Where(p => p.Length > 0));
        var lines = await File.ReadAllLinesAsync(file.FullName, Encoding.UTF8, cancellationToken);
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

    private static bool IsLink(string path) => new DirectoryInfo(path).LinkTarget is not null;
}
