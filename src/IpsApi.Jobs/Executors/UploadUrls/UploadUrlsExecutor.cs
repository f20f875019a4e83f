using IpsApi.Assets.Files;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.Executors.Ingest;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.Store;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.Executors.UploadUrls;

/// <summary>
/// uploadUrlsJob: downloads each sourceUrl (several at a time) into the run's work folder and ingests it as
/// destPath. Each file: FileBegin, then UploadSuccess / FileUpdated / DuplicateSkipped / UploadError.
/// </summary>
public sealed class UploadUrlsExecutor(
    UrlFetcher fetcher, AssetIngest ingest, PostJobs postJobs, IFileStore files, IOptions<DownloadOptions> options)
    : JobExecutor<UploadUrlsSpec>
{
    private const string TaskType = "UploadUrls";

    public override JobType Type => JobType.UrlUpload;

    protected override async Task ExecuteAsync(JobRun run, UploadUrlsSpec spec, CancellationToken cancellationToken)
    {
        var settings = new IngestSettings(spec.Overwrite, spec.ReadyForPublish, spec.PreservePublishState == true, spec.Processing);
        foreach (var option in settings.UnsupportedOptions())
        {
            await run.Log.WriteAsync("UploadWarning", LogText.Of(LogKeys.OptionNotSupported, option), cancellationToken: cancellationToken);
        }

        var urls = spec.Urls ?? [];
        await run.Log.TotalFilesAsync(urls.Count, cancellationToken);
        var work = files.CreateWorkFolder(run.Job.Company.Handle);
        var done = 0;
        var ingested = 0;
        try
        {
            await Parallel.ForEachAsync(
                urls.Select((url, index) => (url, index)),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxParallel), CancellationToken = cancellationToken },
                async (item, token) =>
                {
                    // The work file keeps the destination's extension: detection uses it when the bytes say nothing.
                    var download = Path.Combine(work, $"{item.index}-download{Path.GetExtension(item.url.DestPath)}");
                    var results = await UploadOneAsync(run, item.url, download, settings, token);
                    Interlocked.Add(ref ingested, results.Count(r => r is IngestResult.Created or IngestResult.Updated));
                    var finished = Interlocked.Increment(ref done);
                    await run.ReportProgressAsync(finished * 100 / urls.Count, $"{finished} of {urls.Count} files", token);
                    await run.ReportTaskAsync(new TaskProgressReport(TaskType, finished == urls.Count ? "Done" : "Processing",
                        finished, 0, urls.Count - finished, (double)finished / urls.Count, $"{finished} of {urls.Count} files"), token);
                });
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        await postJobs.SubmitAsync(run, spec.Post, ingested, cancellationToken);
    }

    private async Task<IReadOnlyList<IngestResult>> UploadOneAsync(
        JobRun run, UploadUrl url, string download, IngestSettings settings, CancellationToken cancellationToken)
    {
        var destination = url.DestPath.Trim('/');
        var folder = destination.Contains('/', StringComparison.Ordinal) ? destination[..destination.LastIndexOf('/')] : "";
        var name = destination[(destination.LastIndexOf('/') + 1)..];
        await run.Log.WriteAsync(JobLogTypes.FileBegin, url.SourceUrl, destination, cancellationToken: cancellationToken);
        try
        {
            await fetcher.DownloadAsync(new Uri(url.SourceUrl), download, cancellationToken);
        }
        catch (DownloadFailedException e)
        {
            File.Delete(download);
            await run.Log.TransferAsync(succeeded: false, cancellationToken);
            await run.Log.WriteAsync("UploadError", LogText.Of(LogKeys.NotDownloaded, url.SourceUrl, e.Reason), destination,
                cancellationToken: cancellationToken);
            return [IngestResult.Failed];
        }

        // The whole body arrived: the transfer succeeded, whatever the ingest then makes of the file.
        await run.Log.TransferAsync(succeeded: true, cancellationToken);

        return await ingest.IngestAsync(run, download, folder, name, settings, cancellationToken);
    }
}
