// createVideoSitemapJob: the job element, and its place in the elements that carry a job (submitJobParam, ActiveJob,
// ScheduledJob), declared here so that a job type's wire types are in one file.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Creates the video sitemap.</summary>
[XmlType("CreateVideoSitemapJob", Namespace = IpsNamespaces.Types)]
public class CreateVideoSitemapJob
{
    [XmlElement("forceUpdate", Order = 1)]
    public bool? ForceUpdate { get; set; }

    public bool ShouldSerializeForceUpdate() => ForceUpdate.HasValue;
}

public partial interface IJobElements
{
    CreateVideoSitemapJob? CreateVideoSitemapJob { get; set; }
}

public partial class SubmitJobParam
{
    [XmlElement("createVideoSitemapJob", Order = 18)]
    public CreateVideoSitemapJob? CreateVideoSitemapJob { get; set; }
}

public partial class ActiveJob
{
    [XmlElement("createVideoSitemapJob", Order = 29)]
    public CreateVideoSitemapJob? CreateVideoSitemapJob { get; set; }
}

public partial class ScheduledJob
{
    [XmlElement("createVideoSitemapJob", Order = 23)]
    public CreateVideoSitemapJob? CreateVideoSitemapJob { get; set; }
}
