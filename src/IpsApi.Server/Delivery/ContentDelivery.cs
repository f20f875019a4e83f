using IpsApi.Assets.Publishing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IpsApi.Server.Delivery;

/// <summary>
/// GET /is/content/&lt;company&gt;/&lt;path&gt;: a published file as it is: a video (or one of its encodes and
/// thumbnails), a server directory file, a render file, the video sitemap. Range requests are answered (video
/// players seek with them), and so are revalidations. Anything not published is 404. A file a browser would run
/// (HTML, SVG, ...) goes out as an attachment (<see cref="ContentGuard"/>).
/// </summary>
public sealed class ContentDelivery(PublishCatalogs catalogs, IOptions<DeliveryOptions> options)
{
    /// <summary>Where a content path is looked up, in this order.</summary>
    private static readonly CatalogKind[] Kinds = [CatalogKind.Video, CatalogKind.ServerDirectory, CatalogKind.ImageRendering, CatalogKind.VideoSitemap];

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public async Task ServeAsync(HttpContext context, string company, string path, CancellationToken cancellationToken)
    {
        var result = await ResultAsync(company, path, cancellationToken);
        await result.ExecuteAsync(context);
        var status = context.Response.StatusCode;
        DeliveryMetrics.Served("content", status, status is 200 or 206 && !HttpMethods.IsHead(context.Request.Method)
            ? context.Response.ContentLength ?? 0 : 0);
    }

    private async Task<IResult> ResultAsync(string company, string path, CancellationToken cancellationToken)
    {
        // A file replaced by a publish after the lookup: the second lookup finds the new catalog's file.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await catalogs.FindFirstAsync(company, Kinds, path, cancellationToken) is not { Item: { FilePath: { } file, Entry: var entry } })
            {
                break;
            }

            if (!File.Exists(file))
            {
                continue;
            }

            var contentType = entry.ContentType
                ?? (ContentTypes.TryGetContentType(entry.File!, out var known) ? known : "application/octet-stream");
            var etag = Conditional.TagOf(entry.Source);
            var download = ContentGuard.IsInert(contentType) ? null : Path.GetFileName(path);
            return new CachedFile(Results.File(file, contentType, download, lastModified: entry.Modified,
                entityTag: EntityTagHeaderValue.Parse(etag), enableRangeProcessing: true), options.Value.CacheSeconds);
        }

        return Results.Text("Not found.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>A file result with the Cache-Control header delivery promises.</summary>
    private sealed class CachedFile(IResult file, int cacheSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.GetTypedHeaders().CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(cacheSeconds) };
            return file.ExecuteAsync(httpContext);
        }
    }
}
