namespace IpsApi.Jobs.JobTypes.Export;

/// <summary>Settings of exportJob downloads (section <c>IpsApi:Exports</c>).</summary>
public sealed class ExportOptions
{
    public const string Section = "IpsApi:Exports";

    /// <summary>
    /// The address clients reach this server at, for the download links (e.g. https://ips.example.com behind a
    /// proxy). Unset: the server's own first listening address, http://127.0.0.1:&lt;port&gt; by default.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a download link works.</summary>
    public double LinkHours { get; set; } = 72;
}

/// <summary>
/// Where this server can be reached: the configured public address, else what the web host listens on (only known
/// once it started, and on port 0 only then), given by the host through <see cref="UseListeningAddress"/>.
/// </summary>
public sealed class PublicAddress(Microsoft.Extensions.Options.IOptions<ExportOptions> options)
{
    private Func<string?> _listening = () => null;

    public void UseListeningAddress(Func<string?> listening) => _listening = listening;

    /// <summary>The absolute URL of <paramref name="path"/> (which starts with '/').</summary>
    public string UrlOf(string path)
    {
        var baseUrl = options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured : _listening() ?? "http://127.0.0.1:8080";
        return baseUrl.TrimEnd('/') + path;
    }
}
