// metadataPublishJob: the job element, and its place in the elements that carry a job (submitJobParam, ActiveJob,
// ScheduledJob), declared here so that a job type's wire types are in one file.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Publishes asset metadata.</summary>
[XmlType("MetadataPublishJob", Namespace = IpsNamespaces.Types)]
public class MetadataPublishJob
{
    [XmlElement("forcePublish", Order = 1)]
    public bool? ForcePublish { get; set; }

    public bool ShouldSerializeForcePublish() => ForcePublish.HasValue;
}

public partial interface IJobElements
{
    MetadataPublishJob? MetadataPublishJob { get; set; }
}

public partial class SubmitJobParam
{
    [XmlElement("metadataPublishJob", Order = 12)]
    public MetadataPublishJob? MetadataPublishJob { get; set; }
}

public partial class ActiveJob
{
    [XmlElement("metadataPublishJob", Order = 22)]
    public MetadataPublishJob? MetadataPublishJob { get; set; }
}

public partial class ScheduledJob
{
    [XmlElement("metadataPublishJob", Order = 17)]
    public MetadataPublishJob? MetadataPublishJob { get; set; }
}
