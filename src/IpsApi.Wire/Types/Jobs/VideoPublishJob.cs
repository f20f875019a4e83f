// videoPublishJob: the job element, and its place in the elements that carry a job (submitJobParam, ActiveJob,
// ScheduledJob), declared here so that a job type's wire types are in one file.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Publishes a company's video assets.</summary>
[XmlType("VideoPublishJob", Namespace = IpsNamespaces.Types)]
public class VideoPublishJob
{
    [XmlElement("emailSetting", Order = 1)]
    public string? EmailSetting { get; set; }

    [XmlElement("httpCompletionUrl", Order = 2)]
    public string? HttpCompletionUrl { get; set; }

    [XmlElement("contextHandle", Order = 3)]
    public string? ContextHandle { get; set; }
}

public partial interface IJobElements
{
    VideoPublishJob? VideoPublishJob { get; set; }
}

public partial class SubmitJobParam
{
    [XmlElement("videoPublishJob", Order = 10)]
    public VideoPublishJob? VideoPublishJob { get; set; }
}

public partial class ActiveJob
{
    [XmlElement("videoPublishJob", Order = 20)]
    public VideoPublishJob? VideoPublishJob { get; set; }
}

public partial class ScheduledJob
{
    [XmlElement("videoPublishJob", Order = 15)]
    public VideoPublishJob? VideoPublishJob { get; set; }
}
