using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace IpsApi.Server.Delivery;

/// <summary>A render was not started: every render slot is busy and the queue behind them is full.</summary>
public sealed class RenderQueueFullException : Exception
{
    public RenderQueueFullException()
        : base("Every render slot is busy and the queue is full.")
    {
    }

    public RenderQueueFullException(string message)
        : base(message)
    {
    }

    public RenderQueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The node's renders: <see cref="DeliveryOptions.RenderSlots"/> at a time, <see cref="DeliveryOptions.RenderQueue"/>
/// waiting in order; one more is refused at once (the caller answers 503 with Retry-After) rather than waiting
/// behind work that may take seconds. Only real renders come here: cache hits and revalidations do not.
/// </summary>
public sealed class RenderQueue(IOptions<DeliveryOptions> options) : IDisposable
{
    /// <summary>What a refused client is told to wait, in seconds.</summary>
    public const int RetryAfterSeconds = 2;

    private readonly ConcurrencyLimiter _slots = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.RenderSlots,
        QueueLimit = options.Value.RenderQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public async Task<T> RunAsync<T>(Func<T> render)
    {
        using var lease = await _slots.AcquireAsync(1);
        return lease.IsAcquired ? render() : throw new RenderQueueFullException();
    }

    public void Dispose() => _slots.Dispose();
}
