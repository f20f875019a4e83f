// The scheduled-job types getScheduledJobs answers with.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>A scheduled job and its trigger, with its job definition.</summary>
[XmlType("ScheduledJob", Namespace = IpsNamespaces.Types)]
public class ScheduledJob
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }

    [XmlElement("name", Order = 3)]
    public string? Name { get; set; }

    [XmlElement("originalName", Order = 4)]
    public string? OriginalName { get; set; }

    [XmlElement("type", Order = 5)]
    public string? Type { get; set; }

    [XmlElement("submitUserEmail", Order = 6)]
    public string? SubmitUserEmail { get; set; }

    [XmlElement("locale", Order = 7)]
    public string? Locale { get; set; }

    [XmlElement("description", Order = 8)]
    public string? Description { get; set; }

    [XmlElement("execSchedule", Order = 9)]
    public string? ExecSchedule { get; set; }

    [XmlElement("nextFireTime", Order = 10)]
    public DateTime? NextFireTime { get; set; }

    public bool ShouldSerializeNextFireTime() => NextFireTime.HasValue;

    [XmlElement("timeZone", Order = 11)]
    public string? TimeZone { get; set; }

    [XmlElement("triggerState", Order = 12)]
    public string? TriggerState { get; set; }

    [XmlElement("imageServingPublishJob", Order = 13)]
    public ImageServingPublishJob? ImageServingPublishJob { get; set; }

    [XmlElement("imageRenderingPublishJob", Order = 14)]
    public ImageRenderingPublishJob? ImageRenderingPublishJob { get; set; }

    [XmlElement("videoPublishJob", Order = 15)]
    public VideoPublishJob? VideoPublishJob { get; set; }

    [XmlElement("serverDirectoryPublishJob", Order = 16)]
    public ServerDirectoryPublishJob? ServerDirectoryPublishJob { get; set; }

    [XmlElement("metadataPublishJob", Order = 17)]
    public MetadataPublishJob? MetadataPublishJob { get; set; }

    [XmlElement("uploadDirectoryJob", Order = 18)]
    public UploadDirectoryJob? UploadDirectoryJob { get; set; }

    [XmlElement("uploadUrlsJob", Order = 19)]
    public UploadUrlsJob? UploadUrlsJob { get; set; }

    [XmlElement("optimizeImagesJob", Order = 20)]
    public OptimizeImagesJob? OptimizeImagesJob { get; set; }

    [XmlElement("ripPdfsJob", Order = 21)]
    public RipPdfsJob? RipPdfsJob { get; set; }

    [XmlElement("reprocessAssetsJob", Order = 22)]
    public ReprocessAssetsJob? ReprocessAssetsJob { get; set; }

    [XmlElement("createVideoSitemapJob", Order = 23)]
    public CreateVideoSitemapJob? CreateVideoSitemapJob { get; set; }

    [XmlElement("exportJob", Order = 24)]
    public ExportJob? ExportJob { get; set; }

    [XmlElement("automatedSetGenerationJob", Order = 25)]
    public AutomatedSetGenerationJob? AutomatedSetGenerationJob { get; set; }
}

/// <summary>A list of <see cref="ScheduledJob"/>.</summary>
[XmlType("ScheduledJobArray", Namespace = IpsNamespaces.Types)]
public class ScheduledJobArray
{
    [XmlElement("items", Order = 1)]
    public List<ScheduledJob> Items { get; set; } = new();
}
