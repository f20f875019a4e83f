using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.ImageRenderingPublish;
using IpsApi.Jobs.JobTypes.ImageServingPublish;
using IpsApi.Jobs.JobTypes.Mapping;
using IpsApi.Jobs.JobTypes.VideoPublish;
using static IpsApi.Jobs.JobTypes.Mapping.WireReader;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.Ingest;

/// <summary>
/// The elements the upload, reprocess and rip job types share on the wire: the processing options and what follows
/// the job (the callback and the follow-up publishes), read and echoed once for all of them. An element a job type
/// lacks reads as absent (<see cref="W.IIngestOptionElements"/>, <see cref="W.IPostJobElements"/>), so it stays null.
/// </summary>
public static class IngestWire
{
    private static readonly ImageServingPublishJobType ImageServing = new();
    private static readonly ImageRenderingPublishJobType ImageRendering = new();
    private static readonly VideoPublishJobType Video = new();

    /// <summary>The processing options of any job element that has them.</summary>
    public static IngestOptions ReadIngest(WireReader reader, W.IIngestOptionElements j, string path) => new(
        reader.RequiredBool(j.CreateMask, PathOf(path, "createMask")),
        j.PreserveCrop,
        reader.KnockoutBackground(j.KnockoutBackgroundOptions, PathOf(path, "knockoutBackgroundOptions")),
        reader.ManualCrop(j.ManualCropOptions, PathOf(path, "manualCropOptions")),
        reader.AutoColorCrop(j.AutoColorCropOptions, PathOf(path, "autoColorCropOptions")),
        reader.AutoTransparentCrop(j.AutoTransparentCropOptions, PathOf(path, "autoTransparentCropOptions")),
        reader.Photoshop(j.PhotoshopOptions, PathOf(path, "photoshopOptions")),
        reader.PostScript(j.PostScriptOptions, PathOf(path, "postScriptOptions")),
        reader.Pdf(j.PdfOptions, PathOf(path, "pdfOptions")),
        reader.Illustrator(j.IllustratorOptions, PathOf(path, "illustratorOptions")),
        reader.ColorManagement(j.ColorManagementOptions, PathOf(path, "colorManagementOptions")),
        reader.AutoSetCreation(j.AutoSetCreationOptions, PathOf(path, "autoSetCreationOptions")),
        reader.OptionalHandles(j.ProjectHandleArray, PathOf(path, "projectHandleArray")),
        reader.Media(j.MediaOptions, PathOf(path, "mediaOptions")),
        reader.InDesign(j.InDesignOptions, PathOf(path, "inDesignOptions")),
        j.XmpKeywords,
        reader.UnsharpMask(j.UnsharpMaskOptions, PathOf(path, "unsharpMaskOptions")),
        reader.UnCompress(j.UnCompressOptions, PathOf(path, "unCompressOptions")),
        j.ExcludeMasterVideoFromAVS);

    /// <summary>The callback and follow-up publishes of any job element that has them.</summary>
    public static PostJobOptions ReadPostJob(WireReader reader, W.IPostJobElements j, string path)
    {
        reader.OptionalCallbackUrl(j.PostHttpUrl, PathOf(path, "postHttpUrl"));
        return new PostJobOptions(
            j.PostJobOnlyIfFiles,
            j.PostHttpUrl,
            j.PostImageServingPublishJob is { } isp ? ImageServing.Read(reader, isp, PathOf(path, "postImageServingPublishJob")) : null,
            j.PostImageRenderingPublishJob is { } irp ? ImageRendering.Read(reader, irp, PathOf(path, "postImageRenderingPublishJob")) : null,
            j.PostVideoPublishJob is { } vp ? Video.Read(reader, vp, PathOf(path, "postVideoPublishJob")) : null);
    }

    /// <summary>Fills in the shared elements of a job element whose own elements are already set.</summary>
    public static TJob WithShared<TJob>(TJob job, IngestOptions processing, PostJobOptions post)
        where TJob : W.IIngestOptionElements, W.IPostJobElements
    {
        WithIngest(job, processing);
        job.PostJobOnlyIfFiles = post.PostJobOnlyIfFiles;
        job.PostHttpUrl = post.PostHttpUrl;
        job.PostImageServingPublishJob = post.PostImageServingPublishJob is { } isp ? ImageServing.Echo(isp) : null;
        job.PostImageRenderingPublishJob = post.PostImageRenderingPublishJob is { } irp ? ImageRendering.Echo(irp) : null;
        job.PostVideoPublishJob = post.PostVideoPublishJob is { } vp ? Video.Echo(vp) : null;
        return job;
    }

    /// <summary>Fills in the processing options of a job element that has no follow-up publishes (<c>uploadPostJob</c>).</summary>
    public static TJob WithIngest<TJob>(TJob job, IngestOptions processing)
        where TJob : W.IIngestOptionElements
    {
        job.CreateMask = processing.CreateMask;
        job.PreserveCrop = processing.PreserveCrop;
        job.KnockoutBackgroundOptions = OptionsEcho.KnockoutBackground(processing.KnockoutBackgroundOptions);
        job.ManualCropOptions = OptionsEcho.ManualCrop(processing.ManualCropOptions);
        job.AutoColorCropOptions = OptionsEcho.AutoColorCrop(processing.AutoColorCropOptions);
        job.AutoTransparentCropOptions = OptionsEcho.AutoTransparentCrop(processing.AutoTransparentCropOptions);
        job.PhotoshopOptions = OptionsEcho.Photoshop(processing.PhotoshopOptions);
        job.PostScriptOptions = OptionsEcho.PostScript(processing.PostScriptOptions);
        job.PdfOptions = OptionsEcho.Pdf(processing.PdfOptions);
        job.IllustratorOptions = OptionsEcho.Illustrator(processing.IllustratorOptions);
        job.ColorManagementOptions = OptionsEcho.ColorManagement(processing.ColorManagementOptions);
        job.AutoSetCreationOptions = OptionsEcho.AutoSetCreation(processing.AutoSetCreationOptions);
        job.ProjectHandleArray = OptionsEcho.Handles(processing.ProjectHandles);
        job.MediaOptions = OptionsEcho.Media(processing.MediaOptions);
        job.InDesignOptions = OptionsEcho.InDesign(processing.InDesignOptions);
        job.XmpKeywords = processing.XmpKeywords;
        job.UnsharpMaskOptions = OptionsEcho.UnsharpMask(processing.UnsharpMaskOptions);
        job.UnCompressOptions = OptionsEcho.UnCompress(processing.UnCompressOptions);
        job.ExcludeMasterVideoFromAVS = processing.ExcludeMasterVideoFromAvs;
        return job;
    }
}
