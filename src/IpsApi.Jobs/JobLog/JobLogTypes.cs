using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Export;

namespace IpsApi.Jobs.JobLog;

/// <summary>
/// Every job log type this server writes (<c>JobLog.logType</c>, <c>JobLogDetail.logType</c>), named as the IPS API
/// reference lists them (string constants, "Job Log Types"), and what each one counts. Where that list slips
/// (<c>VideoPubilshSuccess</c>, <c>endReoptimize</c>, <c>FleEnd</c>) the spelling the rest of it follows is used. The
/// job types the list predates log under names of the same pattern: &lt;what&gt;Success, Error, Warning.
/// </summary>
public static class JobLogTypes
{
    // Every run.
    public const string OriginalJobName = "OriginalJobName";
    public const string JobType = "JobType";
    public const string JobClient = "JobClient";
    public const string InitiatingJobName = "InitiatingJobName";
    public const string TotalFileCount = "TotalFileCount";
    public const string FatalError = "FatalError";
    public const string FileBegin = "FileBegin";
    public const string FileProgress = "FileProgress";
    public const string FileCancel = "FileCancel";
    public const string FileUpdated = "FileUpdated";
    public const string DuplicateSkipped = "DuplicateSkipped";

    // uploadUrlsJob, uploadDirectoryJob, and the pages and eCatalogs of ripPdfsJob.
    public const string UploadSuccess = "UploadSuccess";
    public const string UploadError = "UploadError";
    public const string UploadWarning = "UploadWarning";

    // optimizeImagesJob.
    public const string BeginReoptimize = "BeginReoptimize";
    public const string ReoptimizeSuccess = "ReoptimizeSuccess";
    public const string ReoptimizeFailure = "ReoptimizeFailure";

    // ripPdfsJob.
    public const string BeginPdfRip = "BeginPdfRip";
    public const string PdfRipError = "PdfRipError";
    public const string PdfRipWarning = "PdfRipWarning";

    // reprocessAssetsJob.
    public const string ReprocessSuccess = "ReprocessSuccess";
    public const string ReprocessError = "ReprocessError";
    public const string ReprocessWarning = "ReprocessWarning";

    // exportJob; the download link is an ExportDownload record.
    public const string ExportSuccess = "ExportSuccess";
    public const string ExportError = "ExportError";
    public const string ExportWarning = "ExportWarning";
    public const string ExportDownload = "ExportDownload";

    // automatedSetGenerationJob.
    public const string SetGenerationSuccess = "SetGenerationSuccess";
    public const string SetGenerationError = "SetGenerationError";
    public const string SetGenerationWarning = "SetGenerationWarning";

    // The publish jobs.
    public const string ImageServingPublishSuccess = "ImageServingPublishSuccess";
    public const string ImageServingPublishError = "ImageServingPublishError";
    public const string ImageServingPublishWarning = "ImageServingPublishWarning";
    public const string ImageRenderingPublishSuccess = "ImageRenderingPublishSuccess";
    public const string VideoPublishSuccess = "VideoPublishSuccess";
    public const string VideoPublishWarning = "VideoPublishWarning";
    public const string ServerDirectoryPublishSuccess = "ServerDirectoryPublishSuccess";
    public const string ServerDirectoryPublishError = "ServerDirectoryPublishError";
    public const string MetadataSuccess = "MetadataSuccess";
    public const string MetadataWarning = "MetadataWarning";
    public const string CreateVideoSitemapSuccess = "CreateVideoSitemapSuccess";

    /// <summary>
    /// A run's first and last records, Begin&lt;name&gt; and End&lt;name&gt;, where the name is the job type's
    /// (<c>JobSpec.LogName</c>: BeginUpload, BeginUploadUrls, BeginMetadata, BeginImageServingPublish, ...).
    /// </summary>
    public static (string Begin, string End) BeginEnd(string name) => ($"Begin{name}", $"End{name}");

    /// <summary>Which JobLog count a detail of this type adds to.</summary>
    public static RunCount CountOf(string logType) => logType switch
    {
        DuplicateSkipped => RunCount.FileDuplicate,
        FileUpdated => RunCount.FileUpdate,
        FatalError => RunCount.FileError,
        _ when logType.EndsWith("Success", StringComparison.Ordinal) => RunCount.FileSuccess,
        _ when logType.EndsWith("Error", StringComparison.Ordinal) || logType.EndsWith("Failure", StringComparison.Ordinal) => RunCount.FileError,
        _ when logType.EndsWith("Warning", StringComparison.Ordinal) => RunCount.FileWarning,
        _ => RunCount.None,
    };
}

public enum RunCount
{
    None,
    FileSuccess,
    FileError,
    FileWarning,
    FileDuplicate,
    FileUpdate,
}
