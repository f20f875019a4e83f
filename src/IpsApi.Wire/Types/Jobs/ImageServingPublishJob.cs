// imageServingPublishJob: the job element, and its place in the elements that carry a job (submitJobParam, ActiveJob,
// ScheduledJob), declared here so that a job type's wire types are in one file.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Publishes a company's assets to Image Serving.</summary>
[XmlType("ImageServingPublishJob", Namespace = IpsNamespaces.Types)]
public class ImageServingPublishJob
{
    [XmlElement("publishType", Order = 1)]
    public string? PublishType { get; set; }

    [XmlElement("emailSetting", Order = 2)]
    public string? EmailSetting { get; set; }

    [XmlElement("httpCompletionUrl", Order = 3)]
    public string? HttpCompletionUrl { get; set; }

    [XmlElement("contextHandle", Order = 4)]
    public string? ContextHandle { get; set; }
}

public partial interface IJobElements
{
    ImageServingPublishJob? ImageServingPublishJob { get; set; }
}

public partial class SubmitJobParam
{
    [XmlElement("imageServingPublishJob", Order = 8)]
    public ImageServingPublishJob? ImageServingPublishJob { get; set; }
}

public partial class ActiveJob
{
    [XmlElement("imageServingPublishJob", Order = 18)]
    public ImageServingPublishJob? ImageServingPublishJob { get; set; }
}

public partial class ScheduledJob
{
    [XmlElement("imageServingPublishJob", Order = 13)]
    public ImageServingPublishJob? ImageServingPublishJob { get; set; }
}
