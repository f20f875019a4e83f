using IpsApi.Assets.Files;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Dispatch;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.JobTypes.Ingest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.JobTypes.UploadPost;

/// <summary>
/// uploadPostJob: ingests the files POSTed to the job as they come (several at a time), each as uploadUrlsJob ingests
/// a download (FileBegin, then UploadSuccess / FileUpdated / DuplicateSkipped / UploadError / UploadWarning), and ends
/// once endJob came, or no POST came for the idle timeout, and every file so far is in. Between POSTs it waits
/// without holding a run slot. Each file is marked done when its ingest is over, so a run that takes the job over
/// (its node died, or it was paused) goes on with the files not done. A stopped or deleted job takes no further POST,
/// and the files it had not ingested are deleted.
/// </summary>
public sealed class UploadPostExecutor(
    UploadStore uploads,
    UploadStaging staging,
    UploadSignal signal,
    AssetIngest ingest,
    PostJobs postJobs,
    IFileStore files,
    IdleRuns idleRuns,
    RunCancellations cancellations,
    IOptions<UploadOptions> options,
    TimeProvider clock,
    ILogger<UploadPostExecutor> logger)
    : JobExecutor<UploadPostSpec>
{
    public override JobType Type => JobType.UploadPost;

    protected override async Task ExecuteAsync(JobRun run, UploadPostSpec spec, CancellationToken cancellationToken)
    {
        var settings = new IngestSettings(spec.Overwrite, spec.ReadyForPublish, spec.PreservePublishState == true, spec.Processing);
        foreach (var option in settings.UnsupportedOptions())
        {
            await run.Log.WriteAsync(JobLogTypes.UploadWarning, LogText.Of(LogKeys.OptionNotSupported, option), cancellationToken: cancellationToken);
        }

        var jobId = run.Job.Id;
        var idleTimeout = TimeSpan.FromSeconds(options.Value.IdleTimeoutSeconds);
        var work = files.CreateWorkFolder(run.Job.Company.Storage);
        var ingested = 0;
        var waitingShown = -1;
        try
        {
            while (true)
            {
                var state = await uploads.StateAsync(jobId, cancellationToken);
                if (state is null || state.Closed)
                {
                    break;
                }

                var pending = state.Files.Where(f => !f.Done).ToList();
                if (pending.Count > 0)
                {
                    // The files done so far (by this run or the one it took over from) count as done items.
                    var done = state.Files.Where(f => f.Done).ToList();
                    var loop = new ItemLoop("Upload", "files", Start: done.Count, Parallelism: options.Value.MaxParallel);
                    await run.ForEachItemAsync([.. done, .. pending], loop, async (file, _, token) =>
                    {
                        if (await IngestOneAsync(run, file, work, settings, token))
                        {
                            Interlocked.Increment(ref ingested);
                        }
                    }, cancellationToken);
                    continue;
                }

                var quietFor = clock.GetUtcNow() - state.LastPostAt;
                if ((state.Ended || quietFor >= idleTimeout) && await uploads.TryCloseAsync(jobId, idleTimeout, cancellationToken))
                {
                    break;
                }

                if (waitingShown != state.Files.Count)
                {
                    // getActiveJobs tells a client polling it why the job is still open.
                    waitingShown = state.Files.Count;
                    await run.ReportProgressAsync(state.Files.Count == 0 ? 0 : 100,
                        state.Ended ? $"{state.Files.Count} files in; ending" : $"{state.Files.Count} files in; waiting for the next POST", cancellationToken);
                }

                using (idleRuns.Waiting())
                {
                    await signal.WaitAsync(jobId, state.Ended ? TimeSpan.Zero : idleTimeout - quietFor, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellations.ReasonOf(run.RunId) == CancelReason.Stop)
        {
            // Stopped or deleted: no further POST is taken, and what was not ingested goes.
            await DiscardAsync(jobId);
            throw;
        }
        finally
        {
            signal.Forget(jobId);
            Directory.Delete(work, recursive: true);
        }

        await uploads.ForgetFilesAsync(jobId, CancellationToken.None);
        await postJobs.SubmitAsync(run, new PostJobOptions(null, spec.PostHttpUrl, null, null, null), ingested, cancellationToken);
    }

    /// <summary>One file: FileBegin, its ingest from a second name of the staged file, then done and deleted.</summary>
    private async Task<bool> IngestOneAsync(JobRun run, UploadedFile file, string work, IngestSettings settings, CancellationToken cancellationToken)
    {
        var destination = FolderPaths.Join(file.Folder, file.Name);
        await run.Log.WriteAsync(JobLogTypes.FileBegin, file.ClientName, destination, cancellationToken: cancellationToken);

        // The work file keeps the name's extension: detection uses it when the bytes say nothing.
        var copy = Path.Combine(work, $"{file.Id}-upload{Path.GetExtension(file.Name)}");
        var ingestedNow = false;
        if (staging.TryHandOver(file.StagedKey, copy))
        {
            var results = await ingest.IngestAsync(run, copy, file.Folder, file.Name, settings, cancellationToken);
            ingestedNow = results.Any(r => r is IngestResult.Created or IngestResult.Updated);
        }
        else
        {
            await run.Log.WriteAsync(JobLogTypes.UploadError, LogText.Of(LogKeys.UploadedFileMissing), destination, cancellationToken: cancellationToken);
        }

        // Its ingest is over: whatever happens to the run now, this file is not done again.
        await uploads.MarkDoneAsync(file.Id, CancellationToken.None);
        staging.Delete(file.StagedKey);
        return ingestedNow;
    }

    private async Task DiscardAsync(long jobId)
    {
        try
        {
            foreach (var key in await uploads.CloseAsync(jobId, CancellationToken.None))
            {
                staging.Delete(key);
            }
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or IOException)
        {
            // The sweep (UploadJanitor) closes it once the job has ended.
            logger.LogWarning(e, "The stopped upload job {JobId} could not be closed now", jobId);
        }
    }
}
