namespace IpsApi.Server.Delivery;

/// <summary>How published content is served: section "IpsApi:Delivery".</summary>
public sealed class DeliveryOptions
{
    public const string Section = "IpsApi:Delivery";

    /// <summary>Cache-Control max-age of delivered images and files, in seconds.</summary>
    public int CacheSeconds { get; set; } = 3600;

    /// <summary>The longest side a rendered image may have; a request for more is refused with 400.</summary>
    public int MaxSide { get; set; } = 4096;

    /// <summary>The most pixels a rendered image may have.</summary>
    public long MaxPixels { get; set; } = 16L * 1024 * 1024;

    /// <summary>The box an image is constrained to when the request names no size (image serving's defaultPix).</summary>
    public int DefaultSide { get; set; } = 400;

    /// <summary>Renders running at once on this node; more requests wait their turn. 0: twice the processor count.</summary>
    public int MaxConcurrentRenders { get; set; }
}
