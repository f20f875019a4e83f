using D = IpsApi.Jobs.Definitions;
using W = IpsApi.Wire;

namespace IpsApi.Server.Soap.Mapping;

/// <summary>
/// Domain back to wire: the job element of a stored definition, as <c>getActiveJobs</c> and
/// <c>getScheduledJobs</c> echo it. What the client left out stays out; enums go back as their wire strings.
/// </summary>
public static class JobDefinitionEcho
{
    /// <summary>
    /// The wire job element of <paramref name="definition"/>: an instance of the wire class of its element
    /// (<see cref="W.UploadUrlsJob"/> for <c>uploadUrlsJob</c>, and so on); <see cref="ElementName"/> names it.
    /// </summary>
    public static object ToWire(D.JobDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return ToWire(definition.Spec);
    }

    /// <inheritdoc cref="ToWire(D.JobDefinition)"/>
    public static object ToWire(D.JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec switch
        {
            D.ImageServingPublishSpec s => ImageServingPublish(s),
            D.ImageRenderingPublishSpec s => ImageRenderingPublish(s),
            D.VideoPublishSpec s => VideoPublish(s),
            D.ServerDirectoryPublishSpec s => new W.ServerDirectoryPublishJob
            {
                EmailSetting = s.EmailSetting.ToString(),
                HttpCompletionUrl = s.HttpCompletionUrl,
            },
            D.MetadataPublishSpec s => new W.MetadataPublishJob { ForcePublish = s.ForcePublish },
            D.UploadDirectorySpec s => UploadDirectory(s),
            D.UploadUrlsSpec s => UploadUrls(s),
            D.OptimizeImagesSpec s => new W.OptimizeImagesJob { EmailSetting = s.EmailSetting.ToString() },
            D.RipPdfsSpec s => RipPdfs(s),
            D.ReprocessAssetsSpec s => ReprocessAssets(s),
            D.CreateVideoSitemapSpec s => new W.CreateVideoSitemapJob { ForceUpdate = s.ForceUpdate },
            D.ExportSpec s => new W.ExportJob
            {
                AssetHandleArray = Handles(s.AssetHandles),
                Fmt = s.Format.ToString(),
                IsModifier = s.IsModifier,
                Macro = s.Macro,
                EmailSetting = s.EmailSetting.ToString(),
                ClientId = s.ClientId,
            },
            D.AutomatedSetGenerationSpec s => new W.AutomatedSetGenerationJob
            {
                AssetHandleArray = Handles(s.AssetHandles),
                DestFolder = s.DestFolder,
                ReadyForPublish = s.ReadyForPublish,
                AutoSetCreationOptions = AutoSetCreation(s.AutoSetCreationOptions),
                EmailSetting = s.EmailSetting.ToString(),
            },
            _ => throw new ArgumentException($"Unknown job spec {spec.GetType().Name}.", nameof(spec)),
        };
    }

    /// <summary>The wire element name of a spec ("uploadUrlsJob", ...).</summary>
    public static string ElementName(D.JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec switch
        {
            D.ImageServingPublishSpec => "imageServingPublishJob",
            D.ImageRenderingPublishSpec => "imageRenderingPublishJob",
            D.VideoPublishSpec => "videoPublishJob",
            D.ServerDirectoryPublishSpec => "serverDirectoryPublishJob",
            D.MetadataPublishSpec => "metadataPublishJob",
            D.UploadDirectorySpec => "uploadDirectoryJob",
            D.UploadUrlsSpec => "uploadUrlsJob",
            D.OptimizeImagesSpec => "optimizeImagesJob",
            D.RipPdfsSpec => "ripPdfsJob",
            D.ReprocessAssetsSpec => "reprocessAssetsJob",
            D.CreateVideoSitemapSpec => "createVideoSitemapJob",
            D.ExportSpec => "exportJob",
            D.AutomatedSetGenerationSpec => "automatedSetGenerationJob",
            _ => throw new ArgumentException($"Unknown job spec {spec.GetType().Name}.", nameof(spec)),
        };
    }

    /// <summary>
    /// The whole request back: the job element in its place, the schedule as <c>execTime</c> (in UTC) or
    /// <c>execSchedule</c> (normalised), and the other fields as submitted.
    /// </summary>
    public static W.SubmitJobParam ToSubmitJobParam(D.JobDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var param = new W.SubmitJobParam
        {
            CompanyHandle = definition.CompanyHandle,
            UserHandle = definition.NotifyUserHandle,
            JobName = definition.JobName,
            Locale = definition.Locale,
            ExecTime = definition.Schedule is D.JobSchedule.RunAt at ? at.At.UtcDateTime : null,
            ExecSchedule = definition.Schedule is D.JobSchedule.Cron cron ? cron.Expression : null,
            Description = definition.Description,
        };

        switch (ToWire(definition.Spec))
        {
            case W.ImageServingPublishJob j: param.ImageServingPublishJob = j; break;
            case W.ImageRenderingPublishJob j: param.ImageRenderingPublishJob = j; break;
            case W.VideoPublishJob j: param.VideoPublishJob = j; break;
            case W.ServerDirectoryPublishJob j: param.ServerDirectoryPublishJob = j; break;
            case W.MetadataPublishJob j: param.MetadataPublishJob = j; break;
            case W.UploadDirectoryJob j: param.UploadDirectoryJob = j; break;
            case W.UploadUrlsJob j: param.UploadUrlsJob = j; break;
            case W.OptimizeImagesJob j: param.OptimizeImagesJob = j; break;
            case W.RipPdfsJob j: param.RipPdfsJob = j; break;
            case W.ReprocessAssetsJob j: param.ReprocessAssetsJob = j; break;
            case W.CreateVideoSitemapJob j: param.CreateVideoSitemapJob = j; break;
            case W.ExportJob j: param.ExportJob = j; break;
            case W.AutomatedSetGenerationJob j: param.AutomatedSetGenerationJob = j; break;
        }

        return param;
    }

    private static W.ImageServingPublishJob ImageServingPublish(D.ImageServingPublishSpec s) => new()
    {
        PublishType = s.PublishType.ToString(),
        EmailSetting = s.EmailSetting.ToString(),
        HttpCompletionUrl = s.HttpCompletionUrl,
        ContextHandle = s.ContextHandle,
    };

    private static W.ImageRenderingPublishJob ImageRenderingPublish(D.ImageRenderingPublishSpec s) => new()
    {
        EmailSetting = s.EmailSetting.ToString(),
        HttpCompletionUrl = s.HttpCompletionUrl,
        ContextHandle = s.ContextHandle,
    };

    private static W.VideoPublishJob VideoPublish(D.VideoPublishSpec s) => new()
    {
        EmailSetting = s.EmailSetting.ToString(),
        HttpCompletionUrl = s.HttpCompletionUrl,
        ContextHandle = s.ContextHandle,
    };

    private static W.UploadDirectoryJob UploadDirectory(D.UploadDirectorySpec s) => WithShared(
        new W.UploadDirectoryJob
        {
            DestFolder = s.DestFolder,
            ServerDir = s.ServerDir,
            Overwrite = s.Overwrite,
            ReadyForPublish = s.ReadyForPublish,
            PreservePublishState = s.PreservePublishState,
            IncludeSubfolders = s.IncludeSubfolders,
            ProcessMetadataFiles = s.ProcessMetadataFiles,
            EmailSetting = s.EmailSetting.ToString(),
        },
        s.Processing,
        s.Post);

    private static W.UploadUrlsJob UploadUrls(D.UploadUrlsSpec s) => WithShared(
        new W.UploadUrlsJob
        {
            UrlArray = s.Urls is null
                ? null
                : new W.UploadUrlArray
                {
                    Items = [.. s.Urls.Select(u => new W.UploadUrl { SourceUrl = u.SourceUrl, DestPath = u.DestPath })],
                },
            NumUrls = s.NumUrls,
            Overwrite = s.Overwrite,
            ReadyForPublish = s.ReadyForPublish,
            PreservePublishState = s.PreservePublishState,
            EmailSetting = s.EmailSetting.ToString(),
        },
        s.Processing,
        s.Post);

    private static W.RipPdfsJob RipPdfs(D.RipPdfsSpec s) => WithShared(
        new W.RipPdfsJob
        {
            PdfHandleArray = Handles(s.PdfHandles),
            EmailSetting = s.EmailSetting.ToString(),
        },
        s.Processing,
        s.Post);

    private static W.ReprocessAssetsJob ReprocessAssets(D.ReprocessAssetsSpec s) => WithShared(
        new W.ReprocessAssetsJob
        {
            AssetHandleArray = Handles(s.AssetHandles),
            ReadyForPublish = s.ReadyForPublish,
            PreservePublishState = s.PreservePublishState,
            EmailSetting = s.EmailSetting.ToString(),
        },
        s.Processing,
        s.Post);

    /// <summary>Fills in the shared elements of a job element whose own elements are already set.</summary>
    private static TJob WithShared<TJob>(TJob job, D.IngestOptions processing, D.PostJobOptions post)
        where TJob : W.IIngestOptionElements, W.IPostJobElements
    {
        SetIngest(job, processing);
        SetPostJob(job, post);
        return job;
    }

    private static void SetIngest(W.IIngestOptionElements j, D.IngestOptions o)
    {
        j.CreateMask = o.CreateMask;
        j.PreserveCrop = o.PreserveCrop;
        j.KnockoutBackgroundOptions = KnockoutBackground(o.KnockoutBackgroundOptions);
        j.ManualCropOptions = ManualCrop(o.ManualCropOptions);
        j.AutoColorCropOptions = AutoColorCrop(o.AutoColorCropOptions);
        j.AutoTransparentCropOptions = AutoTransparentCrop(o.AutoTransparentCropOptions);
        j.PhotoshopOptions = Photoshop(o.PhotoshopOptions);
        j.PostScriptOptions = PostScript(o.PostScriptOptions);
        j.PdfOptions = Pdf(o.PdfOptions);
        j.IllustratorOptions = Illustrator(o.IllustratorOptions);
        j.ColorManagementOptions = ColorManagement(o.ColorManagementOptions);
        j.AutoSetCreationOptions = AutoSetCreation(o.AutoSetCreationOptions);
        j.ProjectHandleArray = Handles(o.ProjectHandles);
        j.MediaOptions = Media(o.MediaOptions);
        j.InDesignOptions = InDesign(o.InDesignOptions);
        j.XmpKeywords = o.XmpKeywords;
        j.UnsharpMaskOptions = UnsharpMask(o.UnsharpMaskOptions);
        j.UnCompressOptions = UnCompress(o.UnCompressOptions);
        j.ExcludeMasterVideoFromAVS = o.ExcludeMasterVideoFromAvs;
    }

    private static void SetPostJob(W.IPostJobElements j, D.PostJobOptions o)
    {
        j.PostJobOnlyIfFiles = o.PostJobOnlyIfFiles;
        j.PostHttpUrl = o.PostHttpUrl;
        j.PostImageServingPublishJob = o.PostImageServingPublishJob is { } isp ? ImageServingPublish(isp) : null;
        j.PostImageRenderingPublishJob = o.PostImageRenderingPublishJob is { } irp ? ImageRenderingPublish(irp) : null;
        j.PostVideoPublishJob = o.PostVideoPublishJob is { } vp ? VideoPublish(vp) : null;
    }

    private static W.HandleArray? Handles(IReadOnlyList<string>? handles) =>
        handles is null ? null : new W.HandleArray { Items = [.. handles] };

    private static W.ManualCropOptions? ManualCrop(D.ManualCropOptions? o) => o is null ? null : new()
    {
        Left = o.Left,
        Right = o.Right,
        Top = o.Top,
        Bottom = o.Bottom,
    };

    private static W.AutoColorCropOptions? AutoColorCrop(D.AutoColorCropOptions? o) => o is null ? null : new()
    {
        Corner = o.Corner.ToString(),
        Tolerance = o.Tolerance,
    };

    private static W.AutoTransparentCropOptions? AutoTransparentCrop(D.AutoTransparentCropOptions? o) =>
        o is null ? null : new() { Tolerance = o.Tolerance };

    private static W.KnockoutBackgroundOptions? KnockoutBackground(D.KnockoutBackgroundOptions? o) => o is null ? null : new()
    {
        Corner = o.Corner.ToString(),
        Tolerance = o.Tolerance,
        FillMethod = o.FillMethod.ToString(),
    };

    private static W.PhotoshopOptions? Photoshop(D.PhotoshopOptions? o) => o is null ? null : new()
    {
        Process = o.Process?.ToString(),
        LayerOptions = o.LayerOptions is not { } l ? null : new W.PhotoshopLayerOptions
        {
            LayerNaming = l.LayerNaming?.ToString(),
            Anchor = l.Anchor?.ToString(),
            CreateTemplate = l.CreateTemplate,
            ExtractText = l.ExtractText,
            ExtendLayers = l.ExtendLayers,
        },
    };

    private static W.PostScriptOptions? PostScript(D.PostScriptOptions? o) => o is null ? null : new()
    {
        Process = o.Process?.ToString(),
        Resolution = o.Resolution,
        Colorspace = o.Colorspace?.ToString(),
        Alpha = o.Alpha,
        ExtractSearchWords = o.ExtractSearchWords,
    };

    private static W.PDFOptions? Pdf(D.PdfOptions? o) => o is null ? null : new()
    {
        Process = o.Process?.ToString(),
        Resolution = o.Resolution,
        Colorspace = o.Colorspace?.ToString(),
        PdfCatalog = o.PdfCatalog,
        ExtractSearchWords = o.ExtractSearchWords,
        ExtractLinks = o.ExtractLinks,
    };

    private static W.IllustratorOptions? Illustrator(D.IllustratorOptions? o) => o is null ? null : new()
    {
        Process = o.Process?.ToString(),
        Resolution = o.Resolution,
        Colorspace = o.Colorspace?.ToString(),
        Alpha = o.Alpha,
    };

    private static W.ColorManagementOptions? ColorManagement(D.ColorManagementOptions? o) => o is null ? null : new()
    {
        ColorManagement = o.ColorManagement.ToString(),
        SourceProfileHandle = o.SourceProfileHandle,
        OutputProfileHandle = o.OutputProfileHandle,
    };

    private static W.AutoSetCreationOptions? AutoSetCreation(D.AutoSetCreationOptions? o) =>
        o is null ? null : new() { AutoSetsArray = Handles(o.AutoSetHandles) };

    private static W.MediaOptions? Media(D.MediaOptions? o) => o is null ? null : new()
    {
        VideoEncodingPresetsArray = Handles(o.VideoEncodingPresetHandles),
        GenerateThumbnail = o.GenerateThumbnail,
        ThumbnailOptions = o.ThumbnailOptions is null ? null : new W.ThumbnailOptions
        {
            ThumbnailTime = o.ThumbnailOptions.ThumbnailTime,
        },
    };

    private static W.InDesignOptions? InDesign(D.InDesignOptions? o) =>
        o is null ? null : new() { Process = o.Process?.ToString() };

    private static W.UnsharpMaskOptions? UnsharpMask(D.UnsharpMaskOptions? o) => o is null ? null : new()
    {
        Amount = o.Amount,
        Radius = o.Radius,
        Threshold = o.Threshold,
        Monochrome = o.Monochrome,
    };

    private static W.UnCompressOptions? UnCompress(D.UnCompressOptions? o) =>
        o is null ? null : new() { Process = o.Process.ToString() };
}
