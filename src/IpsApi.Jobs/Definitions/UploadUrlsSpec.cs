using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Fetch files from URLs into the asset tree (<c>uploadUrlsJob</c>).</summary>
/// <param name="Urls">The <c>urlArray</c> items; null when the array was left out.</param>
public sealed record UploadUrlsSpec(
    IReadOnlyList<UploadUrl>? Urls,
    int? NumUrls,
    bool Overwrite,
    bool ReadyForPublish,
    bool? PreservePublishState,
    IngestOptions Processing,
    EmailSetting EmailSetting,
    PostJobOptions Post) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.UrlUpload;
}
