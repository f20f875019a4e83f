using System.Text.Json.Serialization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Mapping;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.CreateVideoSitemap;

/// <summary>Write the company's video sitemap (<c>createVideoSitemapJob</c>).</summary>
[JobElement("createVideoSitemapJob")]
public sealed record CreateVideoSitemapSpec(bool? ForceUpdate) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.CreateVideoSitemap;
}

/// <summary>createVideoSitemapJob: its element on the wire and its executor.</summary>
public sealed class CreateVideoSitemapJobType : JobTypeDefinition<W.CreateVideoSitemapJob, CreateVideoSitemapSpec>
{
    public override Type ExecutorType => typeof(CreateVideoSitemapExecutor);

    public override CreateVideoSitemapSpec Read(WireReader reader, W.CreateVideoSitemapJob element, string path) => new(element.ForceUpdate);

    public override W.CreateVideoSitemapJob Echo(CreateVideoSitemapSpec spec) => new() { ForceUpdate = spec.ForceUpdate };

    protected override W.CreateVideoSitemapJob? Get(W.IJobElements carrier) => carrier.CreateVideoSitemapJob;

    protected override void Set(W.IJobElements carrier, W.CreateVideoSitemapJob element) => carrier.CreateVideoSitemapJob = element;
}
