// optimizeImagesJob: the job element, and its place in the elements that carry a job (submitJobParam, ActiveJob,
// ScheduledJob), declared here so that a job type's wire types are in one file.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Re-optimises a company's images.</summary>
[XmlType("OptimizeImagesJob", Namespace = IpsNamespaces.Types)]
public class OptimizeImagesJob
{
    [XmlElement("emailSetting", Order = 1)]
    public string? EmailSetting { get; set; }
}

public partial interface IJobElements
{
    OptimizeImagesJob? OptimizeImagesJob { get; set; }
}

public partial class SubmitJobParam
{
    [XmlElement("optimizeImagesJob", Order = 15)]
    public OptimizeImagesJob? OptimizeImagesJob { get; set; }
}

public partial class ActiveJob
{
    [XmlElement("optimizeImagesJob", Order = 26)]
    public OptimizeImagesJob? OptimizeImagesJob { get; set; }
}

public partial class ScheduledJob
{
    [XmlElement("optimizeImagesJob", Order = 20)]
    public OptimizeImagesJob? OptimizeImagesJob { get; set; }
}
