using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback that uploadUrlsJob downloads from: files the tests put in, plus the
/// awkward sources real ones are (a redirect, a source that hangs, one that lies about its size, a huge body, a file
/// held back until the test lets it go).
/// </summary>
public sealed class TestFileServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, string Body)> _posts = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new(StringComparer.Ordinal);
    private readonly WebApplication _app;

    private TestFileServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<TestFileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new TestFileServer(app);
        app.MapGet("/files/{**path}", (string path) =>
            server._files.TryGetValue(path, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound());
        app.MapGet("/held/{**path}", async (string path, CancellationToken token) =>
        {
            server.HeldRequests.AddOrUpdate(path, 1, (_, n) => n + 1);
            await server.Gate(path).Task.WaitAsync(token);
            return server._files.TryGetValue(path, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound();
        });
        app.MapGet("/redirect", (string to) => Results.Redirect(to));
        app.MapPost("/callbacks/{**path}", async (string path, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            server._posts.Enqueue((path, await reader.ReadToEndAsync()));
            return Results.Ok();
        });
        app.MapGet("/hang", async (CancellationToken token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return Results.Ok();
        });
        app.MapGet("/claims-huge", async (HttpContext context) =>
        {
            // Headers announcing 50 GiB, then nothing: the downloader must refuse from the header alone.
            context.Response.ContentLength = 50L * 1024 * 1024 * 1024;
            await context.Response.StartAsync(context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        app.MapGet("/zeros/{megabytes:long}", async (long megabytes, HttpContext context) =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = megabytes * 1024 * 1024;
            var chunk = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>Serves <paramref name="content"/> at /files/<paramref name="path"/> and returns its URL.</summary>
    public string Add(string path, byte[] content)
    {
        _files[path] = content;
        return new Uri(BaseAddress, $"/files/{path}").ToString();
    }

    /// <summary>
    /// Serves <paramref name="content"/> at /held/<paramref name="path"/> once <see cref="Release"/> is called: a request
    /// before that waits (and counts in <see cref="HeldRequests"/>). Returns its URL.
    /// </summary>
    public string AddHeld(string path, byte[] content)
    {
        _files[path] = content;
        Gate(path);
        return new Uri(BaseAddress, $"/held/{path}").ToString();
    }

    /// <summary>Answers the requests for the held file, now and from now on.</summary>
    public void Release(string path) => Gate(path).TrySetResult();

    /// <summary>Requests for each held file so far.</summary>
    public ConcurrentDictionary<string, int> HeldRequests { get; } = new(StringComparer.Ordinal);

    private TaskCompletionSource Gate(string path) =>
        _gates.GetOrAdd(path, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    /// <summary>The bodies POSTed to /callbacks/<paramref name="path"/> so far (completion callbacks).</summary>
    public IReadOnlyList<string> CallbacksTo(string path) => _posts.Where(p => p.Path == path).Select(p => p.Body).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
