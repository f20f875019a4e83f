using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>
/// What a job does: one derived record per job element of <c>submitJobParam</c>. The JSON discriminators are
/// the wire element names, so a stored definition reads like the request it came from.
/// </summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(ImageServingPublishSpec), "imageServingPublishJob")]
[JsonDerivedType(typeof(ImageRenderingPublishSpec), "imageRenderingPublishJob")]
[JsonDerivedType(typeof(VideoPublishSpec), "videoPublishJob")]
[JsonDerivedType(typeof(ServerDirectoryPublishSpec), "serverDirectoryPublishJob")]
[JsonDerivedType(typeof(MetadataPublishSpec), "metadataPublishJob")]
[JsonDerivedType(typeof(UploadDirectorySpec), "uploadDirectoryJob")]
[JsonDerivedType(typeof(UploadUrlsSpec), "uploadUrlsJob")]
[JsonDerivedType(typeof(OptimizeImagesSpec), "optimizeImagesJob")]
[JsonDerivedType(typeof(RipPdfsSpec), "ripPdfsJob")]
[JsonDerivedType(typeof(ReprocessAssetsSpec), "reprocessAssetsJob")]
[JsonDerivedType(typeof(CreateVideoSitemapSpec), "createVideoSitemapJob")]
[JsonDerivedType(typeof(ExportSpec), "exportJob")]
[JsonDerivedType(typeof(AutomatedSetGenerationSpec), "automatedSetGenerationJob")]
public abstract record JobSpec
{
    /// <summary>The job type clients see for this spec. Not stored: the discriminator says it already, and
    /// System.Text.Json does not inherit [JsonIgnore] to overrides, so each override carries its own.</summary>
    [JsonIgnore]
    public abstract JobType Type { get; }
}
