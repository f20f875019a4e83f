using IpsApi.Jobs.JobTypes.ImageRenderingPublish;
using IpsApi.Jobs.JobTypes.ImageServingPublish;
using IpsApi.Jobs.JobTypes.VideoPublish;

namespace IpsApi.Jobs.JobTypes.Ingest;

/// <summary>
/// What follows an upload, reprocess or rip job: the callback URL and the publishes run after it. Every field
/// is optional; <c>ripPdfsJob</c> has no <c>postJobOnlyIfFiles</c>, so it stays null there.
/// </summary>
/// <param name="PostHttpUrl">Called when the job ends.</param>
public sealed record PostJobOptions(
    bool? PostJobOnlyIfFiles,
    string? PostHttpUrl,
    ImageServingPublishSpec? PostImageServingPublishJob,
    ImageRenderingPublishSpec? PostImageRenderingPublishJob,
    VideoPublishSpec? PostVideoPublishJob);
