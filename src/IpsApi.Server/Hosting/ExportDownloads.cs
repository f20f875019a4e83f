using IpsApi.Assets.Files;
using IpsApi.Jobs.JobTypes.Export;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;

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
        // IpsApi:Exports:PublicBaseUrl says how clients reach it.
        app.Services.GetRequiredService<PublicAddress>().UseListeningAddress(() =>
            Reachable(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()));
        app.MapGet("/exports/{token}", async (string token, ExportStore exports, IFileStore files, CancellationToken cancellationToken) =>
        {
            var download = token.Length is > 20 and < 100 ? await exports.FindDownloadAsync(token, cancellationToken) : null;
            return download is not null && files.Exists(download.StorageKey)
                ? Results.File(files.LocalPath(download.StorageKey), "application/zip", download.FileName, enableRangeProcessing: true)
                : Results.NotFound();
        });
        return app;
    }

    /// <summary>A wildcard listening host (0.0.0.0, [::], +, *) is no address to give out: loopback is.</summary>
    private static string? Reachable(string? listening)
    {
        if (listening is null || !Uri.TryCreate(listening.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal),
                UriKind.Absolute, out var uri))
        {
            return listening;
        }

        return uri.Host is "0.0.0.0" or "[::]" or "::" ? new UriBuilder(uri) { Host = "127.0.0.1" }.Uri.GetLeftPart(UriPartial.Authority) : listening;
    }
}
