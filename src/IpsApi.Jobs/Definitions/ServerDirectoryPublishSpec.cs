using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Publish the company's server directory (<c>serverDirectoryPublishJob</c>).</summary>
public sealed record ServerDirectoryPublishSpec(
    EmailSetting EmailSetting,
    string? HttpCompletionUrl) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.ServerDirectoryPublish;
}
