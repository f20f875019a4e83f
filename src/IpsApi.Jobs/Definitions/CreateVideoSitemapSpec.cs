using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Write the company's video sitemap (<c>createVideoSitemapJob</c>).</summary>
public sealed record CreateVideoSitemapSpec(bool? ForceUpdate) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.CreateVideoSitemap;
}
