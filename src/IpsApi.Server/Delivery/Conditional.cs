using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace IpsApi.Server.Delivery;

/// <summary>The caching headers of a delivered response and the revalidation answer (304) they allow.</summary>
internal static class Conditional
{
    /// <summary>A strong entity tag, quoted, made from what decides the response's bytes.</summary>
    public static string TagOf(params string[] parts) =>
        $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..32]}\"";

    public static void SetCaching(HttpResponse response, string etag, DateTimeOffset modified, int cacheSeconds)
    {
        var headers = response.GetTypedHeaders();
        headers.ETag = EntityTagHeaderValue.Parse(etag);
        headers.LastModified = Seconds(modified);
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(cacheSeconds) };
    }

    /// <summary>
    /// Whether the client's copy is current: If-None-Match decides when sent (RFC 9110 13.2.2), else
    /// If-Modified-Since.
    /// </summary>
    public static bool IsNotModified(HttpRequest request, string etag, DateTimeOffset modified)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag.Equals(etag, StringComparison.Ordinal));
        }

        return headers.IfModifiedSince is { } since && Seconds(modified) <= since;
    }

    // HTTP dates have whole seconds.
    private static DateTimeOffset Seconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));
}
