// uploadUrlsJob: the job element, and its place in the elements that carry a job (submitJobParam, ActiveJob,
// ScheduledJob), declared here so that a job type's wire types are in one file.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Uploads files fetched from URLs.</summary>
[XmlType("UploadUrlsJob", Namespace = IpsNamespaces.Types)]
public class UploadUrlsJob : IIngestOptionElements, IPostJobElements
{
    [XmlElement("urlArray", Order = 1)]
    public UploadUrlArray? UrlArray { get; set; }

    [XmlElement("numUrls", Order = 2)]
    public int? NumUrls { get; set; }

    public bool ShouldSerializeNumUrls() => NumUrls.HasValue;

    [XmlElement("overwrite", Order = 3)]
    public bool? Overwrite { get; set; }

    public bool ShouldSerializeOverwrite() => Overwrite.HasValue;

    [XmlElement("readyForPublish", Order = 4)]
    public bool? ReadyForPublish { get; set; }

    public bool ShouldSerializeReadyForPublish() => ReadyForPublish.HasValue;

    [XmlElement("preservePublishState", Order = 5)]
    public bool? PreservePublishState { get; set; }

    public bool ShouldSerializePreservePublishState() => PreservePublishState.HasValue;

    [XmlElement("createMask", Order = 6)]
    public bool? CreateMask { get; set; }

    public bool ShouldSerializeCreateMask() => CreateMask.HasValue;

    [XmlElement("preserveCrop", Order = 7)]
    public bool? PreserveCrop { get; set; }

    public bool ShouldSerializePreserveCrop() => PreserveCrop.HasValue;

    [XmlElement("knockoutBackgroundOptions", Order = 8)]
    public KnockoutBackgroundOptions? KnockoutBackgroundOptions { get; set; }

    [XmlElement("manualCropOptions", Order = 9)]
    public ManualCropOptions? ManualCropOptions { get; set; }

    [XmlElement("autoColorCropOptions", Order = 10)]
    public AutoColorCropOptions? AutoColorCropOptions { get; set; }

    [XmlElement("autoTransparentCropOptions", Order = 11)]
    public AutoTransparentCropOptions? AutoTransparentCropOptions { get; set; }

    [XmlElement("photoshopOptions", Order = 12)]
    public PhotoshopOptions? PhotoshopOptions { get; set; }

    [XmlElement("postScriptOptions", Order = 13)]
    public PostScriptOptions? PostScriptOptions { get; set; }

    [XmlElement("pdfOptions", Order = 14)]
    public PDFOptions? PdfOptions { get; set; }

    [XmlElement("illustratorOptions", Order = 15)]
    public IllustratorOptions? IllustratorOptions { get; set; }

    [XmlElement("colorManagementOptions", Order = 16)]
    public ColorManagementOptions? ColorManagementOptions { get; set; }

    [XmlElement("autoSetCreationOptions", Order = 17)]
    public AutoSetCreationOptions? AutoSetCreationOptions { get; set; }

    [XmlElement("projectHandleArray", Order = 18)]
    public HandleArray? ProjectHandleArray { get; set; }

    [XmlElement("emailSetting", Order = 19)]
    public string? EmailSetting { get; set; }

    [XmlElement("postJobOnlyIfFiles", Order = 20)]
    public bool? PostJobOnlyIfFiles { get; set; }

    public bool ShouldSerializePostJobOnlyIfFiles() => PostJobOnlyIfFiles.HasValue;

    [XmlElement("postHttpUrl", Order = 21)]
    public string? PostHttpUrl { get; set; }

    [XmlElement("postImageServingPublishJob", Order = 22)]
    public ImageServingPublishJob? PostImageServingPublishJob { get; set; }

    [XmlElement("postImageRenderingPublishJob", Order = 23)]
    public ImageRenderingPublishJob? PostImageRenderingPublishJob { get; set; }

    [XmlElement("postVideoPublishJob", Order = 24)]
    public VideoPublishJob? PostVideoPublishJob { get; set; }

    [XmlElement("mediaOptions", Order = 25)]
    public MediaOptions? MediaOptions { get; set; }

    [XmlElement("inDesignOptions", Order = 26)]
    public InDesignOptions? InDesignOptions { get; set; }

    [XmlElement("xmpKeywords", Order = 27)]
    public string? XmpKeywords { get; set; }

    [XmlElement("unsharpMaskOptions", Order = 28)]
    public UnsharpMaskOptions? UnsharpMaskOptions { get; set; }

    [XmlElement("unCompressOptions", Order = 29)]
    public UnCompressOptions? UnCompressOptions { get; set; }

    [XmlElement("excludeMasterVideoFromAVS", Order = 30)]
    public bool? ExcludeMasterVideoFromAVS { get; set; }

    public bool ShouldSerializeExcludeMasterVideoFromAVS() => ExcludeMasterVideoFromAVS.HasValue;
}

/// <summary>One URL to fetch and the path to store it under.</summary>
[XmlType("UploadUrl", Namespace = IpsNamespaces.Types)]
public class UploadUrl
{
    [XmlElement("sourceUrl", Order = 1)]
    public string? SourceUrl { get; set; }

    [XmlElement("destPath", Order = 2)]
    public string? DestPath { get; set; }
}

/// <summary>The URLs of an <see cref="UploadUrlsJob"/>.</summary>
[XmlType("UploadUrlArray", Namespace = IpsNamespaces.Types)]
public class UploadUrlArray
{
    [XmlElement("items", Order = 1)]
    public List<UploadUrl> Items { get; set; } = new();
}

public partial interface IJobElements
{
    UploadUrlsJob? UploadUrlsJob { get; set; }
}

public partial class SubmitJobParam
{
    [XmlElement("uploadUrlsJob", Order = 14)]
    public UploadUrlsJob? UploadUrlsJob { get; set; }
}

public partial class ActiveJob
{
    [XmlElement("uploadUrlsJob", Order = 24)]
    public UploadUrlsJob? UploadUrlsJob { get; set; }
}

public partial class ScheduledJob
{
    [XmlElement("uploadUrlsJob", Order = 19)]
    public UploadUrlsJob? UploadUrlsJob { get; set; }
}
