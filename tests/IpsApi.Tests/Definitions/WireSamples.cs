using IpsApi.Wire;

namespace IpsApi.Tests.Definitions;

/// <summary>
/// Wire job elements as clients send them: <see cref="Full"/> with every field of the element set (nested
/// options too), <see cref="Sparse"/> with only the required ones.
/// </summary>
internal static class WireSamples
{
    public static readonly string[] JobElementNames =
    [
        "imageServingPublishJob",
        "imageRenderingPublishJob",
        "videoPublishJob",
        "serverDirectoryPublishJob",
        "metadataPublishJob",
        "uploadDirectoryJob",
        "uploadUrlsJob",
        "optimizeImagesJob",
        "ripPdfsJob",
        "reprocessAssetsJob",
        "createVideoSitemapJob",
        "exportJob",
        "automatedSetGenerationJob",
    ];

    public static SubmitJobParam Param(object job)
    {
        var param = new SubmitJobParam { CompanyHandle = "47", JobName = "My Test Job" };
        switch (job)
        {
            case ImageServingPublishJob j: param.ImageServingPublishJob = j; break;
            case ImageRenderingPublishJob j: param.ImageRenderingPublishJob = j; break;
            case VideoPublishJob j: param.VideoPublishJob = j; break;
            case ServerDirectoryPublishJob j: param.ServerDirectoryPublishJob = j; break;
            case MetadataPublishJob j: param.MetadataPublishJob = j; break;
            case UploadDirectoryJob j: param.UploadDirectoryJob = j; break;
            case UploadUrlsJob j: param.UploadUrlsJob = j; break;
            case OptimizeImagesJob j: param.OptimizeImagesJob = j; break;
            case RipPdfsJob j: param.RipPdfsJob = j; break;
            case ReprocessAssetsJob j: param.ReprocessAssetsJob = j; break;
            case CreateVideoSitemapJob j: param.CreateVideoSitemapJob = j; break;
            case ExportJob j: param.ExportJob = j; break;
            case AutomatedSetGenerationJob j: param.AutomatedSetGenerationJob = j; break;
            default: throw new ArgumentException($"Not a job element: {job.GetType().Name}", nameof(job));
        }

        return param;
    }

    public static object Full(string elementName) => elementName switch
    {
        "imageServingPublishJob" => FullImageServingPublish(),
        "imageRenderingPublishJob" => FullImageRenderingPublish(),
        "videoPublishJob" => FullVideoPublish(),
        "serverDirectoryPublishJob" => new ServerDirectoryPublishJob
        {
            EmailSetting = "JobCompletion",
            HttpCompletionUrl = "https://callback.example.com/sdp?x=1",
        },
        "metadataPublishJob" => new MetadataPublishJob { ForcePublish = true },
        "uploadDirectoryJob" => FullUploadDirectory(),
        "uploadUrlsJob" => FullUploadUrls(),
        "optimizeImagesJob" => new OptimizeImagesJob { EmailSetting = "None" },
        "ripPdfsJob" => FullRipPdfs(),
        "reprocessAssetsJob" => FullReprocessAssets(),
        "createVideoSitemapJob" => new CreateVideoSitemapJob { ForceUpdate = false },
        "exportJob" => new ExportJob
        {
            AssetHandleArray = Handles("a|47|1", "a|47|2"),
            Fmt = "convert",
            IsModifier = "wid=400&fmt=png",
            Macro = "Thumbnail",
            EmailSetting = "Error",
            ClientId = "client-7",
        },
        "automatedSetGenerationJob" => new AutomatedSetGenerationJob
        {
            AssetHandleArray = Handles("a|47|10", "a|47|11"),
            DestFolder = "sets/spring/",
            ReadyForPublish = true,
            AutoSetCreationOptions = new AutoSetCreationOptions { AutoSetsArray = Handles("s|1") },
            EmailSetting = "All",
        },
        _ => throw new ArgumentException($"Unknown job element {elementName}", nameof(elementName)),
    };

    public static object Sparse(string elementName) => elementName switch
    {
        "imageServingPublishJob" => new ImageServingPublishJob { PublishType = "Full", EmailSetting = "Error" },
        "imageRenderingPublishJob" => new ImageRenderingPublishJob { EmailSetting = "Error" },
        "videoPublishJob" => new VideoPublishJob { EmailSetting = "Error" },
        "serverDirectoryPublishJob" => new ServerDirectoryPublishJob { EmailSetting = "Error" },
        "metadataPublishJob" => new MetadataPublishJob(),
        "uploadDirectoryJob" => new UploadDirectoryJob
        {
            ServerDir = "incoming",
            Overwrite = true,
            ReadyForPublish = false,
            IncludeSubfolders = true,
            CreateMask = false,
            ProcessMetadataFiles = false,
            EmailSetting = "Error",
        },
        "uploadUrlsJob" => new UploadUrlsJob
        {
            Overwrite = true,
            ReadyForPublish = true,
            CreateMask = false,
            EmailSetting = "Error",
        },
        "optimizeImagesJob" => new OptimizeImagesJob { EmailSetting = "Error" },
        "ripPdfsJob" => new RipPdfsJob { PdfHandleArray = Handles("a|47|101"), CreateMask = false, EmailSetting = "Error" },
        "reprocessAssetsJob" => new ReprocessAssetsJob
        {
            AssetHandleArray = Handles("a|47|1"),
            CreateMask = true,
            EmailSetting = "Error",
        },
        "createVideoSitemapJob" => new CreateVideoSitemapJob(),
        "exportJob" => new ExportJob { AssetHandleArray = Handles("a|47|1"), Fmt = "orig", EmailSetting = "Error" },
        "automatedSetGenerationJob" => new AutomatedSetGenerationJob
        {
            AssetHandleArray = Handles("a|47|1"),
            ReadyForPublish = false,
            AutoSetCreationOptions = new AutoSetCreationOptions(),
            EmailSetting = "Error",
        },
        _ => throw new ArgumentException($"Unknown job element {elementName}", nameof(elementName)),
    };

    public static HandleArray Handles(params string[] items) => new() { Items = [.. items] };

    public static ImageServingPublishJob FullImageServingPublish() => new()
    {
        PublishType = "FullWithSearch",
        EmailSetting = "ErrorAndWarning",
        HttpCompletionUrl = "http://callback.example.com/isp",
        ContextHandle = "ctx|1",
    };

    public static ImageRenderingPublishJob FullImageRenderingPublish() => new()
    {
        EmailSetting = "All",
        HttpCompletionUrl = "https://callback.example.com/irp",
        ContextHandle = "ctx|2",
    };

    public static VideoPublishJob FullVideoPublish() => new()
    {
        EmailSetting = "Error",
        HttpCompletionUrl = "https://callback.example.com/vp",
        ContextHandle = "ctx|3",
    };

    public static UploadDirectoryJob FullUploadDirectory() => new()
    {
        DestFolder = "catalog/spring/",
        ServerDir = "incoming/spring",
        Overwrite = true,
        ReadyForPublish = true,
        PreservePublishState = false,
        IncludeSubfolders = true,
        CreateMask = true,
        ProcessMetadataFiles = false,
        PreserveCrop = true,
        KnockoutBackgroundOptions = Knockout(),
        ManualCropOptions = ManualCrop(),
        AutoColorCropOptions = AutoColorCrop(),
        AutoTransparentCropOptions = new AutoTransparentCropOptions { Tolerance = 0.05 },
        PhotoshopOptions = Photoshop(),
        PostScriptOptions = PostScript(),
        PdfOptions = Pdf(),
        IllustratorOptions = Illustrator(),
        ColorManagementOptions = ColorManagement(),
        AutoSetCreationOptions = new AutoSetCreationOptions { AutoSetsArray = Handles("s|1", "s|2") },
        ProjectHandleArray = Handles("pr|1"),
        EmailSetting = "All",
        PostJobOnlyIfFiles = true,
        PostHttpUrl = "https://callback.example.com/post",
        PostImageServingPublishJob = FullImageServingPublish(),
        PostImageRenderingPublishJob = FullImageRenderingPublish(),
        PostVideoPublishJob = FullVideoPublish(),
        MediaOptions = Media(),
        InDesignOptions = new InDesignOptions { Process = "None" },
        XmpKeywords = "spring, shoes",
        UnsharpMaskOptions = UnsharpMask(),
        UnCompressOptions = new UnCompressOptions { Process = "UnCompress" },
        ExcludeMasterVideoFromAVS = false,
    };

    public static UploadUrlsJob FullUploadUrls() => new()
    {
        UrlArray = new UploadUrlArray
        {
            Items =
            [
                new UploadUrl { SourceUrl = "http://127.0.0.1:8081/img/shoe-red.jpg", DestPath = "catalog/spring/shoe-red.jpg" },
                new UploadUrl { SourceUrl = "https://images.example.com/shoe-blue.tif?v=2", DestPath = "catalog/spring/shoe-blue.tif" },
            ],
        },
        NumUrls = 2,
        Overwrite = true,
        ReadyForPublish = false,
        PreservePublishState = true,
        CreateMask = false,
        PreserveCrop = false,
        KnockoutBackgroundOptions = Knockout(),
        ManualCropOptions = ManualCrop(),
        AutoColorCropOptions = AutoColorCrop(),
        AutoTransparentCropOptions = new AutoTransparentCropOptions { Tolerance = 1 },
        PhotoshopOptions = Photoshop(),
        PostScriptOptions = PostScript(),
        PdfOptions = Pdf(),
        IllustratorOptions = Illustrator(),
        ColorManagementOptions = ColorManagement(),
        AutoSetCreationOptions = new AutoSetCreationOptions { AutoSetsArray = Handles() },
        ProjectHandleArray = Handles("pr|1", "pr|2"),
        EmailSetting = "ErrorAndWarning",
        PostJobOnlyIfFiles = false,
        PostHttpUrl = "http://callback.example.com/post",
        PostImageServingPublishJob = FullImageServingPublish(),
        PostImageRenderingPublishJob = FullImageRenderingPublish(),
        PostVideoPublishJob = FullVideoPublish(),
        MediaOptions = Media(),
        InDesignOptions = new InDesignOptions { Process = "Rasterize" },
        XmpKeywords = "a,b",
        UnsharpMaskOptions = UnsharpMask(),
        UnCompressOptions = new UnCompressOptions { Process = "None" },
        ExcludeMasterVideoFromAVS = true,
    };

    public static RipPdfsJob FullRipPdfs() => new()
    {
        PdfHandleArray = Handles("a|47|101", "a|47|102"),
        CreateMask = true,
        KnockoutBackgroundOptions = Knockout(),
        ManualCropOptions = ManualCrop(),
        AutoColorCropOptions = AutoColorCrop(),
        AutoTransparentCropOptions = new AutoTransparentCropOptions { Tolerance = 0 },
        PostScriptOptions = PostScript(),
        PdfOptions = Pdf(),
        IllustratorOptions = Illustrator(),
        ColorManagementOptions = ColorManagement(),
        ProjectHandleArray = Handles("pr|9"),
        EmailSetting = "JobCompletion",
        PostHttpUrl = "https://callback.example.com/rip",
        PostImageServingPublishJob = FullImageServingPublish(),
        PostImageRenderingPublishJob = FullImageRenderingPublish(),
        PostVideoPublishJob = FullVideoPublish(),
        InDesignOptions = new InDesignOptions { Process = "Thumbnail" },
    };

    public static ReprocessAssetsJob FullReprocessAssets() => new()
    {
        AssetHandleArray = Handles("a|47|1", "a|47|2", "a|47|3"),
        ReadyForPublish = true,
        PreservePublishState = false,
        CreateMask = false,
        PreserveCrop = true,
        KnockoutBackgroundOptions = Knockout(),
        ManualCropOptions = ManualCrop(),
        AutoColorCropOptions = AutoColorCrop(),
        AutoTransparentCropOptions = new AutoTransparentCropOptions { Tolerance = 0.5 },
        PhotoshopOptions = Photoshop(),
        PostScriptOptions = PostScript(),
        PdfOptions = Pdf(),
        MediaOptions = Media(),
        IllustratorOptions = Illustrator(),
        ColorManagementOptions = ColorManagement(),
        AutoSetCreationOptions = new AutoSetCreationOptions { AutoSetsArray = Handles("s|3") },
        ProjectHandleArray = Handles(),
        EmailSetting = "None",
        PostJobOnlyIfFiles = true,
        PostHttpUrl = "https://callback.example.com/reprocess",
        PostImageServingPublishJob = FullImageServingPublish(),
        PostImageRenderingPublishJob = FullImageRenderingPublish(),
        PostVideoPublishJob = FullVideoPublish(),
        InDesignOptions = new InDesignOptions { Process = "None" },
        UnsharpMaskOptions = UnsharpMask(),
        ExcludeMasterVideoFromAVS = true,
    };

    public static KnockoutBackgroundOptions Knockout() =>
        new() { Corner = "UpperLeft", Tolerance = 0.2, FillMethod = "MatchPixel" };

    public static ManualCropOptions ManualCrop() => new() { Left = 10, Right = 20, Top = 0, Bottom = 5 };

    public static AutoColorCropOptions AutoColorCrop() => new() { Corner = "BottomRight", Tolerance = 0.1 };

    public static PhotoshopOptions Photoshop() => new()
    {
        Process = "MaintainLayers",
        LayerOptions = new PhotoshopLayerOptions
        {
            LayerNaming = "AppendName",
            Anchor = "Northwest",
            CreateTemplate = true,
            ExtractText = false,
            ExtendLayers = true,
        },
    };

    public static PostScriptOptions PostScript() => new()
    {
        Process = "Rasterize",
        Resolution = 150,
        Colorspace = "Cmyk",
        Alpha = true,
        ExtractSearchWords = false,
    };

    public static PDFOptions Pdf() => new()
    {
        Process = "Thumbnail",
        Resolution = 72.5,
        Colorspace = "Auto",
        PdfCatalog = false,
        ExtractSearchWords = true,
        ExtractLinks = true,
    };

    public static IllustratorOptions Illustrator() => new()
    {
        Process = "Rasterize",
        Resolution = 300,
        Colorspace = "Gray",
        Alpha = false,
    };

    public static ColorManagementOptions ColorManagement() => new()
    {
        ColorManagement = "Convert",
        SourceProfileHandle = "icc|srgb",
        OutputProfileHandle = "icc|coated",
    };

    public static MediaOptions Media() => new()
    {
        VideoEncodingPresetsArray = Handles("v|1", "v|2"),
        GenerateThumbnail = true,
        ThumbnailOptions = new ThumbnailOptions { ThumbnailTime = 1500 },
    };

    public static UnsharpMaskOptions UnsharpMask() => new() { Amount = 1.75, Radius = 0.2, Threshold = 2, Monochrome = 0 };
}
