using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using IpsApi.Assets.Publishing;
using IpsApi.Assets.Rendering;
using Microsoft.Extensions.Options;
using NetVips;

namespace IpsApi.Server.Delivery;

/// <summary>
/// GET /is/image/&lt;company&gt;/&lt;name&gt;: an image of the company's image serving catalog, rendered from its
/// pyramid TIFF with the image serving modifiers (wid, hei, fit, scl, fmt, qlt, bgc, crop, rotate); <c>req=set</c>
/// (xml) lists a set's members, <c>req=imageprops</c> and <c>req=userdata</c> describe an image as text. No
/// authentication, and nothing that is not published: an unknown company, name or one not yet published is 404.
/// What a render costs is bounded: renders go through the node's <see cref="RenderQueue"/>, a rendition already made is
/// answered from the <see cref="RenditionCache"/>, and each client's requests are limited (<see cref="ClientLimits"/>).
/// </summary>
public sealed class ImageDelivery(PublishCatalogs catalogs, IOptions<DeliveryOptions> options, RenderQueue renders, RenditionCache renditions)
{
    public async Task ServeAsync(HttpContext context, string company, string name, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var req = query["req"].ToString().ToLowerInvariant();
        var status = req switch
        {
            "" => await RenderAsync(context, company, name, cancellationToken),
            "set" or "set,xml" => await SetAsync(context, company, name, cancellationToken),
            "imageprops" => await PropertiesAsync(context, company, name, cancellationToken),
            "userdata" => await UserDataAsync(context, company, name, cancellationToken),
            _ => await TextAsync(context, StatusCodes.Status400BadRequest, $"req={req} is not supported here."),
        };
        DeliveryMetrics.Served("image", status, HttpMethods.IsHead(context.Request.Method) ? 0 : context.Response.ContentLength ?? 0);
    }

    private async Task<int> RenderAsync(HttpContext context, string company, string name, CancellationToken cancellationToken)
    {
        var pairs = context.Request.Query.Where(q => !q.Key.Equals("req", StringComparison.OrdinalIgnoreCase))
            .Select(q => (q.Key, q.Value.ToString()));
        var modifiers = ImageModifiers.Parse(pairs, out var problems);
        // Modifiers this server does not know are left out, as image serving does; a known one with a bad value is an error.
        if (problems.FirstOrDefault(p => !p.UnknownName) is { } bad)
        {
            return await TextAsync(context, StatusCodes.Status400BadRequest, $"Invalid modifier {bad.Modifier}.");
        }

        var settings = options.Value;
        if (modifiers is { Width: null, Height: null, Scale: null })
        {
            modifiers = modifiers with { Width = settings.DefaultSide, Height = settings.DefaultSide, Fit = FitMode.Constrain, Upscale = false };
        }

        // A reader that found an entry just before a publish replaced its file looks once more: the new catalog has it.
        for (var attempt = 0; ; attempt++)
        {
            var item = await catalogs.FindAsync(company, CatalogKind.ImageServing, name, cancellationToken);
            if (item is not { FilePath: { } path, Entry: var entry })
            {
                return await TextAsync(context, StatusCodes.Status404NotFound, "Not found.");
            }

            if (entry.Width is { } width && entry.Height is { } height && modifiers.SizeFor(width, height) is var size
                && (size.Width > settings.MaxSide || size.Height > settings.MaxSide || size.Pixels > settings.MaxPixels))
            {
                return await TextAsync(context, StatusCodes.Status400BadRequest,
                    $"The reply would be {size.Width} x {size.Height} pixels, more than this server renders ({settings.MaxSide} per side, {settings.MaxPixels} in all).");
            }

            var etag = Conditional.TagOf(entry.Source, entry.Modified.ToString("O", CultureInfo.InvariantCulture), modifiers.ToString());
            if (Conditional.IsNotModified(context.Request, etag, entry.Modified))
            {
                Conditional.SetCaching(context.Response, etag, entry.Modified, settings.CacheSeconds);
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return StatusCodes.Status304NotModified;
            }

            Rendition rendition;
            bool fromCache;
            try
            {
                (rendition, fromCache) = await renditions.GetAsync(company, item.Version, $"{company}\n{etag}", () => renders.RunAsync(() =>
                {
                    var watch = Stopwatch.StartNew();
                    var body = modifiers.RenderPyramid(path);
                    DeliveryMetrics.Rendered(watch.Elapsed);
                    return new Rendition(body, modifiers.ContentType);
                }), cancellationToken);
            }
            catch (VipsException) when (attempt == 0 && !File.Exists(path))
            {
                continue;
            }
            catch (RenderQueueFullException)
            {
                DeliveryMetrics.Refused("render queue full");
                context.Response.Headers.RetryAfter = RenderQueue.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return await TextAsync(context, StatusCodes.Status503ServiceUnavailable, "Every renderer is busy; try again in a moment.");
            }

            DeliveryMetrics.Rendition(fromCache);
            Conditional.SetCaching(context.Response, etag, entry.Modified, settings.CacheSeconds);
            return await WriteAsync(context, StatusCodes.Status200OK, rendition.ContentType, rendition.Body);
        }
    }

    private async Task<int> SetAsync(HttpContext context, string company, string name, CancellationToken cancellationToken)
    {
        var item = await catalogs.FindAsync(company, CatalogKind.ImageServing, name, cancellationToken);
        if (item?.Entry is not { Members: { } members } set)
        {
            return await TextAsync(context, StatusCodes.Status404NotFound, "Not found.");
        }

        var items = new List<XElement>();
        foreach (var member in members)
        {
            var published = await catalogs.FindAsync(company, CatalogKind.ImageServing, member, cancellationToken);
            items.Add(new XElement("item",
                new XElement("i", new XAttribute("n", $"{company}/{published?.Entry.DisplayName ?? member}")),
                published?.Entry.Width is { } width ? new XElement("dx", width) : null,
                published?.Entry.Height is { } height ? new XElement("dy", height) : null));
        }

        var document = new XElement("set", new XAttribute("pv", "1.0"), new XAttribute("type", set.AssetType == "SwatchSet" ? "swatch" : "img"), items);
        var etag = Conditional.TagOf(set.Source, set.Modified.ToString("O", CultureInfo.InvariantCulture), "set");
        Conditional.SetCaching(context.Response, etag, set.Modified, options.Value.CacheSeconds);
        return await WriteAsync(context, StatusCodes.Status200OK, "text/xml; charset=utf-8",
            Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + document.ToString(SaveOptions.DisableFormatting)));
    }

    private async Task<int> PropertiesAsync(HttpContext context, string company, string name, CancellationToken cancellationToken)
    {
        var item = await catalogs.FindAsync(company, CatalogKind.ImageServing, name, cancellationToken);
        if (item?.Entry is not { } entry)
        {
            return await TextAsync(context, StatusCodes.Status404NotFound, "Not found.");
        }

        var lines = new StringBuilder();
        void Line(string key, object? value) => lines.Append(CultureInfo.InvariantCulture, $"image.{key}={value}\n");
        Line("name", entry.DisplayName);
        Line("type", entry.Members is null ? "img" : "set");
        Line("width", entry.Width);
        Line("height", entry.Height);
        Line("pixTyp", entry.Members is null ? "RGB" : "");
        Line("size", entry.Size);
        Line("timeStamp", entry.Modified.ToUnixTimeMilliseconds());
        Line("catalogVersion", item.Version);
        return await TextAsync(context, StatusCodes.Status200OK, lines.ToString());
    }

    private async Task<int> UserDataAsync(HttpContext context, string company, string name, CancellationToken cancellationToken)
    {
        var item = await catalogs.FindAsync(company, CatalogKind.Metadata, name, cancellationToken);
        if (item?.Entry is not { } entry)
        {
            return await TextAsync(context, StatusCodes.Status404NotFound, "Not found.");
        }

        // One key=value a line; line breaks inside values would start false keys.
        var lines = (entry.Metadata ?? new Dictionary<string, string>())
            .OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => $"{m.Key}={m.Value.ReplaceLineEndings(" ")}\n");
        return await TextAsync(context, StatusCodes.Status200OK, string.Concat(lines));
    }

    internal static Task<int> TextAsync(HttpContext context, int status, string text) =>
        WriteAsync(context, status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));

    internal static async Task<int> WriteAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }

        return status;
    }
}
