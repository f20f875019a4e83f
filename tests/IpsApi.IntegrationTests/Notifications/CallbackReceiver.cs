using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IpsApi.IntegrationTests.Notifications;

/// <summary>A job's callback endpoint on loopback (Kestrel), answering with the status codes it is given, in turn.</summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Queue<int> _statuses;
    private readonly List<ReceivedCallback> _received = [];

    private CallbackReceiver(WebApplication app, IEnumerable<int> statuses)
    {
        _app = app;
        _statuses = new Queue<int>(statuses);
    }

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<ReceivedCallback> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToList();
            }
        }
    }

    /// <param name="statuses">Answers to the first requests; 200 after them.</param>
    public static Task<CallbackReceiver> StartAsync(params int[] statuses) => StartAtAsync(0, statuses);

    /// <summary>A receiver on a given loopback port (0: any), e.g. one that was down until now.</summary>
    public static async Task<CallbackReceiver> StartAtAsync(int port, params int[] statuses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new CallbackReceiver(app, statuses);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Address = new Uri(address);
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        int status;
        lock (_received)
        {
            _received.Add(new ReceivedCallback(
                context.Request.Path + context.Request.QueryString, context.Request.ContentType ?? "",
                context.Request.Headers["Idempotency-Key"].ToString(), body));
            status = _statuses.Count > 0 ? _statuses.Dequeue() : 200;
        }

        context.Response.StatusCode = status;
    }
}

public sealed record ReceivedCallback(string PathAndQuery, string ContentType, string IdempotencyKey, string Body);
