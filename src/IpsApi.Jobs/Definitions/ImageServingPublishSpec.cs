using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Publish to image serving (<c>imageServingPublishJob</c>; also the post-upload publish).</summary>
public sealed record ImageServingPublishSpec(
    PublishType PublishType,
    EmailSetting EmailSetting,
    string? HttpCompletionUrl,
    string? ContextHandle) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.ImageServingPublish;
}
