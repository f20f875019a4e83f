using System.Text.Json.Serialization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Mapping;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.MetadataPublish;

/// <summary>Publish asset metadata (<c>metadataPublishJob</c>).</summary>
[JobElement("metadataPublishJob")]
public sealed record MetadataPublishSpec(bool? ForcePublish) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.MetadataPublish;

    public override string LogName() => "Metadata";
}

/// <summary>metadataPublishJob: its element on the wire and its executor.</summary>
public sealed class MetadataPublishJobType : JobTypeDefinition<W.MetadataPublishJob, MetadataPublishSpec>
{
    public override Type ExecutorType => typeof(MetadataPublishExecutor);

    public override MetadataPublishSpec Read(WireReader reader, W.MetadataPublishJob element, string path) => new(element.ForcePublish);

    public override W.MetadataPublishJob Echo(MetadataPublishSpec spec) => new() { ForcePublish = spec.ForcePublish };

    protected override W.MetadataPublishJob? Get(W.IJobElements carrier) => carrier.MetadataPublishJob;

    protected override void Set(W.IJobElements carrier, W.MetadataPublishJob element) => carrier.MetadataPublishJob = element;
}
