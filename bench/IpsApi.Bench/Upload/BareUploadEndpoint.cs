using IpsApi.Bench.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IpsApi.Bench.Upload;

/// <summary>
/// The upload baseline: a bare Kestrel endpoint that writes each POST's body to a file as it arrives (80 KB at a
/// time, as the server does) and answers a fixed uploadPostReturn. No multipart parsing, authentication, XML,
/// database or job: what HTTP and the disk alone cost. With "sync" it also flushes each file to the disk before it
/// answers, as the server does by default (IPSAPI_UPLOADS__SYNCTODISK).
/// </summary>
public static class BareUploadEndpoint
{
    /// <summary>Arguments: the folder the bodies go to, then "sync" or "nosync".</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var folder = args[0];
        var sync = args.Count > 1 && args[1] == "sync";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var count = 0L;
        app.MapPost("/upload", async (HttpContext context) =>
        {
            var path = Path.Combine(folder, $"{Interlocked.Increment(ref count)}.body");
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
                {
                    await output.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                }

                if (sync)
                {
                    await output.FlushAsync(context.RequestAborted);
                    output.Flush(flushToDisk: true);
                }
            }

            context.Response.ContentType = "text/xml; charset=utf-8";
            await context.Response.WriteAsync(
                "<uploadPostReturn xmlns=\"http://www.scene7.com/IpsApi/xsd\"><jobHandle>bare|bench|</jobHandle></uploadPostReturn>", context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine(BenchNode.ReadyLine + address);
        await app.WaitForShutdownAsync();
        return 0;
    }
}
