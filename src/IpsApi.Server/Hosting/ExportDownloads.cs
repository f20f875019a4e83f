using IpsApi.Assets.Files;
using IpsApi.Jobs.JobTypes.Export;
using IpsApi.Server.Delivery;


namespace IpsApi.Server.Hosting;

/// <summary>
/// GET /exports/{token}: the ZIP an exportJob made, for as long as its link lasts. The token is the only
/// credential (clients hand the link to a browser), so an unknown and an expired token both answer 404.
/// </summary>
public static class ExportDownloads
{
    public static WebApplication MapIpsExports(this WebApplication app)
    {
        // Links name the address the server really listens on (port 0 is only resolved at start) unless
        // IPSAPI_PUBLICURL (or IpsApi:Exports:PublicBaseUrl) says how clients reach it.
        var listeners = app.Services.GetRequiredService<Listeners>();
        app.Services.GetRequiredService<PublicAddress>().UseListeningAddress(() => listeners.MainAddress);
        app.MapGet("/exports/{token}", async (HttpContext context, string token, ExportStore exports, IFileStore files, CancellationToken cancellationToken) =>
        {
            var download = token.Length is > 20 and < 100 ? await exports.FindDownloadAsync(token, cancellationToken) : null;
            if (download is null || !files.Exists(download.StorageKey))
            {
                return Results.NotFound();
            }

            // Always a download (the ZIP's name given), never a page: the same guard as delivered content.
            ContentGuard.Apply(context.Response);
            return Results.File(files.LocalPath(download.StorageKey), "application/zip", download.FileName, enableRangeProcessing: true);
        });
        return app;
    }
}
