using System.Globalization;
using IpsApi.Assets.Files;
using IpsApi.Assets.Processing;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.JobTypes.Ingest;
using IpsApi.Jobs.Store;
using Microsoft.Extensions.Logging;

namespace IpsApi.Jobs.JobTypes.RipPdfs;

/// <summary>
/// ripPdfsJob: each listed PDF asset's pages are rasterised (pdfOptions resolution and colorspace) and each page
/// is ingested as an image asset <c>&lt;name&gt;-&lt;n&gt;</c> in the PDF's folder, through the ingest code, so a
/// page gets the crops, mask and pyramid an uploaded image gets. Each PDF: BeginPdfRip, an UploadSuccess or
/// FileUpdated per page, or PdfRipError; extractSearchWords puts the PDF's words on the PDF asset; pdfCatalog
/// makes an eCatalog <c>&lt;name&gt;</c> beside the PDF: a set of its page assets in page order.
/// </summary>
public sealed class RipPdfsExecutor(
    AssetStore assets, AssetIngest ingest, PdfProcessor pdfs, IFileStore files, PostJobs postJobs, ILogger<RipPdfsExecutor> logger)
    : JobExecutor<RipPdfsSpec>
{
    public override JobType Type => JobType.RipPdfs;

    protected override async Task ExecuteAsync(JobRun run, RipPdfsSpec spec, CancellationToken cancellationToken)
    {
        var company = run.Job.Company;
        var probe = new IngestSettings(true, false, true, spec.Processing);
        foreach (var option in probe.UnsupportedOptions(makesPdfCatalog: true))
        {
            await run.Log.WriteAsync(JobLogTypes.PdfRipWarning, LogText.Of(LogKeys.OptionNotSupported, option), cancellationToken: cancellationToken);
        }

        var handles = spec.PdfHandles ?? [];
        var start = int.TryParse(run.Checkpoint, NumberStyles.None, CultureInfo.InvariantCulture, out var next) ? next : 0;
        var pages = 0;
        var work = files.CreateWorkFolder(company.Storage);
        try
        {
            await run.ForEachItemAsync(handles, new ItemLoop("RipPdfs", "PDFs", start), async (handle, i, cancellationToken) =>
            {
                var pdf = await assets.FindByHandleAsync(company.Id, company.Handle, handle, cancellationToken);
                if (pdf is null)
                {
                    await run.Log.WriteAsync(JobLogTypes.PdfRipWarning, LogText.Of(LogKeys.UnknownAssetHandle, handle), assetHandle: handle,
                        cancellationToken: cancellationToken);
                }
                else if (pdf.InTrash)
                {
                    await run.Log.WriteAsync(JobLogTypes.PdfRipWarning, LogText.Of(LogKeys.AssetInTrash, handles[i]), pdf.Path, pdf.Type.ToString(), pdf.Handle,
                        cancellationToken: cancellationToken);
                }
                else if (pdf.Type != AssetType.Pdf)
                {
                    await run.Log.WriteAsync(JobLogTypes.PdfRipWarning, LogText.Of(LogKeys.NotAPdf, pdf.Type.ToString()), pdf.Path, pdf.Type.ToString(), pdf.Handle,
                        cancellationToken: cancellationToken);
                }
                else
                {
                    pages += await RipAsync(run, pdf, spec.Processing, Path.Combine(work, i.ToString(CultureInfo.InvariantCulture)), cancellationToken);
                }

                await run.SaveCheckpointAsync((i + 1).ToString(CultureInfo.InvariantCulture), cancellationToken);
            }, cancellationToken);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        await postJobs.SubmitAsync(run, spec.Post, pages, cancellationToken);
    }

    /// <summary>Rasterises one PDF and ingests its pages; returns how many page assets were written.</summary>
    private async Task<int> RipAsync(JobRun run, Asset pdf, IngestOptions options, string work, CancellationToken cancellationToken)
    {
        var pdfOptions = options.PdfOptions;
        IReadOnlyList<string> pageFiles;
        try
        {
            var source = files.LocalPath(pdf.OriginalKey);
            var info = await pdfs.InspectAsync(source, cancellationToken);
            await run.Log.WriteAsync(JobLogTypes.BeginPdfRip, LogText.Of(LogKeys.PdfRipBegin, info.PageCount.ToString(CultureInfo.InvariantCulture)),
                pdf.Path, pdf.Type.ToString(), pdf.Handle, cancellationToken: cancellationToken);
            if (pdfOptions?.Colorspace == ColorSpace.Cmyk)
            {
                // Asked for and not delivered: the client would otherwise take the pages for CMYK.
                await run.Log.WriteAsync(JobLogTypes.PdfRipWarning, LogText.Of(LogKeys.PdfPagesRgbNotCmyk), pdf.Path, cancellationToken: cancellationToken);
            }

            pageFiles = await pdfs.RasterizeAsync(source, pdfOptions?.Resolution ?? 150, (pdfOptions?.Colorspace ?? ColorSpace.Auto).ToString(),
                work, null, cancellationToken);
            if (pdfOptions?.ExtractSearchWords == true)
            {
                await assets.SetMetadataAsync(pdf.Id, new Dictionary<string, string> { ["searchWords"] = await pdfs.ExtractTextAsync(source, cancellationToken) },
                    cancellationToken);
            }
        }
        catch (Exception e) when (AssetIngest.IsProcessingFailure(e) || e is ArgumentOutOfRangeException)
        {
            logger.LogWarning(e, "Ripping {Handle} failed", pdf.Handle);
            await run.Log.WriteAsync(JobLogTypes.PdfRipError, LogText.Of(LogKeys.PdfRipFailed, e is ArgumentOutOfRangeException ? LogText.Plain(e.Message) : AssetIngest.FailureText(e)),
                pdf.Path, pdf.Type.ToString(), pdf.Handle, cancellationToken: cancellationToken);
            return 0;
        }

        // A page is an image asset beside its PDF; ripping again replaces the pages and keeps their publish state.
        var stem = pdf.Name;
        var settings = new IngestSettings(Overwrite: true, pdf.ReadyForPublish, PreservePublishState: true, options) { GeneratedFrom = pdf.Id };
        var written = 0;
        for (var page = 0; page < pageFiles.Count; page++)
        {
            var results = await ingest.IngestAsync(run, pageFiles[page], pdf.Folder, $"{stem}-{page + 1}", settings, cancellationToken);
            written += results.Count(r => r is IngestResult.Created or IngestResult.Updated);
        }

        if (pdfOptions?.PdfCatalog == true)
        {
            written += await WriteCatalogAsync(run, pdf, stem, pageFiles.Count, cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// The eCatalog <c>&lt;name&gt;</c> beside the PDF: its page assets, first page first. Ripping again rewrites it
    /// with the pages the PDF has now; a page asset that is not there (its ingest failed) is left out. Returns 1 when
    /// it was written.
    /// </summary>
    private async Task<int> WriteCatalogAsync(JobRun run, Asset pdf, string stem, int pageCount, CancellationToken cancellationToken)
    {
        var company = run.Job.Company;
        var pages = new List<long>(pageCount);
        for (var page = 1; page <= pageCount; page++)
        {
            if (await assets.FindAsync(company.Id, pdf.Folder, $"{stem}-{page.ToString(CultureInfo.InvariantCulture)}", cancellationToken) is { IsSet: false } asset)
            {
                pages.Add(asset.Id);
            }
        }

        var path = pdf.Folder.Length == 0 ? stem : $"{pdf.Folder}/{stem}";
        var type = AssetType.ECatalog.ToString();
        var saved = await assets.SaveSetAsync(company.Id, company.Handle, pdf.Folder, stem, AssetType.ECatalog, pages, pdf.ReadyForPublish, cancellationToken);
        if (saved is not { } catalog)
        {
            await run.Log.WriteAsync(JobLogTypes.PdfRipError, LogText.Of(LogKeys.PdfCatalogPathTaken), path, type, cancellationToken: cancellationToken);
            return 0;
        }

        await run.Log.WriteAsync(catalog.Created ? JobLogTypes.UploadSuccess : JobLogTypes.FileUpdated,
            LogText.Of(LogKeys.PdfCatalogWritten, pages.Count.ToString(CultureInfo.InvariantCulture)), path, type, catalog.Set.Handle,
            cancellationToken: cancellationToken);
        return 1;
    }
}
