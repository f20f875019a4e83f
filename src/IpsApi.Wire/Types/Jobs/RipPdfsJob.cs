// ripPdfsJob: the job element, and its place in the elements that carry a job (submitJobParam, ActiveJob,
// ScheduledJob), declared here so that a job type's wire types are in one file.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Rips (rasterises) PDF assets.</summary>
[XmlType("RipPdfsJob", Namespace = IpsNamespaces.Types)]
public class RipPdfsJob : IIngestOptionElements, IPostJobElements
{
    [XmlElement("pdfHandleArray", Order = 1)]
    public HandleArray? PdfHandleArray { get; set; }

    [XmlElement("createMask", Order = 2)]
    public bool? CreateMask { get; set; }

    public bool ShouldSerializeCreateMask() => CreateMask.HasValue;

    [XmlElement("knockoutBackgroundOptions", Order = 3)]
    public KnockoutBackgroundOptions? KnockoutBackgroundOptions { get; set; }

    [XmlElement("manualCropOptions", Order = 4)]
    public ManualCropOptions? ManualCropOptions { get; set; }

    [XmlElement("autoColorCropOptions", Order = 5)]
    public AutoColorCropOptions? AutoColorCropOptions { get; set; }

    [XmlElement("autoTransparentCropOptions", Order = 6)]
    public AutoTransparentCropOptions? AutoTransparentCropOptions { get; set; }

    [XmlElement("postScriptOptions", Order = 7)]
    public PostScriptOptions? PostScriptOptions { get; set; }

    [XmlElement("pdfOptions", Order = 8)]
    public PDFOptions? PdfOptions { get; set; }

    [XmlElement("illustratorOptions", Order = 9)]
    public IllustratorOptions? IllustratorOptions { get; set; }

    [XmlElement("colorManagementOptions", Order = 10)]
    public ColorManagementOptions? ColorManagementOptions { get; set; }

    [XmlElement("projectHandleArray", Order = 11)]
    public HandleArray? ProjectHandleArray { get; set; }

    [XmlElement("emailSetting", Order = 12)]
    public string? EmailSetting { get; set; }

    [XmlElement("postHttpUrl", Order = 13)]
    public string? PostHttpUrl { get; set; }

    [XmlElement("postImageServingPublishJob", Order = 14)]
    public ImageServingPublishJob? PostImageServingPublishJob { get; set; }

    [XmlElement("postImageRenderingPublishJob", Order = 15)]
    public ImageRenderingPublishJob? PostImageRenderingPublishJob { get; set; }

    [XmlElement("postVideoPublishJob", Order = 16)]
    public VideoPublishJob? PostVideoPublishJob { get; set; }

    [XmlElement("inDesignOptions", Order = 17)]
    public InDesignOptions? InDesignOptions { get; set; }

    // The shared elements this type lacks. Explicit, so not public: XmlSerializer never sees them.
    bool? IIngestOptionElements.PreserveCrop
    {
        get => null;
        set => AbsentElement.Refuse(value, "ripPdfsJob", "preserveCrop");
    }

    PhotoshopOptions? IIngestOptionElements.PhotoshopOptions
    {
        get => null;
        set => AbsentElement.Refuse(value, "ripPdfsJob", "photoshopOptions");
    }

    AutoSetCreationOptions? IIngestOptionElements.AutoSetCreationOptions
    {
        get => null;
        set => AbsentElement.Refuse(value, "ripPdfsJob", "autoSetCreationOptions");
    }

    MediaOptions? IIngestOptionElements.MediaOptions
    {
        get => null;
        set => AbsentElement.Refuse(value, "ripPdfsJob", "mediaOptions");
    }

    string? IIngestOptionElements.XmpKeywords
    {
        get => null;
        set => AbsentElement.Refuse(value, "ripPdfsJob", "xmpKeywords");
    }

    UnsharpMaskOptions? IIngestOptionElements.UnsharpMaskOptions
    {
        get => null;
        set => AbsentElement.Refuse(value, "ripPdfsJob", "unsharpMaskOptions");
    }

    UnCompressOptions? IIngestOptionElements.UnCompressOptions
    {
        get => null;
        set => AbsentElement.Refuse(value, "ripPdfsJob", "unCompressOptions");
    }

    bool? IIngestOptionElements.ExcludeMasterVideoFromAVS
    {
        get => null;
        set => AbsentElement.Refuse(value, "ripPdfsJob", "excludeMasterVideoFromAVS");
    }

    bool? IPostJobElements.PostJobOnlyIfFiles
    {
        get => null;
        set => AbsentElement.Refuse(value, "ripPdfsJob", "postJobOnlyIfFiles");
    }
}

public partial interface IJobElements
{
    RipPdfsJob? RipPdfsJob { get; set; }
}

public partial class SubmitJobParam
{
    [XmlElement("ripPdfsJob", Order = 16)]
    public RipPdfsJob? RipPdfsJob { get; set; }
}

public partial class ActiveJob
{
    [XmlElement("ripPdfsJob", Order = 27)]
    public RipPdfsJob? RipPdfsJob { get; set; }
}

public partial class ScheduledJob
{
    [XmlElement("ripPdfsJob", Order = 21)]
    public RipPdfsJob? RipPdfsJob { get; set; }
}
