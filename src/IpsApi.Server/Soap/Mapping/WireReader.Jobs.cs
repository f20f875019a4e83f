using IpsApi.Assets.Rendering;
using D = IpsApi.Jobs.Definitions;
using W = IpsApi.Wire;

namespace IpsApi.Server.Soap.Mapping;

// The job elements of submitJobParam, one reader each. `path` is the element's own path ("uploadUrlsJob",
// or "uploadUrlsJob/postImageServingPublishJob" for a post-upload publish).
internal sealed partial class WireReader
{
    public D.ImageServingPublishSpec ImageServingPublish(W.ImageServingPublishJob j, string path)
    {
        OptionalCallbackUrl(j.HttpCompletionUrl, PathOf(path, "httpCompletionUrl"));
        return new D.ImageServingPublishSpec(
            RequiredEnum<D.PublishType>(j.PublishType, PathOf(path, "publishType")),
            RequiredEnum<D.EmailSetting>(j.EmailSetting, PathOf(path, "emailSetting")),
            j.HttpCompletionUrl,
            j.ContextHandle);
    }

    public D.ImageRenderingPublishSpec ImageRenderingPublish(W.ImageRenderingPublishJob j, string path)
    {
        OptionalCallbackUrl(j.HttpCompletionUrl, PathOf(path, "httpCompletionUrl"));
        return new D.ImageRenderingPublishSpec(
            RequiredEnum<D.EmailSetting>(j.EmailSetting, PathOf(path, "emailSetting")),
            j.HttpCompletionUrl,
            j.ContextHandle);
    }

    public D.VideoPublishSpec VideoPublish(W.VideoPublishJob j, string path)
    {
        OptionalCallbackUrl(j.HttpCompletionUrl, PathOf(path, "httpCompletionUrl"));
        return new D.VideoPublishSpec(
            RequiredEnum<D.EmailSetting>(j.EmailSetting, PathOf(path, "emailSetting")),
            j.HttpCompletionUrl,
            j.ContextHandle);
    }

    public D.ServerDirectoryPublishSpec ServerDirectoryPublish(W.ServerDirectoryPublishJob j, string path)
    {
        OptionalCallbackUrl(j.HttpCompletionUrl, PathOf(path, "httpCompletionUrl"));
        return new D.ServerDirectoryPublishSpec(
            RequiredEnum<D.EmailSetting>(j.EmailSetting, PathOf(path, "emailSetting")),
            j.HttpCompletionUrl);
    }

    public static D.MetadataPublishSpec MetadataPublish(W.MetadataPublishJob j) => new(j.ForcePublish);

    public static D.CreateVideoSitemapSpec CreateVideoSitemap(W.CreateVideoSitemapJob j) => new(j.ForceUpdate);

    public D.OptimizeImagesSpec OptimizeImages(W.OptimizeImagesJob j, string path) =>
        new(RequiredEnum<D.EmailSetting>(j.EmailSetting, PathOf(path, "emailSetting")));

    public D.ExportSpec Export(W.ExportJob j, string path)
    {
        var format = RequiredEnum<D.ExportFormat>(j.Fmt, PathOf(path, "fmt"));
        var hasMacro = !string.IsNullOrWhiteSpace(j.Macro);
        if (format == D.ExportFormat.convert && string.IsNullOrWhiteSpace(j.IsModifier) && !hasMacro)
        {
            // A conversion needs to know what to convert to; the executor uses macro when both are given.
            Missing($"{PathOf(path, "is_modifier")} (or {PathOf(path, "macro")})");
        }
        else if (format == D.ExportFormat.convert && hasMacro)
        {
            References.AddMacro(new NamedReference(PathOf(path, "macro"), j.Macro!));
            References.AddRendering(new RenderingReference(PathOf(path, "macro"), null, j.Macro));
        }
        else if (format == D.ExportFormat.convert)
        {
            // Checked by the parser the export renders with, so what passes here renders there.
            ImageModifiers.Parse(j.IsModifier, out var problems);
            foreach (var problem in problems)
            {
                Invalid(PathOf(path, "is_modifier"), problem.UnknownName
                    ? $"{ValidationProblem.Quote(problem.Modifier)} is not a supported modifier (supported: {string.Join(", ", ImageModifiers.Names)})"
                    : $"{ValidationProblem.Quote(problem.Modifier)} has an invalid value");
            }

            if (problems.Count == 0)
            {
                References.AddRendering(new RenderingReference(PathOf(path, "is_modifier"), j.IsModifier, null));
            }
        }

        return new D.ExportSpec(
            RequiredAssetHandles(j.AssetHandleArray, PathOf(path, "assetHandleArray")),
            format,
            j.IsModifier,
            j.Macro,
            RequiredEnum<D.EmailSetting>(j.EmailSetting, PathOf(path, "emailSetting")),
            j.ClientId);
    }

    public D.AutomatedSetGenerationSpec AutomatedSetGeneration(W.AutomatedSetGenerationJob j, string path)
    {
        FolderPath(j.DestFolder, PathOf(path, "destFolder"));
        var setsPath = PathOf(PathOf(path, "autoSetCreationOptions"), "autoSetsArray");
        var sets = RequiredAutoSetCreation(j.AutoSetCreationOptions, PathOf(path, "autoSetCreationOptions"));
        var names = sets.AutoSetHandles ?? [];
        for (var i = 0; i < names.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(names[i]))
            {
                References.AddSetScript(new NamedReference($"{setsPath}/items[{i}]", names[i]));
            }
        }

        return new D.AutomatedSetGenerationSpec(
            RequiredAssetHandles(j.AssetHandleArray, PathOf(path, "assetHandleArray")),
            j.DestFolder,
            RequiredBool(j.ReadyForPublish, PathOf(path, "readyForPublish")),
            sets,
            RequiredEnum<D.EmailSetting>(j.EmailSetting, PathOf(path, "emailSetting")));
    }

    public D.UploadDirectorySpec UploadDirectory(W.UploadDirectoryJob j, string path)
    {
        FolderPath(j.DestFolder, PathOf(path, "destFolder"));
        var serverDir = RequiredString(j.ServerDir, PathOf(path, "serverDir"));
        FolderPath(serverDir, PathOf(path, "serverDir"));
        return new D.UploadDirectorySpec(
            j.DestFolder,
            serverDir,
            RequiredBool(j.Overwrite, PathOf(path, "overwrite")),
            RequiredBool(j.ReadyForPublish, PathOf(path, "readyForPublish")),
            j.PreservePublishState,
            RequiredBool(j.IncludeSubfolders, PathOf(path, "includeSubfolders")),
            RequiredBool(j.ProcessMetadataFiles, PathOf(path, "processMetadataFiles")),
            Ingest(j, path),
            RequiredEnum<D.EmailSetting>(j.EmailSetting, PathOf(path, "emailSetting")),
            PostJob(j, path));
    }

    public D.UploadUrlsSpec UploadUrls(W.UploadUrlsJob j, string path)
    {
        if (j.NumUrls is < 0)
        {
            Invalid(PathOf(path, "numUrls"), $"{j.NumUrls} (must be 0 or more)");
        }

        return new D.UploadUrlsSpec(
            Urls(j.UrlArray, PathOf(path, "urlArray")),
            j.NumUrls,
            RequiredBool(j.Overwrite, PathOf(path, "overwrite")),
            RequiredBool(j.ReadyForPublish, PathOf(path, "readyForPublish")),
            j.PreservePublishState,
            Ingest(j, path),
            RequiredEnum<D.EmailSetting>(j.EmailSetting, PathOf(path, "emailSetting")),
            PostJob(j, path));
    }

    private D.UploadUrl[]? Urls(W.UploadUrlArray? array, string path)
    {
        if (array is null)
        {
            return null;
        }

        var urls = new D.UploadUrl[array.Items.Count];
        for (var i = 0; i < urls.Length; i++)
        {
            var itemPath = $"{path}/items[{i}]";
            var item = array.Items[i];
            var sourceUrl = RequiredString(item?.SourceUrl, PathOf(itemPath, "sourceUrl"));
            if (sourceUrl.Length > 0)
            {
                HttpUrl(sourceUrl, PathOf(itemPath, "sourceUrl"));
            }

            var destPath = RequiredString(item?.DestPath, PathOf(itemPath, "destPath"));
            FolderPath(destPath, PathOf(itemPath, "destPath"));
            urls[i] = new D.UploadUrl(sourceUrl, destPath);
        }

        return urls;
    }

    public D.RipPdfsSpec RipPdfs(W.RipPdfsJob j, string path) => new(
        RequiredAssetHandles(j.PdfHandleArray, PathOf(path, "pdfHandleArray")),
        Ingest(j, path),
        RequiredEnum<D.EmailSetting>(j.EmailSetting, PathOf(path, "emailSetting")),
        PostJob(j, path));

    public D.ReprocessAssetsSpec ReprocessAssets(W.ReprocessAssetsJob j, string path) => new(
        RequiredAssetHandles(j.AssetHandleArray, PathOf(path, "assetHandleArray")),
        j.ReadyForPublish,
        j.PreservePublishState,
        Ingest(j, path),
        RequiredEnum<D.EmailSetting>(j.EmailSetting, PathOf(path, "emailSetting")),
        PostJob(j, path));

    /// <summary>
    /// The processing options of any job element that has them. An element a job type lacks reads as absent
    /// (<see cref="W.IIngestOptionElements"/>), so it stays null here and nothing is asked of it.
    /// </summary>
    private D.IngestOptions Ingest(W.IIngestOptionElements j, string path) => new(
        RequiredBool(j.CreateMask, PathOf(path, "createMask")),
        j.PreserveCrop,
        KnockoutBackground(j.KnockoutBackgroundOptions, PathOf(path, "knockoutBackgroundOptions")),
        ManualCrop(j.ManualCropOptions, PathOf(path, "manualCropOptions")),
        AutoColorCrop(j.AutoColorCropOptions, PathOf(path, "autoColorCropOptions")),
        AutoTransparentCrop(j.AutoTransparentCropOptions, PathOf(path, "autoTransparentCropOptions")),
        Photoshop(j.PhotoshopOptions, PathOf(path, "photoshopOptions")),
        PostScript(j.PostScriptOptions, PathOf(path, "postScriptOptions")),
        Pdf(j.PdfOptions, PathOf(path, "pdfOptions")),
        Illustrator(j.IllustratorOptions, PathOf(path, "illustratorOptions")),
        ColorManagement(j.ColorManagementOptions, PathOf(path, "colorManagementOptions")),
        AutoSetCreation(j.AutoSetCreationOptions, PathOf(path, "autoSetCreationOptions")),
        OptionalHandles(j.ProjectHandleArray, PathOf(path, "projectHandleArray")),
        Media(j.MediaOptions, PathOf(path, "mediaOptions")),
        InDesign(j.InDesignOptions, PathOf(path, "inDesignOptions")),
        j.XmpKeywords,
        UnsharpMask(j.UnsharpMaskOptions, PathOf(path, "unsharpMaskOptions")),
        UnCompress(j.UnCompressOptions, PathOf(path, "unCompressOptions")),
        j.ExcludeMasterVideoFromAVS);

    /// <summary>The callback and follow-up publishes of any job element that has them.</summary>
    private D.PostJobOptions PostJob(W.IPostJobElements j, string path)
    {
        OptionalCallbackUrl(j.PostHttpUrl, PathOf(path, "postHttpUrl"));
        return new D.PostJobOptions(
            j.PostJobOnlyIfFiles,
            j.PostHttpUrl,
            PostImageServingPublish(j.PostImageServingPublishJob, path),
            PostImageRenderingPublish(j.PostImageRenderingPublishJob, path),
            PostVideoPublish(j.PostVideoPublishJob, path));
    }

    private D.ImageServingPublishSpec? PostImageServingPublish(W.ImageServingPublishJob? j, string parent) =>
        j is null ? null : ImageServingPublish(j, PathOf(parent, "postImageServingPublishJob"));

    private D.ImageRenderingPublishSpec? PostImageRenderingPublish(W.ImageRenderingPublishJob? j, string parent) =>
        j is null ? null : ImageRenderingPublish(j, PathOf(parent, "postImageRenderingPublishJob"));

    private D.VideoPublishSpec? PostVideoPublish(W.VideoPublishJob? j, string parent) =>
        j is null ? null : VideoPublish(j, PathOf(parent, "postVideoPublishJob"));
}
