namespace IpsApi.Assets.Rendering;

/// <summary>
/// The largest image this server renders, for <c>/is/image</c> and exportJob alike (section "IpsApi:Delivery",
/// <c>MaxSide</c> and <c>MaxPixels</c>): a rendering's size is known from the modifiers and the source's size before
/// a pixel is decoded, so a request for more is refused before any work.
/// </summary>
public class RenderLimits
{
    public const string Section = "IpsApi:Delivery";

    /// <summary>The longest side a rendered image may have.</summary>
    public int MaxSide { get; set; } = 4096;

    /// <summary>The most pixels a rendered image may have.</summary>
    public long MaxPixels { get; set; } = 16L * 1024 * 1024;

    public bool Allows(RenderSize size) => size.Width <= MaxSide && size.Height <= MaxSide && size.Pixels <= MaxPixels;
}

/// <summary>A rendering that would be larger than <see cref="RenderLimits"/> allow; nothing was rendered.</summary>
public sealed class RenderTooLargeException(RenderSize size, RenderLimits limits)
    : Exception($"The rendering would be {size.Width} x {size.Height} pixels, more than {limits.MaxSide} per side or {limits.MaxPixels} in all")
{
    public RenderSize Size { get; } = size;
}
