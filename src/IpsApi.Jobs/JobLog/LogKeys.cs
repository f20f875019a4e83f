namespace IpsApi.Jobs.JobLog;

/// <summary>
/// The keys of the job log messages. They are stored with each record (job_log_details.message_key), so a key
/// never changes its meaning once released: a changed message gets a new key. The English of each is in
/// <see cref="EnglishLogTexts"/>.
/// </summary>
public static class LogKeys
{
    /// <summary>{0} job name, {1} node: "{0} started on {1}".</summary>
    public const string RunStarted = "run.started";

    /// <summary>{0} job name: "{0} ended: Done".</summary>
    public const string RunEndedDone = "run.ended.done";

    /// <summary>{0} job name: "{0} ended: Failed".</summary>
    public const string RunEndedFailed = "run.ended.failed";

    /// <summary>{0} job name: "{0} ended: Stopped".</summary>
    public const string RunEndedStopped = "run.ended.stopped";

    /// <summary>{0} job name: "{0} ended: Paused".</summary>
    public const string RunEndedPaused = "run.ended.paused";

    /// <summary>JobClient record of a client that sent no appName.</summary>
    public const string NoAppName = "run.client.none";

    /// <summary>{0} node that died while the run was open.</summary>
    public const string RunInterrupted = "run.interrupted";

    /// <summary>{0} job type.</summary>
    public const string JobTypeNotSupported = "run.type_not_supported";

    public const string RunStoppedByRequest = "run.stopped_by_request";

    public const string RunPausedByRequest = "run.paused_by_request";

    /// <summary>{0} exception type name, {1} error id to find it in the server log.</summary>
    public const string JobFailed = "run.failed";

    public const string Published = "publish.published";

    public const string RemovedFromPublish = "publish.removed";

    /// <summary>{0} reason (one of the reason.* keys).</summary>
    public const string NotPublished = "publish.not_published";

    /// <summary>{0} reason (one of the reason.* keys).</summary>
    public const string NotRemoved = "publish.not_removed";

    /// <summary>A catalog entry whose asset is no longer marked for publish (or is gone).</summary>
    public const string Unpublished = "publish.unpublished";

    /// <summary>{0} the path of the asset already published under the same name.</summary>
    public const string PublishNameTaken = "publish.name_taken";

    /// <summary>An image without an optimized pyramid: nothing to serve it from.</summary>
    public const string NoPyramid = "publish.no_pyramid";

    /// <summary>{0} number of videos in the sitemap.</summary>
    public const string SitemapWritten = "publish.sitemap_written";

    public const string SitemapUnchanged = "publish.sitemap_unchanged";

    public const string ReasonPermissionDenied = "reason.permission_denied";

    public const string ReasonPathTooLong = "reason.path_too_long";

    public const string ReasonInputOutput = "reason.io_error";

    /// <summary>A server directory file that is a link, not a regular file, or outside the directory once links are resolved.</summary>
    public const string ReasonNotInServerDirectory = "reason.not_in_server_directory";

    /// <summary>{0} width, {1} height of the rendering, {2} most pixels per side, {3} most pixels in all.</summary>
    public const string ReasonRenderTooLarge = "reason.render_too_large";

    /// <summary>UploadSuccess of a new asset.</summary>
    public const string Uploaded = "upload.uploaded";

    /// <summary>FileUpdated: overwrite=true replaced an asset of that name.</summary>
    public const string ReplacedExisting = "upload.replaced";

    /// <summary>DuplicateSkipped: overwrite=false and an asset of that name exists.</summary>
    public const string DuplicateSkipped = "upload.duplicate_skipped";

    /// <summary>{0} reason: the processor's own words (free text) or <see cref="ReasonNotProcessable"/>.</summary>
    public const string NotUploaded = "upload.not_uploaded";

    /// <summary>{0} reason why the ZIP was not unpacked (the unpacker's own words).</summary>
    public const string NotUnpacked = "upload.not_unpacked";

    /// <summary>{0} source URL, {1} reason (one of the download.* keys, or the outbound policy's words).</summary>
    public const string NotDownloaded = "upload.not_downloaded";

    /// <summary>UploadError of a POSTed file that is no longer where its POST left it.</summary>
    public const string UploadedFileMissing = "upload.posted_file_missing";

    /// <summary>{0} the option (one of the option.* keys).</summary>
    public const string OptionNotSupported = "upload.option_not_supported";

    /// <summary>UploadWarning of a PDF rasterised with pdfOptions colorspace Cmyk.</summary>
    public const string PdfPagesRgbNotCmyk = "upload.pdf_pages_rgb_not_cmyk";

    /// <summary>{0} the server directory as the job names it.</summary>
    public const string ServerDirectoryMissing = "upload.server_directory_missing";

    public const string MetadataFileBadHeader = "upload.metadata_file.bad_header";

    /// <summary>{0} the file name in the metadata file that names no asset.</summary>
    public const string MetadataNoSuchAsset = "upload.metadata_file.no_such_asset";

    /// <summary>{0} the exception type name (the server log has the rest).</summary>
    public const string ReasonNotProcessable = "reason.not_processable";

    /// <summary>{0} the outbound policy's reason.</summary>
    public const string DownloadRefused = "download.refused";

    /// <summary>{0} the outbound policy's reason for the redirect target.</summary>
    public const string DownloadRedirectRefused = "download.redirect_refused";

    /// <summary>{0} the redirect limit.</summary>
    public const string DownloadTooManyRedirects = "download.too_many_redirects";

    /// <summary>{0} HTTP status code, {1} reason phrase.</summary>
    public const string DownloadHttpStatus = "download.http_status";

    /// <summary>{0} the size limit in bytes.</summary>
    public const string DownloadTooLarge = "download.too_large";

    public const string DownloadUnreachable = "download.unreachable";

    public const string DownloadTimedOut = "download.timed_out";

    public const string OptionPhotoshopLayers = "option.photoshop_layers";

    public const string OptionPostScript = "option.postscript";

    public const string OptionIllustrator = "option.illustrator";

    public const string OptionInDesign = "option.indesign";

    public const string OptionColorProfiles = "option.color_profiles";

    public const string OptionAutoSetCreation = "option.auto_set_creation";

    public const string OptionPdfCatalog = "option.pdf_catalog";

    public const string OptionPdfExtractLinks = "option.pdf_extract_links";

    public const string OptionProjects = "option.projects";

    /// <summary>BeginReoptimize: an image whose pyramid is missing or older than its original.</summary>
    public const string ReoptimizeBegin = "reoptimize.begin";

    /// <summary>ReoptimizeSuccess: the image has a new pyramid.</summary>
    public const string Reoptimized = "reoptimize.success";

    /// <summary>{0} reason: ReoptimizeFailure.</summary>
    public const string NotReoptimized = "reoptimize.failure";

    /// <summary>ReprocessSuccess: the asset was processed again from its stored original.</summary>
    public const string Reprocessed = "reprocess.success";

    /// <summary>{0} reason: ReprocessError.</summary>
    public const string NotReprocessed = "reprocess.failure";

    /// <summary>{0} the handle as given: not an asset handle, or one of another company, or of no asset.</summary>
    public const string UnknownAssetHandle = "handle.unknown";

    /// <summary>{0}: the asset handle. The asset was deleted (it is in the trash).</summary>
    public const string AssetInTrash = "handle.in_trash";

    /// <summary>{0} page count: BeginPdfRip.</summary>
    public const string PdfRipBegin = "pdfrip.begin";

    /// <summary>{0} reason: PdfRipError.</summary>
    public const string PdfRipFailed = "pdfrip.error";

    /// <summary>{0} page count: the eCatalog of a ripped PDF written (pdfCatalog).</summary>
    public const string PdfCatalogWritten = "pdfrip.catalog";

    /// <summary>The eCatalog's path is taken by an asset that is not a set.</summary>
    public const string PdfCatalogPathTaken = "pdfrip.catalog_path_taken";

    /// <summary>{0} the asset type: a ripPdfsJob handle of something that is not a PDF.</summary>
    public const string NotAPdf = "pdfrip.not_pdf";

    /// <summary>{0} reason (one of the export.reason keys): exportJob wrote nothing.</summary>
    public const string ExportRefused = "export.refused";

    /// <summary>{0} the modifier as given.</summary>
    public const string ModifierUnknown = "export.reason.modifier_unknown";

    /// <summary>{0} the modifier as given.</summary>
    public const string ModifierInvalid = "export.reason.modifier_invalid";

    /// <summary>{0} the macro name.</summary>
    public const string MacroUnknown = "export.reason.macro_unknown";

    /// <summary>{0} the ZIP entry name: ExportSuccess.</summary>
    public const string Exported = "export.success";

    /// <summary>{0} the asset type: fmt=convert of an asset that is not an image.</summary>
    public const string ExportNotConvertible = "export.not_convertible";

    /// <summary>{0} reason: ExportError of one asset.</summary>
    public const string NotExported = "export.failure";

    /// <summary>{0} file count, {1} expiry (UTC, ISO 8601): the record whose assetName is the download URL.</summary>
    public const string ExportReady = "export.ready";

    /// <summary>Nothing could be put in the ZIP, so none was made.</summary>
    public const string ExportEmpty = "export.empty";

    /// <summary>{0} the rule name given in autoSetCreationOptions.</summary>
    public const string SetScriptUnknown = "sets.script_unknown";

    /// <summary>An asset whose name no applied rule matches.</summary>
    public const string SetNoMatch = "sets.no_match";

    /// <summary>{0} member count: a set created or updated.</summary>
    public const string SetWritten = "sets.written";

    /// <summary>The set's path is taken by an asset that is not a set.</summary>
    public const string SetPathTaken = "sets.path_taken";

    /// <summary>{0} asset type: a set where a file is needed (reprocess, export, set member).</summary>
    public const string NoOwnFile = "sets.no_own_file";

    /// <summary>Every key, for the catalog's completeness check.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(LogKeys)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>The end record of a run for its final state; null for a state without one.</summary>
    public static string? RunEnded(string state) => state switch
    {
        "Done" => RunEndedDone,
        "Failed" => RunEndedFailed,
        "Stopped" => RunEndedStopped,
        "Paused" => RunEndedPaused,
        _ => null,
    };
}
