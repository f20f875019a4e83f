using NetVips;

namespace IpsApi.Assets.Processing;

/// <summary>
/// One image's edits with libvips. Every image made along the way is owned here and released when the run
/// is disposed: libvips images hold native pixel memory that the .NET garbage collector neither sees nor hurries
/// to free, and any one forgotten wrapper keeps the whole decoded upload alive through its references.
/// </summary>
internal sealed class ImageWork(List<string> warnings, string folder, List<string> temporaries, CancellationToken ct) : IDisposable
{
    /// <summary>Edited images up to this size are held in memory; larger ones in a temporary file.</summary>
    private const long InMemoryLimitBytes = 256L * 1024 * 1024;

    private readonly List<Image> _owned = [];

    public Image Own(Image image)
    {
        _owned.Add(image);
        return image;
    }

    public void Dispose()
    {
        foreach (var image in _owned)
        {
            image.Dispose();
        }

        _owned.Clear();
    }

    /// <summary>Lets cancellation and the timeout stop libvips while it computes <paramref name="image"/>.</summary>
    public static void Watch(Image image, CancellationToken token) => image.SetProgress(NoProgress.Instance, token);

    public Image Colour(Image image, ColorHandling handling)
    {
        var convert = handling switch
        {
            ColorHandling.Convert => !(image.Interpretation == Enums.Interpretation.Srgb && !HasProfile(image)),
            ColorHandling.Default => !IsRgb(image) && !IsGrey(image),
            _ => false,
        };
        return convert ? ToSrgb(image) : image;
    }

    /// <summary>The pyramid's tiles are 8-bit (JPEG or deflate of uchar), in sRGB, grey or CMYK.</summary>
    public Image ToEightBit(Image image, ColorHandling handling)
    {
        var interpretation = image.Interpretation;
        if (image.Format == Enums.BandFormat.Uchar
            && interpretation is Enums.Interpretation.Srgb or Enums.Interpretation.Rgb or Enums.Interpretation.Bw or Enums.Interpretation.Cmyk)
        {
            return image;
        }

        if (interpretation == Enums.Interpretation.Cmyk)
        {
            // 16-bit CMYK: keep the top 8 bits of each ink.
            return Own(image.Cast(Enums.BandFormat.Uchar, shift: true));
        }

        if (IsGrey(image))
        {
            return Own(image.Colourspace(Enums.Interpretation.Bw));
        }

        if (handling == ColorHandling.MaintainOriginal && !IsRgb(image))
        {
            warnings.Add($"colorManagement: the {ColourSpaceName(image)} colour space can't be kept in the optimized image; converted to sRGB");
        }

        return Own(image.Colourspace(Enums.Interpretation.Srgb));
    }

    public Image ManualCrop(Image image, (int Left, int Right, int Top, int Bottom) crop)
    {
        var (left, right, top, bottom) = crop;
        if (left < 0 || right < 0 || top < 0 || bottom < 0)
        {
            throw new MediaRejectedException("manualCrop: the crop values must not be negative");
        }

        var width = (long)image.Width - left - right;
        var height = (long)image.Height - top - bottom;
        if (width < 1 || height < 1)
        {
            throw new MediaRejectedException(
                $"manualCrop: cutting {left}, {right}, {top}, {bottom} pixels (left, right, top, bottom) leaves nothing of the {image.Width}x{image.Height} image");
        }

        return Own(image.Crop(left, top, (int)width, (int)height));
    }

    public Image AutoColourCrop(Image image, Corner corner, double tolerance)
    {
        var colour = WithoutAlpha(image);
        var (x, y) = CornerPoint(colour, corner);
        var differs = DifferenceMask(colour, colour.Getpoint(x, y), tolerance, any: true);
        var box = BoundingBox(differs);
        if (box is null)
        {
            warnings.Add("autoColorCrop: the whole image has the corner colour; it was not cropped");
            return image;
        }

        var (left, top, width, height) = box.Value;
        return Own(image.Crop(left, top, width, height));
    }

    public Image AutoTransparentCrop(Image image, double tolerance)
    {
        if (!image.HasAlpha())
        {
            warnings.Add("autoTransparentCrop: the image has no transparency; it was not cropped");
            return image;
        }

        var visible = Own(Alpha(image) > Threshold(tolerance));
        var box = BoundingBox(visible);
        if (box is null)
        {
            warnings.Add("autoTransparentCrop: the whole image is transparent; it was not cropped");
            return image;
        }

        var (left, top, width, height) = box.Value;
        return Own(image.Crop(left, top, width, height));
    }

    public Image Knockout(Image image, Corner corner, double tolerance, FillMethod method)
    {
        var colour = WithoutAlpha(image);
        var (cornerX, cornerY) = CornerPoint(colour, corner);
        var matches = DifferenceMask(colour, colour.Getpoint(cornerX, cornerY), tolerance, any: false);

        Image background;
        if (method == FillMethod.FloodFill)
        {
            // Flood the matching region that touches the corner (the corner always matches itself), marking it
            // with a value the match mask can't contain.
            const double marker = 128;
            Watch(matches, ct);
            var mask = Own(matches.CopyMemory());
            var flooded = Own(mask.Mutate(m => m.DrawFlood([marker], cornerX, cornerY, equal: true)));
            background = Own(flooded.Equal(marker));
        }
        else
        {
            background = matches;
        }

        var alpha = image.HasAlpha() ? Alpha(image) : Own(Own(Image.Black(image.Width, image.Height)) + 255);
        var knockedOut = Own(Own(background.Ifthenelse(0, alpha)).Cast(Enums.BandFormat.Uchar));
        return Own(Own(colour.Bandjoin(knockedOut)).Copy(interpretation: colour.Interpretation));
    }

    /// <summary>
    /// Photoshop's unsharp mask: detail = image - gaussblur(image, radius); where |detail| exceeds the threshold
    /// the pixel becomes image + amount x detail.
    /// </summary>
    public Image Unsharp(Image image, double amount, double radius, int threshold, bool monochrome)
    {
        if (amount <= 0 || radius <= 0)
        {
            return image;
        }

        var colour = WithoutAlpha(image);
        Image sharpened;
        if (monochrome && colour.Interpretation == Enums.Interpretation.Srgb && colour.Bands == 3)
        {
            // Lightness only, so edges gain no colour fringes; L* runs 0..100, so the threshold is rescaled.
            var lab = Own(colour.Colourspace(Enums.Interpretation.Lab));
            var lightness = Sharpen(Own(lab.ExtractBand(0)), amount, radius, threshold * 100.0 / 255.0);
            var joined = Own(lightness.Bandjoin(Own(lab.ExtractBand(1, n: 2))));
            sharpened = Own(Own(joined.Copy(interpretation: Enums.Interpretation.Lab)).Colourspace(Enums.Interpretation.Srgb));
        }
        else
        {
            var result = Sharpen(Own(colour.Cast(Enums.BandFormat.Float)), amount, radius, threshold);
            sharpened = Own(Own(Own(result.Rint()).Cast(colour.Format)).Copy(interpretation: colour.Interpretation));
        }

        return image.HasAlpha()
            ? Own(Own(sharpened.Bandjoin(Alpha(image))).Copy(interpretation: sharpened.Interpretation))
            : sharpened;
    }

    /// <summary>
    /// Computes the edited image once, since the pyramid, the mask and the opacity check all read it: in memory
    /// when small, else in a temporary uncompressed file beside the outputs (the way libvips itself keeps large
    /// decoded images on disk), so a 200-megapixel upload doesn't need a gigabyte of memory per job.
    /// </summary>
    public Image Materialise(Image image)
    {
        Watch(image, ct);
        if ((long)image.Width * image.Height * image.Bands <= InMemoryLimitBytes)
        {
            return Own(image.CopyMemory());
        }

        var work = OutputFiles.TemporaryFor(Path.Combine(folder, "work.v"));
        temporaries.Add(work);
        image.WriteToFile(work);
        return Own(Image.NewFromFile(work, access: Enums.Access.Random, revalidate: true));
    }

    /// <summary>An alpha band that is opaque everywhere says nothing; without it the pyramid gets JPEG tiles.</summary>
    public Image DropOpaqueAlpha(Image image) =>
        image.HasAlpha() && Alpha(image).Min() >= 255 ? WithoutAlpha(image) : image;

    public Image Alpha(Image image) => Own(image.ExtractBand(image.Bands - 1));

    internal static string ColourSpaceName(Image image) => image.Interpretation switch
    {
        Enums.Interpretation.Srgb => "sRGB",
        Enums.Interpretation.Rgb => "RGB",
        Enums.Interpretation.Rgb16 => "RGB16",
        Enums.Interpretation.Cmyk => "CMYK",
        Enums.Interpretation.Bw => "Gray",
        Enums.Interpretation.Grey16 => "Gray16",
        Enums.Interpretation.Lab => "Lab",
        Enums.Interpretation.Scrgb => "scRGB",
        Enums.Interpretation.Multiband => "Multiband",
        var other => other.ToString(),
    };

    private Image ToSrgb(Image image)
    {
        if (HasProfile(image))
        {
            try
            {
                // The profile is parsed when the operation is built, so a broken one fails here, not in the save.
                return Own(image.IccTransform("srgb", embedded: true, intent: Enums.Intent.Perceptual));
            }
            catch (VipsException)
            {
                warnings.Add("colorManagement: the embedded colour profile could not be used; converted to sRGB without it");
            }
        }

        // Without a profile libvips assumes sRGB primaries, or its built-in profile for CMYK.
        return Own(image.Colourspace(Enums.Interpretation.Srgb));
    }

    private Image Sharpen(Image image, double amount, double radius, double threshold)
    {
        var detail = Own(image - Own(image.Gaussblur(radius, precision: Enums.Precision.Float)));
        if (threshold > 0)
        {
            detail = Own(Own(Own(detail.Abs()) > threshold).Ifthenelse(detail, 0));
        }

        return Own(image + Own(detail * amount));
    }

    /// <summary>A one-band mask, 255 where the image's colour bands differ from <paramref name="colour"/> by more
    /// than the tolerance: in any band (<paramref name="any"/>), or else 255 where all bands are within it.</summary>
    private Image DifferenceMask(Image image, double[] colour, double tolerance, bool any)
    {
        var distance = Own(Own(image - colour).Abs());
        var perBand = any ? Own(distance > Threshold(tolerance)) : Own(distance <= Threshold(tolerance));
        return Own(perBand.Bandbool(any ? Enums.OperationBoolean.Or : Enums.OperationBoolean.And));
    }

    /// <summary>The smallest rectangle holding every non-zero pixel of a one-band mask, or null when there is none.
    /// Exact: no median filter as in libvips' find_trim, so a one-pixel line still counts.</summary>
    private (int X, int Y, int Width, int Height)? BoundingBox(Image mask)
    {
        Watch(mask, ct);
        var projections = mask.Project();
        var columnSums = Own((Image)projections[0]);
        var rowSums = Own((Image)projections[1]);
        var columns = Own(columnSums.Cast(Enums.BandFormat.Double)).WriteToMemory<double>();
        var rows = Own(rowSums.Cast(Enums.BandFormat.Double)).WriteToMemory<double>();
        var left = Array.FindIndex(columns, s => s > 0);
        if (left < 0)
        {
            return null;
        }

        var right = Array.FindLastIndex(columns, s => s > 0);
        var top = Array.FindIndex(rows, s => s > 0);
        var bottom = Array.FindLastIndex(rows, s => s > 0);
        return (left, top, right - left + 1, bottom - top + 1);
    }

    private Image WithoutAlpha(Image image) =>
        image.HasAlpha()
            ? Own(Own(image.ExtractBand(0, n: image.Bands - 1)).Copy(interpretation: image.Interpretation))
            : image;

    private static bool IsRgb(Image image) => image.Interpretation is Enums.Interpretation.Srgb
        or Enums.Interpretation.Rgb or Enums.Interpretation.Rgb16 or Enums.Interpretation.Scrgb;

    private static bool IsGrey(Image image) => image.Interpretation is Enums.Interpretation.Bw or Enums.Interpretation.Grey16;

    private static bool HasProfile(Image image) => image.GetTypeOf("icc-profile-data") != IntPtr.Zero;

    private static double Threshold(double tolerance) => Math.Clamp(tolerance, 0, 1) * 255;

    private static (int X, int Y) CornerPoint(Image image, Corner corner) => corner switch
    {
        Corner.UpperLeft => (0, 0),
        Corner.UpperRight => (image.Width - 1, 0),
        Corner.BottomLeft => (0, image.Height - 1),
        Corner.BottomRight => (image.Width - 1, image.Height - 1),
        _ => throw new ArgumentOutOfRangeException(nameof(corner), corner, null),
    };

    private sealed class NoProgress : IProgress<int>
    {
        public static readonly NoProgress Instance = new();

        public void Report(int value)
        {
        }
    }
}
