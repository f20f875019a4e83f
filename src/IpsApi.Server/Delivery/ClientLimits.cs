using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using IpsApi.Server.Hosting;

namespace IpsApi.Server.Delivery;

/// <summary>
/// Per-client limits on /is/image, with ASP.NET Core's rate limiter: a token bucket (IPSAPI_DELIVERY__RATEPERSECOND,
/// __RATEBURST) and a number of requests in progress (__MAXREQUESTSPERCLIENT) with a queue of the client's own behind
/// it, so a client that asks for many expensive renders at once waits for its own, not everybody's. A client is its
/// address (behind a trusted proxy, the forwarded one); IPv6 clients by their /64, which one host usually has whole.
/// Refused requests get 429 with Retry-After.
/// </summary>
public static class ClientLimits
{
    public static IServiceCollection AddDeliveryClientLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(DeliveryOptions.Section).Get<DeliveryOptions>() ?? new DeliveryOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsLimited(context) && settings.RatePerSecond > 0
                    ? RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = settings.RateBurst,
                        TokensPerPeriod = settings.RatePerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsLimited(context)
                    ? RateLimitPartition.GetConcurrencyLimiter(ClientOf(context), _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = settings.ClientSlots,
                        QueueLimit = settings.ClientQueueLimit,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter("")));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Ceiling(retryAfter.TotalSeconds) : 1;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = Math.Max(1, wait).ToString(CultureInfo.InvariantCulture);
                ContentGuard.Apply(response);
                DeliveryMetrics.Served("image", StatusCodes.Status429TooManyRequests, 0);
                DeliveryMetrics.Refused("client limit");
                await ImageDelivery.TextAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                    "Too many image requests from your address; try again in a moment.");
            };
        });
        return services;
    }

    private static bool IsLimited(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/is/image", StringComparison.OrdinalIgnoreCase) && !Listeners.IsOps(context);

    internal static string ClientOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "-";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
