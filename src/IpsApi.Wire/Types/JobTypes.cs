// The job definitions a submitJobParam (and an ActiveJob or ScheduledJob) carries.

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

/// <summary>Publishes a company's video assets.</summary>
[XmlType("VideoPublishJob", Namespace = IpsNamespaces.Types)]
public class VideoPublishJob
{
    [XmlElement("emailSetting", Order = 1)]
    public string? EmailSetting { get; set; }

    [XmlElement("httpCompletionUrl", Order = 2)]
    public string? HttpCompletionUrl { get; set; }

    [XmlElement("contextHandle", Order = 3)]
    public string? ContextHandle { get; set; }
}

/// <summary>Publishes to a server directory.</summary>
[XmlType("ServerDirectoryPublishJob", Namespace = IpsNamespaces.Types)]
public class ServerDirectoryPublishJob
{
    [XmlElement("emailSetting", Order = 1)]
    public string? EmailSetting { get; set; }

    [XmlElement("httpCompletionUrl", Order = 2)]
    public string? HttpCompletionUrl { get; set; }
}

/// <summary>Publishes asset metadata.</summary>
[XmlType("MetadataPublishJob", Namespace = IpsNamespaces.Types)]
public class MetadataPublishJob
{
    [XmlElement("forcePublish", Order = 1)]
    public bool? ForcePublish { get; set; }

    public bool ShouldSerializeForcePublish() => ForcePublish.HasValue;
}

/// <summary>Re-optimises a company's images.</summary>
[XmlType("OptimizeImagesJob", Namespace = IpsNamespaces.Types)]
public class OptimizeImagesJob
{
    [XmlElement("emailSetting", Order = 1)]
    public string? EmailSetting { get; set; }
}

/// <summary>Creates the video sitemap.</summary>
[XmlType("CreateVideoSitemapJob", Namespace = IpsNamespaces.Types)]
public class CreateVideoSitemapJob
{
    [XmlElement("forceUpdate", Order = 1)]
    public bool? ForceUpdate { get; set; }

    public bool ShouldSerializeForceUpdate() => ForceUpdate.HasValue;
}

/// <summary>Exports assets, as originals or converted, to a download address.</summary>
[XmlType("ExportJob", Namespace = IpsNamespaces.Types)]
public class ExportJob
{
    [XmlElement("assetHandleArray", Order = 1)]
    public HandleArray? AssetHandleArray { get; set; }

    [XmlElement("fmt", Order = 2)]
    public string? Fmt { get; set; }

    [XmlElement("is_modifier", Order = 3)]
    public string? IsModifier { get; set; }

    [XmlElement("macro", Order = 4)]
    public string? Macro { get; set; }

    [XmlElement("emailSetting", Order = 5)]
    public string? EmailSetting { get; set; }

    [XmlElement("clientId", Order = 6)]
    public string? ClientId { get; set; }
}

/// <summary>Generates image sets from assets by the company's set scripts.</summary>
[XmlType("AutomatedSetGenerationJob", Namespace = IpsNamespaces.Types)]
public class AutomatedSetGenerationJob
{
    [XmlElement("assetHandleArray", Order = 1)]
    public HandleArray? AssetHandleArray { get; set; }

    [XmlElement("destFolder", Order = 2)]
    public string? DestFolder { get; set; }

    [XmlElement("readyForPublish", Order = 3)]
    public bool? ReadyForPublish { get; set; }

    public bool ShouldSerializeReadyForPublish() => ReadyForPublish.HasValue;

    [XmlElement("autoSetCreationOptions", Order = 4)]
    public AutoSetCreationOptions? AutoSetCreationOptions { get; set; }

    [XmlElement("emailSetting", Order = 5)]
    public string? EmailSetting { get; set; }
}

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

/// <summary>Upload options of an upload by HTTP POST.</summary>
[XmlType("UploadPostJob", Namespace = IpsNamespaces.Types)]
public class UploadPostJob
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
