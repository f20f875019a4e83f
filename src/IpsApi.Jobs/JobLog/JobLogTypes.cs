using IpsApi.Jobs.Definitions;

namespace IpsApi.Jobs.JobLog;

/// <summary>The IPS job log types and what each one counts.</summary>
public static class JobLogTypes
{
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
    public const string ServerDirectoryPublishSuccess = "ServerDirectoryPublishSuccess";
    public const string ServerDirectoryPublishError = "ServerDirectoryPublishError";
    public const string ServerDirectoryPublishWarning = "ServerDirectoryPublishWarning";

    /// <summary>The run's first and last records: Begin&lt;what&gt; / End&lt;what&gt; as IPS names them.</summary>
    public static (string Begin, string End) BeginEnd(JobType type)
    {
        var what = type switch
        {
            Definitions.JobType.UrlUpload => "UploadUrls",
            Definitions.JobType.UploadFromServerDirectory => "Upload",
            Definitions.JobType.MetadataPublish => "Metadata",
            _ => type.ToString(),
        };
        return ($"Begin{what}", $"End{what}");
    }

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
