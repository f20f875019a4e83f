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
}
