using IpsApi.Assets.Files;
using IpsApi.Assets.Processing;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Running;
using Microsoft.Extensions.Logging;

namespace IpsApi.Jobs.Executors.Ingest;

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
/// The same code serves uploadUrlsJob, uploadDirectoryJob and, later, reprocessing.
/// </summary>
public sealed class AssetIngest(
    AssetStore assets,
    IFileStore files,
    ImageProcessor images,
    PdfProcessor pdfs,
    VideoProcessor videos,
    ZipExpander zips,
    ILogger<AssetIngest> logger)
{
    private const string UploadSuccess = "UploadSuccess";
    private const string UploadError = "UploadError";

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
            await run.Log.WriteAsync(JobLogTypes.DuplicateSkipped, "An asset with this name exists; overwrite is false", path,
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
            var (type, facts, renditions, metadata) = await ProcessAsync(run, kind, workFile, work, settings, cancellationToken);

            var originalKey = $"{company.Handle}/assets/{(folder.Length == 0 ? "" : folder + "/")}{ingestId}-{name}";
            var original = await files.PutAsync(originalKey, workFile, cancellationToken);
            newKeys.Add(originalKey);
            var stored = new List<Rendition>();
            foreach (var (kindName, renditionName, file, width, height) in renditions)
            {
                var key = kindName == "Pyramid"
                    ? $"{company.Handle}/optimized/{ingestId}.tif"
                    : $"{company.Handle}/renditions/{ingestId}/{renditionName}{Path.GetExtension(file)}";
                var put = await files.PutAsync(key, file, cancellationToken);
                newKeys.Add(key);
                stored.Add(new Rendition(kindName, renditionName, key, put.Size, width, height));
            }

            var (asset, replaced) = await assets.SaveAsync(new AssetWrite(
                company.Id, company.Handle, folder, name, type, original.Size, original.Sha256, originalKey, facts,
                settings.ReadyForPublish, settings.PreservePublishState && existing is not null, stored, metadata), cancellationToken);
            newKeys.Clear(); // committed: from here on they are the asset's files
            foreach (var key in replaced)
            {
                files.Delete(key);
            }

            if (existing is null)
            {
                await run.Log.WriteAsync(UploadSuccess, "Uploaded", path, type.ToString(), asset.Handle, cancellationToken: cancellationToken);
                return [IngestResult.Created];
            }

            await run.Log.WriteAsync(JobLogTypes.FileUpdated, "Replaced the existing asset", path, type.ToString(), asset.Handle,
                cancellationToken: cancellationToken);
            return [IngestResult.Updated];
        }
        catch (MediaRejectedException e)
        {
            await run.Log.WriteAsync(UploadError, $"Not uploaded: {e.Message}", path, cancellationToken: cancellationToken);
            return [IngestResult.Failed];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or NetVips.VipsException)
        {
            logger.LogWarning(e, "Ingest of {Path} failed", path);
            await run.Log.WriteAsync(UploadError, $"Not uploaded: the file could not be processed ({e.GetType().Name})", path,
                cancellationToken: cancellationToken);
            return [IngestResult.Failed];
        }
        finally
        {
            foreach (var key in newKeys)
            {
                files.Delete(key);
            }

            File.Delete(workFile);
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<(AssetType Type, AssetFacts Facts, List<(string Kind, string Name, string File, int? Width, int? Height)> Renditions, Dictionary<string, string> Metadata)>
        ProcessAsync(JobRun run, AssetKind kind, string file, string work, IngestSettings settings, CancellationToken cancellationToken)
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
                    await run.Log.WriteAsync("UploadWarning", warning, Path.GetFileName(file), cancellationToken: cancellationToken);
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
                await run.Log.WriteAsync(UploadError, $"Not unpacked: {e.Message}", folder.Length == 0 ? name : $"{folder}/{name}",
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
