using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Make the optimised (pyramid) images of images that lack them (<c>optimizeImagesJob</c>).</summary>
public sealed record OptimizeImagesSpec(EmailSetting EmailSetting) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.ImageOptimization;
}
