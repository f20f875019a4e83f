namespace IpsApi.Jobs.Definitions;

/// <summary>
/// The job type as clients see it in <c>ActiveJob.type</c> and <c>ScheduledJob.type</c>; member names are the
/// wire values, so <c>ToString()</c> gives what goes on the wire.
/// </summary>
public enum JobType
{
    ImageServingPublish,
    ImageRenderingPublish,
    ServerDirectoryPublish,
    VideoPublish,

    /// <summary><c>uploadDirectoryJob</c>.</summary>
    UploadFromServerDirectory,

    /// <summary><c>uploadUrlsJob</c>.</summary>
    UrlUpload,

    /// <summary><c>optimizeImagesJob</c>.</summary>
    ImageOptimization,

    MetadataPublish,
    CreateVideoSitemap,
    Export,
    ReprocessAssets,
    RipPdfs,
    AutomatedSetGeneration,

    /// <summary>
    /// <c>uploadPostJob</c>: the job the UploadFile endpoint opens for files POSTed to it (no element of
    /// <c>submitJobParam</c>; named after its element, as the job types after the documented list are).
    /// </summary>
    UploadPost,
}
