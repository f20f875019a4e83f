using IpsApi.Assets.Files;
using IpsApi.Assets.Processing;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using Microsoft.Extensions.Logging;

namespace IpsApi.Jobs.JobTypes.Ingest;

/// <summary>How one file's ingest ended.</summary>
public enum IngestResult
{
    Created,
    Updated,
    DuplicateSkipped,
    Failed,
}

/// <summary>
/// Turns a file that arrived in a run's work folder into an asset: detects what it is, processes it (image edits
/// and the optimized pyramid, PDF pages, video thumbnail and encodes, ZIP contents), stores the original and its
/// renditions under fresh storage keys, then writes the rows in one transaction. Until that commit nothing is
/// visible; if anything fails, the new files are removed again, so a failed ingest leaves no file and no row.
/// The same code serves uploadUrlsJob and uploadDirectoryJob; reprocessAssetsJob and optimizeImagesJob reprocess through it.
/// </summary>
public sealed class AssetIngest(
    AssetStore assets,
    IFileStore files,
    FileIntents intents,
    ImageProcessor images,
    PdfProcessor pdfs,
    VideoProcessor videos,
    ZipExpander zips,
    ILogger<AssetIngest> logger)
{
    /// <summary>Ingests <paramref name="workFile"/> as <paramref name="folder"/>/<paramref name="name"/> of the run's company.</summary>
    public async Task<IReadOnlyList<IngestResult>> IngestAsync(
        JobRun run, string workFile, string folder, string name, IngestSettings settings, CancellationToken cancellationToken)
    {
        var company = run.Job.Company;
        var path = folder.Length == 0 ? name : $"{folder}/{name}";
        var existing = await assets.FindAsync(company.Id, folder, name, cancellationToken);
        if (existing is not null && !settings.Overwrite)
        {
            File.Delete(workFile);
            await run.Log.WriteAsync(JobLogTypes.DuplicateSkipped, LogText.Of(LogKeys.DuplicateSkipped), path,
                existing.Type.ToString(), existing.Handle, cancellationToken: cancellationToken);
            return [IngestResult.DuplicateSkipped];
        }

        var kind = AssetSniffer.Detect(workFile);
        if (kind == AssetKind.Zip && settings.UnCompress)
        {
            return await IngestArchiveAsync(run, workFile, folder, name, settings, cancellationToken);
        }

        var newKeys = new List<string>();
        var ingestId = Guid.NewGuid().ToString("N")[..12];
        var work = Path.Combine(Path.GetDirectoryName(workFile)!, $"out-{ingestId}");
        Directory.CreateDirectory(work);
        try
        {
            var (type, facts, renditions, metadata) = await ProcessAsync(run, kind, workFile, path, work, settings, cancellationToken);

            var originalKey = company.Storage.Original(ingestId, name);
            var original = await intents.PutAsync(run.RunId, originalKey, workFile, cancellationToken);
            newKeys.Add(originalKey);
            var stored = await PutRenditionsAsync(run, company.Storage, ingestId, renditions, newKeys, cancellationToken);

            var (asset, replaced) = await assets.SaveAsync(new AssetWrite(
                company.Id, company.Handle, folder, name, type, original.Size, original.Sha256, originalKey, facts,
                settings.ReadyForPublish, settings.PreservePublishState && existing is not null, stored, metadata, run.Job.Submitter.Email,
                settings.GeneratedFrom, settings.GeneratedFrom is null ? null : "PostScriptRip"), cancellationToken);
            newKeys.Clear(); // committed: from here on they are the asset's files
            JobMetrics.Ingested(run.Job.Definition.Spec.Type, original.Size);
            foreach (var key in replaced)
            {
                files.Delete(key);
            }

            if (existing is null)
            {
                await run.Log.WriteAsync(JobLogTypes.UploadSuccess, LogText.Of(LogKeys.Uploaded), path, type.ToString(), asset.Handle, cancellationToken: cancellationToken);
                return [IngestResult.Created];
            }

            await run.Log.WriteAsync(JobLogTypes.FileUpdated, LogText.Of(LogKeys.ReplacedExisting), path, type.ToString(), asset.Handle,
                cancellationToken: cancellationToken);
            return [IngestResult.Updated];
        }
        catch (MediaRejectedException e)
        {
            await run.Log.WriteAsync(JobLogTypes.UploadError, LogText.Of(LogKeys.NotUploaded, e.Message), path, cancellationToken: cancellationToken);
            return [IngestResult.Failed];
        }
        catch (Exception e) when (IsProcessingFailure(e))
        {
            logger.LogWarning(e, "Ingest of {Path} failed", path);
            await run.Log.WriteAsync(JobLogTypes.UploadError, LogText.Of(LogKeys.NotUploaded, LogText.Of(LogKeys.ReasonNotProcessable, e.GetType().Name)), path,
                cancellationToken: cancellationToken);
            return [IngestResult.Failed];
        }
        finally
        {
            foreach (var key in newKeys)
            {
                files.Delete(key);
            }

            await ForgetQuietlyAsync(newKeys);

            File.Delete(workFile);
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Processes an existing asset again from its stored original with <paramref name="settings"/> and replaces its
    /// renditions in one transaction (the original stays where it is). reprocessAssetsJob and optimizeImagesJob
    /// come through here, so a re-made rendition is made exactly as ingest makes it. With
    /// <paramref name="keepOtherRenditions"/>, renditions this processing does not produce (a mask made at upload)
    /// are kept. The new files are removed again when anything fails, so a failure leaves the asset as it was.
    /// </summary>
    /// <exception cref="Exception">A failure that <see cref="IsProcessingFailure"/> recognises: the caller logs it.</exception>
    public async Task<Asset> ReprocessAsync(
        JobRun run, Asset asset, IngestSettings settings, bool keepOtherRenditions, CancellationToken cancellationToken)
    {
        var company = run.Job.Company;
        var kind = asset.Type switch
        {
            AssetType.Image => AssetKind.Image,
            AssetType.Pdf => AssetKind.Pdf,
            AssetType.Video => AssetKind.Video,
            _ => AssetKind.Other,
        };
        var ingestId = Guid.NewGuid().ToString("N")[..12];
        var work = files.CreateWorkFolder(company.Storage);
        var newKeys = new List<string>();
        try
        {
            // The processors only read the original, so they read it in place rather than from a copy.
            var (type, facts, renditions, metadata) = await ProcessAsync(
                run, kind, files.LocalPath(asset.OriginalKey), asset.Path, work, settings, cancellationToken);
            var stored = await PutRenditionsAsync(run, company.Storage, ingestId, renditions, newKeys, cancellationToken);
            if (keepOtherRenditions)
            {
                var made = stored.Select(r => (r.Kind, r.Name)).ToHashSet();
                stored.AddRange((await assets.RenditionsAsync(asset.Id, cancellationToken)).Where(r => !made.Contains((r.Kind, r.Name))));
            }

            // SaveAsync rewrites the metadata: what the asset had (keywords, earlier words) stays unless processing
            // produced a new value for it.
            var merged = new Dictionary<string, string>(await assets.MetadataAsync(asset.Id, cancellationToken), StringComparer.Ordinal);
            foreach (var (key, value) in metadata)
            {
                merged[key] = value;
            }

            var (saved, replaced) = await assets.SaveAsync(new AssetWrite(
                company.Id, company.Handle, asset.Folder, asset.FileName, type, asset.Size, asset.Checksum, asset.OriginalKey, facts,
                settings.ReadyForPublish, settings.PreservePublishState, stored, merged, run.Job.Submitter.Email, AssetId: asset.Id), cancellationToken);
            newKeys.Clear(); // committed: from here on they are the asset's files

            // Replaced lists every key the row had, the original and kept renditions among them: only the rest go.
            var inUse = stored.Select(r => r.StorageKey).Append(asset.OriginalKey).ToHashSet(StringComparer.Ordinal);
            foreach (var key in replaced.Where(k => !inUse.Contains(k)))
            {
                files.Delete(key);
            }

            return saved;
        }
        finally
        {
            foreach (var key in newKeys)
            {
                files.Delete(key);
            }

            await ForgetQuietlyAsync(newKeys);

            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The failures of one file's processing that are reported on that file rather than failing the run.</summary>
    public static bool IsProcessingFailure(Exception e) =>
        e is MediaRejectedException or IOException or UnauthorizedAccessException or InvalidOperationException or NetVips.VipsException;

    /// <summary>The message of a processing failure for the job log: what the processor said, or the kind of failure.</summary>
    public static LogText FailureText(Exception e) =>
        e is MediaRejectedException ? LogText.Plain(e.Message) : LogText.Of(LogKeys.ReasonNotProcessable, e.GetType().Name);

    /// <summary>Files removed again after a failure need no intent; if the database is gone too, a later sweep finds nothing to delete.</summary>
    private async Task ForgetQuietlyAsync(List<string> removedKeys)
    {
        if (removedKeys.Count == 0)
        {
            return;
        }

        try
        {
            await intents.ForgetAsync(removedKeys, CancellationToken.None);
        }
        catch (Npgsql.NpgsqlException e)
        {
            logger.LogWarning(e, "Intents of {Count} removed files were not forgotten", removedKeys.Count);
        }
    }

    /// <summary>Moves the processed files into the store under fresh keys, noting each in <paramref name="newKeys"/>.</summary>
    private async Task<List<Rendition>> PutRenditionsAsync(
        JobRun run, CompanyStorage company, string ingestId, List<(string Kind, string Name, string File, int? Width, int? Height)> renditions,
        List<string> newKeys, CancellationToken cancellationToken)
    {
        var stored = new List<Rendition>();
        foreach (var (kindName, renditionName, file, width, height) in renditions)
        {
            var key = kindName == "Pyramid"
                ? company.Optimized(ingestId)
                : company.Rendition(ingestId, renditionName, Path.GetExtension(file));
            var put = await intents.PutAsync(run.RunId, key, file, cancellationToken);
            newKeys.Add(key);
            stored.Add(new Rendition(kindName, renditionName, key, put.Size, width, height));
        }

        return stored;
    }

    private async Task<(AssetType Type, AssetFacts Facts, List<(string Kind, string Name, string File, int? Width, int? Height)> Renditions, Dictionary<string, string> Metadata)>
        ProcessAsync(JobRun run, AssetKind kind, string file, string path, string work, IngestSettings settings, CancellationToken cancellationToken)
    {
        var renditions = new List<(string, string, string, int?, int?)>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (kind)
        {
            case AssetKind.Image:
            {
                var outcome = await images.ProcessAsync(file, settings.ImageEdits, work, cancellationToken);
                renditions.Add(("Pyramid", "optimized", outcome.PyramidTiffPath, outcome.Processed.Width, outcome.Processed.Height));
                if (outcome.MaskPath is not null)
                {
                    renditions.Add(("Mask", "mask", outcome.MaskPath, outcome.Processed.Width, outcome.Processed.Height));
                }

                foreach (var warning in outcome.Warnings)
                {
                    await run.Log.WriteAsync(JobLogTypes.UploadWarning, warning, path, cancellationToken: cancellationToken);
                }

                var info = outcome.Original;
                return (AssetType.Image, new AssetFacts(info.Width, info.Height, info.Format, info.ColorSpace), renditions, metadata);
            }

            case AssetKind.Pdf:
            {
                var info = await pdfs.InspectAsync(file, cancellationToken);
                var pdf = settings.Options.PdfOptions;
                switch (pdf?.Process)
                {
                    case PdfProcess.Rasterize:
                        if (pdf.Colorspace == ColorSpace.Cmyk)
                        {
                            // Asked for and not delivered: the client would otherwise take the pages for CMYK.
                            await run.Log.WriteAsync(JobLogTypes.UploadWarning, LogText.Of(LogKeys.PdfPagesRgbNotCmyk), path, cancellationToken: cancellationToken);
                        }

                        var pages = await pdfs.RasterizeAsync(file, pdf.Resolution ?? 150, (pdf.Colorspace ?? ColorSpace.Auto).ToString(),
                            work, null, cancellationToken);
                        renditions.AddRange(pages.Select((page, i) => ("Page", $"page-{i + 1}", page, (int?)null, (int?)null)));
                        break;
                    case PdfProcess.Thumbnail:
                        renditions.Add(("Thumbnail", "thumbnail", await pdfs.ThumbnailAsync(file, work, cancellationToken), null, null));
                        break;
                }

                if (pdf?.ExtractSearchWords == true)
                {
                    metadata["searchWords"] = await pdfs.ExtractTextAsync(file, cancellationToken);
                }

                return (AssetType.Pdf, new AssetFacts(PageCount: info.PageCount, Format: "pdf"), renditions, metadata);
            }

            case AssetKind.Video:
            {
                var info = await videos.ProbeAsync(file, cancellationToken);
                var media = settings.Options.MediaOptions;
                if (media?.GenerateThumbnail == true)
                {
                    var at = TimeSpan.FromMilliseconds(media.ThumbnailOptions?.ThumbnailTime ?? 0);
                    renditions.Add(("Thumbnail", "thumbnail", await videos.ThumbnailAsync(file, at, work, cancellationToken), null, null));
                }

                foreach (var preset in media?.VideoEncodingPresetHandles ?? [])
                {
                    renditions.Add(("Encode", preset, await videos.EncodeAsync(file, preset, work, cancellationToken), null, null));
                }

                return (AssetType.Video, new AssetFacts(info.Width, info.Height, DurationMs: (long)info.Duration.TotalMilliseconds, Codec: info.Codec),
                    renditions, metadata);
            }

            default:
                return (AssetType.Other, new AssetFacts(), renditions, metadata);
        }
    }

    /// <summary>unCompressOptions=UnCompress: each entry of the archive is ingested in the destination folder.</summary>
    private async Task<IReadOnlyList<IngestResult>> IngestArchiveAsync(
        JobRun run, string zipFile, string folder, string name, IngestSettings settings, CancellationToken cancellationToken)
    {
        var target = Path.Combine(Path.GetDirectoryName(zipFile)!, $"unzip-{Guid.NewGuid():N}");
        try
        {
            IReadOnlyList<(string EntryPath, string FilePath)> entries;
            try
            {
                entries = await zips.ExpandAsync(zipFile, target, cancellationToken);
            }
            catch (MediaRejectedException e)
            {
                await run.Log.WriteAsync(JobLogTypes.UploadError, LogText.Of(LogKeys.NotUnpacked, e.Message), folder.Length == 0 ? name : $"{folder}/{name}",
                    cancellationToken: cancellationToken);
                return [IngestResult.Failed];
            }

            var results = new List<IngestResult>();
            foreach (var (entryPath, filePath) in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entryFolder = Path.GetDirectoryName(entryPath)?.Replace('\\', '/') ?? "";
                var destination = string.Join('/', new[] { folder, entryFolder }.Where(p => p.Length > 0));
                results.AddRange(await IngestAsync(run, filePath, destination, Path.GetFileName(entryPath), settings with { }, cancellationToken));
            }

            return results;
        }
        finally
        {
            File.Delete(zipFile);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
        }
    }
}
