namespace IpsApi.Jobs.JobTypes.UploadUrls;

/// <summary>How uploadUrlsJob downloads: section "IpsApi:Downloads".</summary>
public sealed class DownloadOptions
{
    public const string Section = "IpsApi:Downloads";

    /// <summary>Downloads of one run at the same time.</summary>
    public int MaxParallel { get; set; } = 4;

    /// <summary>Largest file accepted; a longer body is cut off and reported as an error.</summary>
    public long MaxBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Time allowed to connect and receive the response headers.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 30;

    /// <summary>Longest wait for the next piece of the body: a source that hangs is abandoned.</summary>
    public int ReadTimeoutSeconds { get; set; } = 60;

    /// <summary>Further attempts after a network error or a 5xx answer.</summary>
    public int Retries { get; set; } = 2;

    public int MaxRedirects { get; set; } = 5;
}
