// The upload options of an upload by HTTP POST (the uploadParams of an UploadFile POST), which an ActiveJob
// carries for a running upload job.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Upload options of an upload by HTTP POST.</summary>
[XmlType("UploadPostJob", Namespace = IpsNamespaces.Types)]
public class UploadPostJob : IIngestOptionElements
{
    [XmlElement("overwrite", Order = 1)]
    public bool? Overwrite { get; set; }

    public bool ShouldSerializeOverwrite() => Overwrite.HasValue;

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

    [XmlElement("illustratorOptions", Order = 13)]
    public IllustratorOptions? IllustratorOptions { get; set; }

    [XmlElement("colorManagementOptions", Order = 14)]
    public ColorManagementOptions? ColorManagementOptions { get; set; }

    [XmlElement("autoSetCreationOptions", Order = 15)]
    public AutoSetCreationOptions? AutoSetCreationOptions { get; set; }

    [XmlElement("projectHandleArray", Order = 16)]
    public HandleArray? ProjectHandleArray { get; set; }

    [XmlElement("emailSetting", Order = 17)]
    public string? EmailSetting { get; set; }

    [XmlElement("postHttpUrl", Order = 18)]
    public string? PostHttpUrl { get; set; }

    [XmlElement("mediaOptions", Order = 19)]
    public MediaOptions? MediaOptions { get; set; }

    [XmlElement("inDesignOptions", Order = 20)]
    public InDesignOptions? InDesignOptions { get; set; }

    [XmlElement("xmpKeywords", Order = 21)]
    public string? XmpKeywords { get; set; }

    [XmlElement("unsharpMaskOptions", Order = 22)]
    public UnsharpMaskOptions? UnsharpMaskOptions { get; set; }

    [XmlElement("unCompressOptions", Order = 23)]
    public UnCompressOptions? UnCompressOptions { get; set; }

    [XmlElement("excludeMasterVideoFromAVS", Order = 24)]
    public bool? ExcludeMasterVideoFromAVS { get; set; }

    public bool ShouldSerializeExcludeMasterVideoFromAVS() => ExcludeMasterVideoFromAVS.HasValue;
}
