// imageRenderingPublishJob: the job element, and its place in the elements that carry a job (submitJobParam, ActiveJob,
// ScheduledJob), declared here so that a job type's wire types are in one file.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Publishes a company's assets to Image Rendering.</summary>
[XmlType("ImageRenderingPublishJob", Namespace = IpsNamespaces.Types)]
public class ImageRenderingPublishJob
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
    ImageRenderingPublishJob? ImageRenderingPublishJob { get; set; }
}

public partial class SubmitJobParam
{
    [XmlElement("imageRenderingPublishJob", Order = 9)]
    public ImageRenderingPublishJob? ImageRenderingPublishJob { get; set; }
}

public partial class ActiveJob
{
    [XmlElement("imageRenderingPublishJob", Order = 19)]
    public ImageRenderingPublishJob? ImageRenderingPublishJob { get; set; }
}

public partial class ScheduledJob
{
    [XmlElement("imageRenderingPublishJob", Order = 14)]
    public ImageRenderingPublishJob? ImageRenderingPublishJob { get; set; }
}
