// reprocessAssetsJob: the job element, and its place in the elements that carry a job (submitJobParam, ActiveJob,
// ScheduledJob), declared here so that a job type's wire types are in one file.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Reprocesses existing assets with new options.</summary>
[XmlType("ReprocessAssetsJob", Namespace = IpsNamespaces.Types)]
public class ReprocessAssetsJob : IIngestOptionElements, IPostJobElements
{
    [XmlElement("assetHandleArray", Order = 1)]
    public HandleArray? AssetHandleArray { get; set; }

    [XmlElement("readyForPublish", Order = 2)]
    public bool? ReadyForPublish { get; set; }

    public bool ShouldSerializeReadyForPublish() => ReadyForPublish.HasValue;

    [XmlElement("preservePublishState", Order = 3)]
    public bool? PreservePublishState { get; set; }

    public bool ShouldSerializePreservePublishState() => PreservePublishState.HasValue;

    [XmlElement("createMask", Order = 4)]
    public bool? CreateMask { get; set; }

    public bool ShouldSerializeCreateMask() => CreateMask.HasValue;

    [XmlElement("preserveCrop", Order = 5)]
    public bool? PreserveCrop { get; set; }

    public bool ShouldSerializePreserveCrop() => PreserveCrop.HasValue;

    [XmlElement("knockoutBackgroundOptions", Order = 6)]
    public KnockoutBackgroundOptions? KnockoutBackgroundOptions { get; set; }

    [XmlElement("manualCropOptions", Order = 7)]
    public ManualCropOptions? ManualCropOptions { get; set; }

    [XmlElement("autoColorCropOptions", Order = 8)]
    public AutoColorCropOptions? AutoColorCropOptions { get; set; }

    [XmlElement("autoTransparentCropOptions", Order = 9)]
    public AutoTransparentCropOptions? AutoTransparentCropOptions { get; set; }

    [XmlElement("photoshopOptions", Order = 10)]
    public PhotoshopOptions? PhotoshopOptions { get; set; }

    [XmlElement("postScriptOptions", Order = 11)]
    public PostScriptOptions? PostScriptOptions { get; set; }

    [XmlElement("pdfOptions", Order = 12)]
    public PDFOptions? PdfOptions { get; set; }

    [XmlElement("mediaOptions", Order = 13)]
    public MediaOptions? MediaOptions { get; set; }

    [XmlElement("illustratorOptions", Order = 14)]
    public IllustratorOptions? IllustratorOptions { get; set; }

    [XmlElement("colorManagementOptions", Order = 15)]
    public ColorManagementOptions? ColorManagementOptions { get; set; }

    [XmlElement("autoSetCreationOptions", Order = 16)]
    public AutoSetCreationOptions? AutoSetCreationOptions { get; set; }

    [XmlElement("projectHandleArray", Order = 17)]
    public HandleArray? ProjectHandleArray { get; set; }

    [XmlElement("emailSetting", Order = 18)]
    public string? EmailSetting { get; set; }

    [XmlElement("postJobOnlyIfFiles", Order = 19)]
    public bool? PostJobOnlyIfFiles { get; set; }

    public bool ShouldSerializePostJobOnlyIfFiles() => PostJobOnlyIfFiles.HasValue;

    [XmlElement("postHttpUrl", Order = 20)]
    public string? PostHttpUrl { get; set; }

    [XmlElement("postImageServingPublishJob", Order = 21)]
    public ImageServingPublishJob? PostImageServingPublishJob { get; set; }

    [XmlElement("postImageRenderingPublishJob", Order = 22)]
    public ImageRenderingPublishJob? PostImageRenderingPublishJob { get; set; }

    [XmlElement("postVideoPublishJob", Order = 23)]
    public VideoPublishJob? PostVideoPublishJob { get; set; }

    [XmlElement("inDesignOptions", Order = 24)]
    public InDesignOptions? InDesignOptions { get; set; }

    [XmlElement("unsharpMaskOptions", Order = 25)]
    public UnsharpMaskOptions? UnsharpMaskOptions { get; set; }

    [XmlElement("excludeMasterVideoFromAVS", Order = 26)]
    public bool? ExcludeMasterVideoFromAVS { get; set; }

    public bool ShouldSerializeExcludeMasterVideoFromAVS() => ExcludeMasterVideoFromAVS.HasValue;

    // The shared elements this type lacks. Explicit, so not public: XmlSerializer never sees them.
    string? IIngestOptionElements.XmpKeywords
    {
        get => null;
        set => AbsentElement.Refuse(value, "reprocessAssetsJob", "xmpKeywords");
    }

    UnCompressOptions? IIngestOptionElements.UnCompressOptions
    {
        get => null;
        set => AbsentElement.Refuse(value, "reprocessAssetsJob", "unCompressOptions");
    }
}

public partial interface IJobElements
{
    ReprocessAssetsJob? ReprocessAssetsJob { get; set; }
}

public partial class SubmitJobParam
{
    [XmlElement("reprocessAssetsJob", Order = 17)]
    public ReprocessAssetsJob? ReprocessAssetsJob { get; set; }
}

public partial class ActiveJob
{
    [XmlElement("reprocessAssetsJob", Order = 28)]
    public ReprocessAssetsJob? ReprocessAssetsJob { get; set; }
}

public partial class ScheduledJob
{
    [XmlElement("reprocessAssetsJob", Order = 22)]
    public ReprocessAssetsJob? ReprocessAssetsJob { get; set; }
}
