using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.JobTypes.UploadPost;

/// <summary>
/// The UploadFile endpoint and its upload jobs: section "IpsApi:Uploads" (<c>IPSAPI_UPLOADS__...</c>). Checked at
/// start; a bad value stops the server with one line naming it.
/// </summary>
public sealed class UploadOptions
{
    public const string Section = "IpsApi:Uploads";

    /// <summary>Largest file part of a POST; a larger one is refused (30001) and nothing of the POST is kept.</summary>
    public long MaxFileBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Largest POST body, all parts together; a larger one is refused (30003) and nothing of it is kept.</summary>
    public long MaxRequestBytes { get; set; } = 16L * 1024 * 1024 * 1024;

    /// <summary>Most file parts in one POST.</summary>
    public int MaxFilesPerRequest { get; set; } = 1000;

    /// <summary>Largest <c>auth</c> or <c>uploadParams</c> document.</summary>
    public int MaxDocumentBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// An upload job that was not ended with <c>endJob</c> ends this long after its last POST, once its files are in.
    /// </summary>
    public int IdleTimeoutSeconds { get; set; } = 30 * 60;

    /// <summary>Files of one upload job ingested at the same time.</summary>
    public int MaxParallel { get; set; } = 4;

    /// <summary>
    /// Whether a POST's files (and their folder) are flushed to the disk before the POST is answered, so an answered
    /// file survives a power cut of the machine too, not only the death of the server process.
    /// </summary>
    public bool SyncToDisk { get; set; } = true;

    /// <summary>Every problem with the settings, each as one line.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxFileBytes < 1 || MaxRequestBytes < 1)
        {
            yield return "IpsApi:Uploads:MaxFileBytes and MaxRequestBytes must be at least 1.";
        }

        if (MaxFilesPerRequest < 1)
        {
            yield return "IpsApi:Uploads:MaxFilesPerRequest must be at least 1.";
        }

        if (MaxDocumentBytes < 1024)
        {
            yield return "IpsApi:Uploads:MaxDocumentBytes must be at least 1024.";
        }

        if (IdleTimeoutSeconds < 1)
        {
            yield return "IpsApi:Uploads:IdleTimeoutSeconds must be at least 1.";
        }

        if (MaxParallel is < 1 or > 64)
        {
            yield return "IpsApi:Uploads:MaxParallel must be between 1 and 64.";
        }
    }
}

internal sealed class UploadOptionsValidation : IValidateOptions<UploadOptions>
{
    public ValidateOptionsResult Validate(string? name, UploadOptions options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
