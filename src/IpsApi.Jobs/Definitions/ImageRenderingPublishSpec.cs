using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Publish to image rendering (<c>imageRenderingPublishJob</c>; also the post-upload publish).</summary>
public sealed record ImageRenderingPublishSpec(
    EmailSetting EmailSetting,
    string? HttpCompletionUrl,
    string? ContextHandle) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.ImageRenderingPublish;
}
