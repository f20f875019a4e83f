using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>A Serilog sink that keeps the server's events, so tests can read the log as ops would.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => _events.ToArray();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The whole log as text: each message rendered, with all its properties.</summary>
    public string AllText => string.Join('\n', Events.Select(e =>
        e.RenderMessage() + " " + string.Join(' ', e.Properties.Select(p => $"{p.Key}={p.Value}")) + " " + e.Exception));
}
