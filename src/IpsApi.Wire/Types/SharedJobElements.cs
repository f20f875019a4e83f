// The runs of elements that several job types share. XmlSerializer types cannot share a base class without
// moving the shared elements to the front of each type, so the sharing is an interface instead: the mapping
// reads and writes these elements once for every job type that has them.

namespace IpsApi.Wire;

/// <summary>
/// What carries one job definition: <see cref="SubmitJobParam"/>, <see cref="ActiveJob"/> and
/// <see cref="ScheduledJob"/> have one property per job type, of which one is set. Each job type declares its
/// property here and in those three classes in its own file (Types/Jobs/), so a job type's wire types are in one place.
/// </summary>
public partial interface IJobElements
{
}

/// <summary>
/// The asset-processing elements of <see cref="UploadDirectoryJob"/>, <see cref="UploadUrlsJob"/>, <see cref="UploadPostJob"/>,
/// <see cref="ReprocessAssetsJob"/> and <see cref="RipPdfsJob"/>. A type without one of them implements it
/// explicitly as always absent (see <see cref="AbsentElement"/>).
/// </summary>
public interface IIngestOptionElements
{
    bool? CreateMask { get; set; }

    bool? PreserveCrop { get; set; }

    KnockoutBackgroundOptions? KnockoutBackgroundOptions { get; set; }

    ManualCropOptions? ManualCropOptions { get; set; }

    AutoColorCropOptions? AutoColorCropOptions { get; set; }

    AutoTransparentCropOptions? AutoTransparentCropOptions { get; set; }

    PhotoshopOptions? PhotoshopOptions { get; set; }

    PostScriptOptions? PostScriptOptions { get; set; }

    PDFOptions? PdfOptions { get; set; }

    IllustratorOptions? IllustratorOptions { get; set; }

    ColorManagementOptions? ColorManagementOptions { get; set; }

    AutoSetCreationOptions? AutoSetCreationOptions { get; set; }

    HandleArray? ProjectHandleArray { get; set; }

    MediaOptions? MediaOptions { get; set; }

    InDesignOptions? InDesignOptions { get; set; }

    string? XmpKeywords { get; set; }

    UnsharpMaskOptions? UnsharpMaskOptions { get; set; }

    UnCompressOptions? UnCompressOptions { get; set; }

    bool? ExcludeMasterVideoFromAVS { get; set; }
}

/// <summary>
/// What runs after an upload or reprocess job: the callback and the follow-up publishes. A type without one
/// of them implements it explicitly as always absent (see <see cref="AbsentElement"/>).
/// </summary>
public interface IPostJobElements
{
    bool? PostJobOnlyIfFiles { get; set; }

    string? PostHttpUrl { get; set; }

    ImageServingPublishJob? PostImageServingPublishJob { get; set; }

    ImageRenderingPublishJob? PostImageRenderingPublishJob { get; set; }

    VideoPublishJob? PostVideoPublishJob { get; set; }
}

/// <summary>For a shared element a job type does not have: it reads as absent and takes no value.</summary>
internal static class AbsentElement
{
    /// <summary>
    /// Accepts null (absent). A value has no element to go to; dropping it would echo a job other than the one
    /// stored, so it is a caller's bug and fails loudly.
    /// </summary>
    public static void Refuse(object? value, string jobElement, string element)
    {
        if (value is not null)
        {
            throw new InvalidOperationException($"{jobElement} has no {element} element.");
        }
    }
}
