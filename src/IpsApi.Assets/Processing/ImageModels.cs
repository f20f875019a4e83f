namespace IpsApi.Assets.Processing;

/// <summary>What an image is, as read from its header.</summary>
/// <param name="Width">Width as displayed: an EXIF orientation that turns the image is already applied.</param>
/// <param name="Height">Height as displayed.</param>
/// <param name="Format">Lower-case format: <c>jpeg</c>, <c>png</c>, <c>tiff</c>, <c>webp</c>, <c>gif</c>,
/// <c>heif</c> (HEIC and AVIF).</param>
/// <param name="ColorSpace"><c>sRGB</c>, <c>CMYK</c>, <c>Gray</c>, <c>RGB16</c>, <c>Gray16</c>, <c>Lab</c>,
/// <c>scRGB</c>, <c>Multiband</c>, or another libvips interpretation name.</param>
/// <param name="HasAlpha">The image has an alpha band. libvips gives every GIF one.</param>
public sealed record ImageInfo(int Width, int Height, string Format, string ColorSpace, bool HasAlpha);

/// <summary>
/// The corner whose pixel is taken as the background colour. The names are the job API's values (reference: string
/// constant "AutoCrop Corner", and <c>KnockoutBackgroundOptions.corner</c>; both list the same four).
/// </summary>
public enum Corner
{
    UpperLeft,
    BottomLeft,
    UpperRight,
    BottomRight,
}

/// <summary>
/// Which background-coloured pixels a knockout makes transparent. The names are the job API's values (reference:
/// data type <c>KnockoutBackgroundOptions</c>, <c>fillMethod</c>).
/// </summary>
public enum FillMethod
{
    /// <summary>Those connected to the corner (4-connected) through background-coloured pixels.</summary>
    FloodFill,

    /// <summary>All of them, wherever they are (holes inside the object too).</summary>
    MatchPixel,
}

/// <summary>
/// Colour handling before anything else is done to the image.
/// <list type="bullet">
/// <item><see cref="Default"/>: RGB and greyscale images are kept as they are (an embedded profile such as Adobe
/// RGB stays, and travels with the result); every other colour space (CMYK, Lab, ...) is converted to sRGB,
/// through its embedded ICC profile when it has one, so that browsers show it right.</item>
/// <item><see cref="Convert"/>: everything is converted to sRGB, through the embedded profile when there is one.</item>
/// <item><see cref="MaintainOriginal"/>: the colour space is kept (CMYK stays CMYK). Only colour spaces that an
/// 8-bit JPEG/deflate TIFF can't hold (Lab, scRGB and other float data) are converted to sRGB, with a warning.</item>
/// </list>
/// In every mode 16-bit images become 8-bit: the optimized pyramid serves 8-bit tiles.
/// </summary>
public enum ColorHandling
{
    Default,
    Convert,
    MaintainOriginal,
}

/// <summary>
/// Edits applied to an uploaded image, in this order: colour, manual crop, auto-colour crop, auto-transparent crop,
/// knockout, unsharp mask. Tolerances are fractions 0..1 of the full 8-bit range (values outside are clamped);
/// a pixel matches the background when no band differs from the corner colour by more than tolerance x 255.
/// </summary>
/// <param name="ManualCrop">Pixels cut from each side; must leave at least one pixel.</param>
/// <param name="AutoColorCrop">Trim the border whose colour matches the corner pixel.</param>
/// <param name="AutoTransparentCropTolerance">Trim the border whose alpha is at most tolerance x 255.</param>
/// <param name="Knockout">Make background-coloured pixels transparent (adds an alpha band if needed).</param>
/// <param name="CreateMask">Also write the alpha band as a greyscale PNG mask rendition.</param>
/// <param name="Unsharp">Photoshop-style unsharp mask: Amount multiplies the detail (0..5 is the useful range),
/// Radius is the Gaussian sigma in pixels, Threshold (0..255) is the smallest difference that is sharpened,
/// Monochrome sharpens lightness only (RGB images; other colour spaces are sharpened per band).</param>
public sealed record ImageEdits(
    (int Left, int Right, int Top, int Bottom)? ManualCrop = null,
    (Corner Corner, double Tolerance)? AutoColorCrop = null,
    double? AutoTransparentCropTolerance = null,
    (Corner Corner, double Tolerance, FillMethod Method)? Knockout = null,
    bool CreateMask = false,
    (double Amount, double Radius, int Threshold, bool Monochrome)? Unsharp = null,
    ColorHandling Color = ColorHandling.Default)
{
    /// <summary>No edits: default colour handling, then the pyramid.</summary>
    public static ImageEdits None { get; } = new();
}

/// <summary>The result of <see cref="ImageProcessor.ProcessAsync"/>.</summary>
/// <param name="Original">The uploaded image, from its header.</param>
/// <param name="Processed">The optimized image after the edits (Format <c>tiff</c>).</param>
/// <param name="PyramidTiffPath">The optimized pyramid TIFF (<c>optimized.tif</c> in the output folder).</param>
/// <param name="MaskPath">The mask PNG (<c>mask.png</c>), when one was asked for and the result has alpha.</param>
/// <param name="Warnings">Things asked for that could not be done, each naming the option; show them to the
/// client as upload warnings.</param>
public sealed record ImageOutcome(
    ImageInfo Original,
    ImageInfo Processed,
    string PyramidTiffPath,
    string? MaskPath,
    IReadOnlyList<string> Warnings);
