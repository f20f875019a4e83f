// uploadDirectoryJob: the job element, and its place in the elements that carry a job (submitJobParam, ActiveJob,
// ScheduledJob), declared here so that a job type's wire types are in one file.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Uploads the files of a server directory.</summary>
[XmlType("UploadDirectoryJob", Namespace = IpsNamespaces.Types)]
public class UploadDirectoryJob : IIngestOptionElements, IPostJobElements
{
    [XmlElement("destFolder", Order = 1)]
    public string? DestFolder { get; set; }

    [XmlElement("serverDir", Order = 2)]
    public string? ServerDir { get; set; }

    [XmlElement("overwrite", Order = 3)]
    public bool? Overwrite { get; set; }

    public bool ShouldSerializeOverwrite() => Overwrite.HasValue;

    [XmlElement("readyForPublish", Order = 4)]
    public bool? ReadyForPublish { get; set; }

    public bool ShouldSerializeReadyForPublish() => ReadyForPublish.HasValue;

    [XmlElement("preservePublishState", Order = 5)]
    public bool? PreservePublishState { get; set; }

    public bool ShouldSerializePreservePublishState() => PreservePublishState.HasValue;

    [XmlElement("includeSubfolders", Order = 6)]
    public bool? IncludeSubfolders { get; set; }

    public bool ShouldSerializeIncludeSubfolders() => IncludeSubfolders.HasValue;

    [XmlElement("createMask", Order = 7)]
    public bool? CreateMask { get; set; }

    public bool ShouldSerializeCreateMask() => CreateMask.HasValue;

    [XmlElement("processMetadataFiles", Order = 8)]
    public bool? ProcessMetadataFiles { get; set; }

    public bool ShouldSerializeProcessMetadataFiles() => ProcessMetadataFiles.HasValue;

    [XmlElement("preserveCrop", Order = 9)]
    public bool? PreserveCrop { get; set; }

    public bool ShouldSerializePreserveCrop() => PreserveCrop.HasValue;

    [XmlElement("knockoutBackgroundOptions", Order = 10)]
    public KnockoutBackgroundOptions? KnockoutBackgroundOptions { get; set; }

    [XmlElement("manualCropOptions", Order = 11)]
    public ManualCropOptions? ManualCropOptions { get; set; }

    [XmlElement("autoColorCropOptions", Order = 12)]
    public AutoColorCropOptions? AutoColorCropOptions { get; set; }

    [XmlElement("autoTransparentCropOptions", Order = 13)]
    public AutoTransparentCropOptions? AutoTransparentCropOptions { get; set; }

    [XmlElement("photoshopOptions", Order = 14)]
    public PhotoshopOptions? PhotoshopOptions { get; set; }

    [XmlElement("postScriptOptions", Order = 15)]
    public PostScriptOptions? PostScriptOptions { get; set; }

    [XmlElement("pdfOptions", Order = 16)]
    public PDFOptions? PdfOptions { get; set; }

    [XmlElement("illustratorOptions", Order = 17)]
    public IllustratorOptions? IllustratorOptions { get; set; }

    [XmlElement("colorManagementOptions", Order = 18)]
    public ColorManagementOptions? ColorManagementOptions { get; set; }

    [XmlElement("autoSetCreationOptions", Order = 19)]
    public AutoSetCreationOptions? AutoSetCreationOptions { get; set; }

    [XmlElement("projectHandleArray", Order = 20)]
    public HandleArray? ProjectHandleArray { get; set; }

    [XmlElement("emailSetting", Order = 21)]
    public string? EmailSetting { get; set; }

    [XmlElement("postJobOnlyIfFiles", Order = 22)]
    public bool? PostJobOnlyIfFiles { get; set; }

    public bool ShouldSerializePostJobOnlyIfFiles() => PostJobOnlyIfFiles.HasValue;

    [XmlElement("postHttpUrl", Order = 23)]
    public string? PostHttpUrl { get; set; }

    [XmlElement("postImageServingPublishJob", Order = 24)]
    public ImageServingPublishJob? PostImageServingPublishJob { get; set; }

    [XmlElement("postImageRenderingPublishJob", Order = 25)]
    public ImageRenderingPublishJob? PostImageRenderingPublishJob { get; set; }

    [XmlElement("postVideoPublishJob", Order = 26)]
    public VideoPublishJob? PostVideoPublishJob { get; set; }

    [XmlElement("mediaOptions", Order = 27)]
    public MediaOptions? MediaOptions { get; set; }

    [XmlElement("inDesignOptions", Order = 28)]
    public InDesignOptions? InDesignOptions { get; set; }

    [XmlElement("xmpKeywords", Order = 29)]
    public string? XmpKeywords { get; set; }

    [XmlElement("unsharpMaskOptions", Order = 30)]
    public UnsharpMaskOptions? UnsharpMaskOptions { get; set; }

    [XmlElement("unCompressOptions", Order = 31)]
    public UnCompressOptions? UnCompressOptions { get; set; }

    [XmlElement("excludeMasterVideoFromAVS", Order = 32)]
    public bool? ExcludeMasterVideoFromAVS { get; set; }

    public bool ShouldSerializeExcludeMasterVideoFromAVS() => ExcludeMasterVideoFromAVS.HasValue;
}

public partial interface IJobElements
{
    UploadDirectoryJob? UploadDirectoryJob { get; set; }
}

public partial class SubmitJobParam
{
    [XmlElement("uploadDirectoryJob", Order = 13)]
    public UploadDirectoryJob? UploadDirectoryJob { get; set; }
}

public partial class ActiveJob
{
    [XmlElement("uploadDirectoryJob", Order = 23)]
    public UploadDirectoryJob? UploadDirectoryJob { get; set; }
}

public partial class ScheduledJob
{
    [XmlElement("uploadDirectoryJob", Order = 18)]
    public UploadDirectoryJob? UploadDirectoryJob { get; set; }
}
