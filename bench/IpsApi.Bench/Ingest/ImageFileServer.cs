using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IpsApi.Bench.Ingest;

/// <summary>
/// Serves the generated images on loopback, straight from disk (Kestrel's file sending), so the source is as
/// fast as it can be and both the job and curl are measured against the same server.
/// </summary>
public sealed class ImageFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ImageFileServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ImageFileServer> StartAsync(IReadOnlyList<BenchImage> images, CancellationToken cancellationToken)
    {
        // Only the generated files are served, looked up by name: no path from a request reaches the disk.
        var byName = images.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/images/{name}", (string name) => byName.TryGetValue(name, out var image)
            ? Results.File(image.Path, image.Name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg")
            : Results.NotFound());
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ImageFileServer(app, new Uri(address));
    }

    public string UrlOf(BenchImage image) => new Uri(BaseAddress, $"/images/{image.Name}").ToString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
