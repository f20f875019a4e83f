namespace IpsApi.Server.Delivery;

/// <summary>
/// Delivery serves what companies uploaded, byte for byte, without authentication. A browser must never run it as
/// a page: every answer says "do not guess the type" and "no scripts, an origin of its own" (a CSP sandbox), and
/// a file of a type a browser would run (HTML, SVG, XML, PDF, anything not plainly an image, a video, audio or
/// text) is a download (Content-Disposition: attachment). The dashboard is on another origin anyway (see
/// Hosting/Listeners.cs); this is the second wall.
/// </summary>
public static class ContentGuard
{
    private static readonly HashSet<string> ShownAsIs = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/jpeg", "image/png", "image/gif", "image/webp", "image/avif", "image/bmp", "image/tiff", "image/x-icon",
        "image/vnd.microsoft.icon", "text/plain", "text/csv", "application/octet-stream",
    };

    public static void Apply(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox";
    }

    /// <summary>Whether a browser shows this type inline without running anything in it; otherwise it is sent as an attachment.</summary>
    public static bool IsInert(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return ShownAsIs.Contains(mediaType)
            || mediaType.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
            || mediaType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase);
    }
}
