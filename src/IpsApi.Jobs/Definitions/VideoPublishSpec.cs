using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Publish videos (<c>videoPublishJob</c>; also the post-upload publish).</summary>
public sealed record VideoPublishSpec(
    EmailSetting EmailSetting,
    string? HttpCompletionUrl,
    string? ContextHandle) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.VideoPublish;
}
