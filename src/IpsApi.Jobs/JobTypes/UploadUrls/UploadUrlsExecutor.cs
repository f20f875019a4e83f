using IpsApi.Assets.Files;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.JobTypes.Ingest;
using IpsApi.Jobs.Store;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.JobTypes.UploadUrls;

/// <summary>
/// uploadUrlsJob: downloads each sourceUrl (several at a time) into the run's work folder and ingests it as
/// destPath. Each file: FileBegin, then UploadSuccess / FileUpdated / DuplicateSkipped / UploadError.
/// </summary>
public sealed class UploadUrlsExecutor(
    UrlFetcher fetcher, AssetIngest ingest, PostJobs postJobs, IFileStore files, IOptions<DownloadOptions> options)
    : JobExecutor<UploadUrlsSpec>
{
    public override JobType Type => JobType.UrlUpload;

    protected override async Task ExecuteAsync(JobRun run, UploadUrlsSpec spec, CancellationToken cancellationToken)
    {
        var settings = new IngestSettings(spec.Overwrite, spec.ReadyForPublish, spec.PreservePublishState == true, spec.Processing);
        foreach (var option in settings.UnsupportedOptions())
        {
            await run.Log.WriteAsync(JobLogTypes.UploadWarning, LogText.Of(LogKeys.OptionNotSupported, option), cancellationToken: cancellationToken);
        }

        var urls = spec.Urls ?? [];
        var work = files.CreateWorkFolder(run.Job.Company.Storage);
        var ingested = 0;
        try
        {
            // The URLs are the job's own list, the same in every run: a run resumed after a pause, or taking over from a
            // node that died, downloads only those not done.
            var loop = new ItemLoop("UploadUrls", "files", Parallelism: Math.Max(1, options.Value.MaxParallel), Resumable: true);
            await run.ForEachItemAsync(urls, loop, async (url, index, token) =>
            {
                // The work file keeps the destination's extension: detection uses it when the bytes say nothing.
                var download = Path.Combine(work, $"{index}-download{Path.GetExtension(url.DestPath)}");
                var results = await UploadOneAsync(run, url, download, settings, token);
                Interlocked.Add(ref ingested, results.Count(r => r is IngestResult.Created or IngestResult.Updated));
            }, cancellationToken);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        // Files of the cut run this one took over count as brought in by this run (postJobOnlyIfFiles).
        ingested += run.Carried?.Count(type => type is JobLogTypes.UploadSuccess or JobLogTypes.FileUpdated) ?? 0;
        await postJobs.SubmitAsync(run, spec.Post, ingested, cancellationToken);
    }

    private async Task<IReadOnlyList<IngestResult>> UploadOneAsync(
        JobRun run, UploadUrl url, string download, IngestSettings settings, CancellationToken cancellationToken)
    {
        var (folder, name) = FolderPaths.SplitFile(url.DestPath, run.Job.Company.Name);
        var destination = FolderPaths.Join(folder, name);
        await run.Log.WriteAsync(JobLogTypes.FileBegin, url.SourceUrl, destination, cancellationToken: cancellationToken);
        try
        {
            await fetcher.DownloadAsync(new Uri(url.SourceUrl), download, cancellationToken);
        }
        catch (DownloadFailedException e)
        {
            File.Delete(download);
            await run.Log.TransferAsync(succeeded: false, cancellationToken);
            await run.Log.WriteAsync(JobLogTypes.UploadError, LogText.Of(LogKeys.NotDownloaded, url.SourceUrl, e.Reason), destination,
                cancellationToken: cancellationToken);
            return [IngestResult.Failed];
        }

        // The whole body arrived: the transfer succeeded, whatever the ingest then makes of the file.
        await run.Log.TransferAsync(succeeded: true, cancellationToken);

        return await ingest.IngestAsync(run, download, folder, name, settings, cancellationToken);
    }
}
