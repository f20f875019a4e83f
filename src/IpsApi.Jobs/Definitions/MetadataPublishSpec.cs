using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Publish asset metadata (<c>metadataPublishJob</c>).</summary>
public sealed record MetadataPublishSpec(bool? ForcePublish) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.MetadataPublish;
}
