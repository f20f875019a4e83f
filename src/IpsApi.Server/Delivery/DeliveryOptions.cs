using IpsApi.Assets.Rendering;

namespace IpsApi.Server.Delivery;

/// <summary>How published content is served: section "IpsApi:Delivery"; the size limits are exportJob's too.</summary>
public sealed class DeliveryOptions : RenderLimits
{
    /// <summary>Cache-Control max-age of delivered images and files, in seconds.</summary>
    public int CacheSeconds { get; set; } = 3600;

    /// <summary>The box an image is constrained to when the request names no size (image serving's defaultPix).</summary>
    public int DefaultSide { get; set; } = 400;

    /// <summary>Renders running at once on this node; more requests wait their turn. 0: twice the processor count.</summary>
    public int MaxConcurrentRenders { get; set; }

    /// <summary>Renders waiting for a free slot; one more is answered 503 with Retry-After. 0: four times the running ones.</summary>
    public int MaxQueuedRenders { get; set; }

    /// <summary>
    /// /is/image requests one client (an IP address; IPv6 by its /64) has in progress at once; its further requests
    /// wait in a queue of its own (up to <see cref="ClientQueueLimit"/>), so one client cannot take every render slot.
    /// 0: half the render slots (at least 1).
    /// </summary>
    public int MaxRequestsPerClient { get; set; }

    /// <summary>Requests of one client waiting behind its <see cref="MaxRequestsPerClient"/>; more are answered 429.</summary>
    public int ClientQueueLimit { get; set; } = 100;

    /// <summary>/is/image requests per second one client may make on average (a token bucket); 0 turns the limit off.</summary>
    public int RatePerSecond { get; set; } = 20;

    /// <summary>Requests one client may make at once above that rate (the bucket's size).</summary>
    public int RateBurst { get; set; } = 100;

    /// <summary>Memory for rendered images kept for repeated requests, in MiB; 0 turns the cache off.</summary>
    public int RenditionCacheMegabytes { get; set; } = 128;

    public int RenderSlots => MaxConcurrentRenders > 0 ? MaxConcurrentRenders : Environment.ProcessorCount * 2;

    public int RenderQueue => MaxQueuedRenders > 0 ? MaxQueuedRenders : RenderSlots * 4;

    public int ClientSlots => MaxRequestsPerClient > 0 ? MaxRequestsPerClient : Math.Max(1, RenderSlots / 2);

    /// <summary>Every problem with these settings, one line each.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxConcurrentRenders < 0 || MaxQueuedRenders < 0 || MaxRequestsPerClient < 0 || ClientQueueLimit < 0)
        {
            yield return "IPSAPI_DELIVERY__MAXCONCURRENTRENDERS, __MAXQUEUEDRENDERS, __MAXREQUESTSPERCLIENT and __CLIENTQUEUELIMIT must be 0 or more.";
        }

        if (RatePerSecond < 0 || RateBurst < 1)
        {
            yield return "IPSAPI_DELIVERY__RATEPERSECOND must be 0 (no limit) or more and IPSAPI_DELIVERY__RATEBURST at least 1.";
        }

        if (RenditionCacheMegabytes is < 0 or > 1024 * 1024)
        {
            yield return "IPSAPI_DELIVERY__RENDITIONCACHEMEGABYTES must be between 0 (off) and 1048576.";
        }
    }
}
