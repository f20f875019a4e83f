// serverDirectoryPublishJob: the job element, and its place in the elements that carry a job (submitJobParam, ActiveJob,
// ScheduledJob), declared here so that a job type's wire types are in one file.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Publishes to a server directory.</summary>
[XmlType("ServerDirectoryPublishJob", Namespace = IpsNamespaces.Types)]
public class ServerDirectoryPublishJob
{
    [XmlElement("emailSetting", Order = 1)]
    public string? EmailSetting { get; set; }

    [XmlElement("httpCompletionUrl", Order = 2)]
    public string? HttpCompletionUrl { get; set; }
}

public partial interface IJobElements
{
    ServerDirectoryPublishJob? ServerDirectoryPublishJob { get; set; }
}

public partial class SubmitJobParam
{
    [XmlElement("serverDirectoryPublishJob", Order = 11)]
    public ServerDirectoryPublishJob? ServerDirectoryPublishJob { get; set; }
}

public partial class ActiveJob
{
    [XmlElement("serverDirectoryPublishJob", Order = 21)]
    public ServerDirectoryPublishJob? ServerDirectoryPublishJob { get; set; }
}

public partial class ScheduledJob
{
    [XmlElement("serverDirectoryPublishJob", Order = 16)]
    public ServerDirectoryPublishJob? ServerDirectoryPublishJob { get; set; }
}
