using Microsoft.Extensions.Options;
using NetVips;

namespace IpsApi.Assets.Processing;

/// <summary>
/// Reads uploaded images and makes their optimized renditions with libvips.
/// <para>
/// The pyramid TIFF is tiled (<see cref="ProcessingOptions.TileSize"/>) with one level per halving down to the
/// level that fits in one tile. Images without alpha get JPEG-compressed tiles
/// (<see cref="ProcessingOptions.JpegQuality"/>). Images with alpha keep it in the same file and get
/// deflate-compressed tiles instead, because TIFF's JPEG compression can't carry an alpha band: one
/// self-contained file is simpler to serve and to move than a JPEG pyramid plus a separate mask, and
/// knocked-out edges stay exact. An alpha band that is fully opaque is dropped first, so opaque RGBA PNGs and
/// GIFs still get JPEG tiles. Only the ICC profile is kept in the pyramid; EXIF/XMP stay with the original.
/// JPEG pyramids are written through <see cref="PyramidTiff"/>, which keeps libvips' black edge-tile padding
/// from darkening the right and bottom edges.
/// </para>
/// </summary>
public sealed class ImageProcessor(IOptions<ProcessingOptions> options)
{
    public const string PyramidFileName = "optimized.tif";
    public const string MaskFileName = "mask.png";

    /// <summary>The libvips loaders we accept, by the type name <see cref="Image.FindLoad"/> gives, and the
    /// format they read. Anything else libvips can open (CSV, matrix, SVG, raw formats) is not an upload image.</summary>
    private static readonly Dictionary<string, string> Loaders = new(StringComparer.Ordinal)
    {
        ["VipsForeignLoadJpegFile"] = "jpeg",
        ["VipsForeignLoadPngFile"] = "png",
        ["VipsForeignLoadSpngFile"] = "png",
        ["VipsForeignLoadTiffFile"] = "tiff",
        ["VipsForeignLoadWebpFile"] = "webp",
        ["VipsForeignLoadNsgifFile"] = "gif",
        ["VipsForeignLoadGifFile"] = "gif",
        ["VipsForeignLoadHeifFile"] = "heif",
    };

    private const string SupportedFormats = "JPEG, PNG, TIFF, WebP, GIF or HEIF";

    private readonly ProcessingOptions _options = options.Value;

    /// <summary>
    /// Reads the header only. Refuses files that are no image of a supported format, whose header is damaged, and
    /// images over <see cref="ProcessingOptions.MaxPixels"/> (decompression bombs), all without decoding pixels.
    /// </summary>
    /// <exception cref="MediaRejectedException">The file is no usable image.</exception>
    public ImageInfo Inspect(string path)
    {
        var (image, format) = Open(path, failOnDamage: false);
        using (image)
        {
            return Describe(image, format);
        }
    }

    /// <summary>
    /// Applies <paramref name="edits"/> and writes <see cref="PyramidFileName"/> (and <see cref="MaskFileName"/>
    /// when a mask is asked for) into <paramref name="outputFolder"/>, replacing files of those names. Use one
    /// output folder per asset. Files appear under their final names only when complete.
    /// </summary>
    /// <exception cref="MediaRejectedException">The image is unusable, damaged, over the limits, an edit can't be
    /// applied to it (a manual crop larger than the image), or the work took longer than
    /// <see cref="ProcessingOptions.ToolTimeoutSeconds"/>.</exception>
    public Task<ImageOutcome> ProcessAsync(string sourcePath, ImageEdits edits, string outputFolder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edits);
        // libvips works synchronously on its own threads; keep it off the caller's thread.
        return Task.Run(() => Process(sourcePath, edits, outputFolder, ct), ct);
    }

    private ImageOutcome Process(string sourcePath, ImageEdits edits, string outputFolder, CancellationToken ct)
    {
        var folder = OutputFiles.PrepareFolder(outputFolder);
        var pyramidPath = Path.Combine(folder, PyramidFileName);
        var maskPath = Path.Combine(folder, MaskFileName);
        var source = Path.GetFullPath(sourcePath);
        if (source == pyramidPath || source == maskPath)
        {
            throw new ArgumentException("The output folder must not be the folder of a rendition being replaced.", nameof(outputFolder));
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(_options.ToolTimeoutSeconds));
        var warnings = new List<string>();
        var temporaries = new List<string>();
        try
        {
            var (loaded, format) = Open(source, failOnDamage: true);
            var original = Describe(loaded, format);

            // Crop offsets and corners refer to the picture as people see it.
            var image = loaded.Autorot();
            image = ApplyColour(image, edits.Color, warnings);
            image = ToEightBit(image, edits.Color, warnings);
            limit.Token.ThrowIfCancellationRequested();

            if (edits.ManualCrop is { } manual)
            {
                image = ManualCrop(image, manual);
            }

            if (edits.AutoColorCrop is { } colourCrop)
            {
                image = AutoColourCrop(image, colourCrop.Corner, colourCrop.Tolerance, warnings, limit.Token);
            }

            if (edits.AutoTransparentCropTolerance is { } transparentTolerance)
            {
                image = AutoTransparentCrop(image, transparentTolerance, warnings, limit.Token);
            }

            if (edits.Knockout is { } knockout)
            {
                image = Knockout(image, knockout.Corner, knockout.Tolerance, knockout.Method, limit.Token);
            }

            if (edits.Unsharp is { } unsharp)
            {
                image = Unsharp(image, unsharp.Amount, unsharp.Radius, unsharp.Threshold, unsharp.Monochrome);
            }

            // Materialise the edited image once: the pyramid, the mask and the opacity check all read it.
            Watch(image, limit.Token);
            image = image.CopyMemory();
            image = DropOpaqueAlpha(image);
            limit.Token.ThrowIfCancellationRequested();

            var pyramidTemporary = OutputFiles.TemporaryFor(pyramidPath);
            temporaries.Add(pyramidTemporary);
            WritePyramid(image, pyramidTemporary, limit.Token);

            string? maskTemporary = null;
            if (edits.CreateMask)
            {
                if (image.HasAlpha())
                {
                    maskTemporary = OutputFiles.TemporaryFor(maskPath);
                    temporaries.Add(maskTemporary);
                    var alpha = image.ExtractBand(image.Bands - 1).Copy(interpretation: Enums.Interpretation.Bw);
                    Watch(alpha, limit.Token);
                    alpha.Pngsave(maskTemporary, keep: Enums.ForeignKeep.None);
                }
                else
                {
                    warnings.Add("createMask: the image has no transparency (no alpha channel and no knockout), so no mask was created");
                }
            }

            limit.Token.ThrowIfCancellationRequested();
            OutputFiles.Publish(pyramidTemporary, pyramidPath);
            if (maskTemporary is not null)
            {
                OutputFiles.Publish(maskTemporary, maskPath);
            }

            var processed = new ImageInfo(image.Width, image.Height, "tiff", ColourSpaceName(image), image.HasAlpha());
            return new ImageOutcome(original, processed, pyramidPath, maskTemporary is null ? null : maskPath, warnings);
        }
        catch (Exception e) when (e is VipsException or OperationCanceledException)
        {
            ct.ThrowIfCancellationRequested();
            if (limit.IsCancellationRequested)
            {
                throw new MediaRejectedException(
                    $"Processing the image took longer than {_options.ToolTimeoutSeconds} seconds", e.Message, e);
            }

            // The header was fine (Open checked it), so this is damage further in: truncated or corrupt data.
            throw new MediaRejectedException("The image data is damaged or truncated and could not be decoded", e.Message, e);
        }
        finally
        {
            foreach (var temporary in temporaries)
            {
                OutputFiles.DeleteQuietly(temporary);
            }
        }
    }

    /// <summary>Finds the loader, refuses what isn't an accepted image, and reads the header.</summary>
    private (Image Image, string Format) Open(string path, bool failOnDamage)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The image to process does not exist.", path);
        }

        string? loader;
        try
        {
            loader = Image.FindLoad(path);
        }
        catch (VipsException e)
        {
            throw new MediaRejectedException($"The file is not a {SupportedFormats} image", e.Message, e);
        }

        if (loader is null || !Loaders.TryGetValue(loader, out var format))
        {
            throw new MediaRejectedException($"The file is not a {SupportedFormats} image", loader);
        }

        Image image;
        try
        {
            // revalidate: an asset replaced under the same path must not come back from libvips' operation cache.
            image = Image.NewFromFile(
                path,
                access: Enums.Access.Random,
                failOn: failOnDamage ? Enums.FailOn.Error : Enums.FailOn.None,
                revalidate: true);
        }
        catch (VipsException e)
        {
            throw new MediaRejectedException($"The {format} image header is damaged and could not be read", e.Message, e);
        }

        var (width, height) = (image.Width, image.Height);
        var pixels = (long)width * height;
        if (pixels > _options.MaxPixels)
        {
            image.Dispose();
            throw new MediaRejectedException(
                $"The image is {width}x{height} pixels ({pixels} pixels), over the limit of {_options.MaxPixels} pixels");
        }

        return (image, format);
    }

    private static ImageInfo Describe(Image image, string format)
    {
        // EXIF orientations 5-8 turn the image by 90 degrees; Autorot will swap the sides.
        var orientation = image.GetTypeOf("orientation") != IntPtr.Zero ? (int)image.Get("orientation") : 1;
        var turned = orientation is >= 5 and <= 8;
        return new ImageInfo(
            turned ? image.Height : image.Width,
            turned ? image.Width : image.Height,
            format,
            ColourSpaceName(image),
            image.HasAlpha());
    }

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

    private static bool IsRgb(Image image) => image.Interpretation is Enums.Interpretation.Srgb
        or Enums.Interpretation.Rgb or Enums.Interpretation.Rgb16 or Enums.Interpretation.Scrgb;

    private static bool IsGrey(Image image) => image.Interpretation is Enums.Interpretation.Bw or Enums.Interpretation.Grey16;

    private static bool HasProfile(Image image) => image.GetTypeOf("icc-profile-data") != IntPtr.Zero;

    private static Image ApplyColour(Image image, ColorHandling handling, List<string> warnings)
    {
        var convert = handling switch
        {
            ColorHandling.Convert => !(image.Interpretation == Enums.Interpretation.Srgb && !HasProfile(image)),
            ColorHandling.Default => !IsRgb(image) && !IsGrey(image),
            _ => false,
        };
        return convert ? ToSrgb(image, warnings) : image;
    }

    private static Image ToSrgb(Image image, List<string> warnings)
    {
        if (HasProfile(image))
        {
            try
            {
                // The profile is parsed when the operation is built, so a broken one fails here, not in the save.
                return image.IccTransform("srgb", embedded: true, intent: Enums.Intent.Perceptual);
            }
            catch (VipsException)
            {
                warnings.Add("colorManagement: the embedded colour profile could not be used; converted to sRGB without it");
            }
        }

        // Without a profile libvips assumes sRGB primaries, or its built-in profile for CMYK.
        return image.Colourspace(Enums.Interpretation.Srgb);
    }

    /// <summary>The pyramid's tiles are 8-bit (JPEG or deflate of uchar), in sRGB, grey or CMYK.</summary>
    private static Image ToEightBit(Image image, ColorHandling handling, List<string> warnings)
    {
        var interpretation = image.Interpretation;
        if (image.Format == Enums.BandFormat.Uchar && interpretation is Enums.Interpretation.Srgb
                or Enums.Interpretation.Rgb or Enums.Interpretation.Bw or Enums.Interpretation.Cmyk)
        {
            return image;
        }

        if (interpretation == Enums.Interpretation.Cmyk)
        {
            // 16-bit CMYK: keep the top 8 bits of each ink.
            return image.Cast(Enums.BandFormat.Uchar, shift: true);
        }

        if (IsGrey(image))
        {
            return image.Colourspace(Enums.Interpretation.Bw);
        }

        if (handling == ColorHandling.MaintainOriginal && !IsRgb(image))
        {
            warnings.Add($"colorManagement: the {ColourSpaceName(image)} colour space can't be kept in the optimized image; converted to sRGB");
        }

        return image.Colourspace(Enums.Interpretation.Srgb);
    }

    private static Image ManualCrop(Image image, (int Left, int Right, int Top, int Bottom) crop)
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

        return image.Crop(left, top, (int)width, (int)height);
    }

    private static Image AutoColourCrop(Image image, Corner corner, double tolerance, List<string> warnings, CancellationToken ct)
    {
        var colour = WithoutAlpha(image);
        var background = CornerPixel(colour, corner);
        var differs = (colour - background).Abs() > Threshold(tolerance);
        var box = BoundingBox(differs.Bandbool(Enums.OperationBoolean.Or), ct);
        if (box is null)
        {
            warnings.Add("autoColorCrop: the whole image has the corner colour; it was not cropped");
            return image;
        }

        var (x, y, w, h) = box.Value;
        return image.Crop(x, y, w, h);
    }

    private static Image AutoTransparentCrop(Image image, double tolerance, List<string> warnings, CancellationToken ct)
    {
        if (!image.HasAlpha())
        {
            warnings.Add("autoTransparentCrop: the image has no transparency; it was not cropped");
            return image;
        }

        var visible = image.ExtractBand(image.Bands - 1) > Threshold(tolerance);
        var box = BoundingBox(visible, ct);
        if (box is null)
        {
            warnings.Add("autoTransparentCrop: the whole image is transparent; it was not cropped");
            return image;
        }

        var (x, y, w, h) = box.Value;
        return image.Crop(x, y, w, h);
    }

    private static Image Knockout(Image image, Corner corner, double tolerance, FillMethod method, CancellationToken ct)
    {
        var colour = WithoutAlpha(image);
        var (cornerX, cornerY) = CornerPoint(colour, corner);
        var backgroundColour = colour.Getpoint(cornerX, cornerY);
        var matches = ((colour - backgroundColour).Abs() <= Threshold(tolerance)).Bandbool(Enums.OperationBoolean.And);

        Image background;
        if (method == FillMethod.FloodFill)
        {
            // Flood the matching region that touches the corner (the corner always matches itself), marking it
            // with a value the match mask can't contain.
            Watch(matches, ct);
            const double marker = 128;
            var flooded = matches.CopyMemory().Mutate(m => m.DrawFlood([marker], cornerX, cornerY, equal: true));
            background = flooded.Equal(marker);
        }
        else
        {
            background = matches;
        }

        var alpha = image.HasAlpha() ? image.ExtractBand(image.Bands - 1) : Image.Black(image.Width, image.Height) + 255;
        var knockedOut = background.Ifthenelse(0, alpha).Cast(Enums.BandFormat.Uchar);
        return colour.Bandjoin(knockedOut).Copy(interpretation: colour.Interpretation);
    }

    /// <summary>
    /// Photoshop's unsharp mask: detail = image - gaussblur(image, radius); where |detail| exceeds the threshold
    /// the pixel becomes image + amount x detail.
    /// </summary>
    private static Image Unsharp(Image image, double amount, double radius, int threshold, bool monochrome)
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
            var lab = colour.Colourspace(Enums.Interpretation.Lab);
            var lightness = Sharpen(lab.ExtractBand(0), amount, radius, threshold * 100.0 / 255.0);
            sharpened = lightness.Bandjoin(lab.ExtractBand(1, n: 2))
                .Copy(interpretation: Enums.Interpretation.Lab)
                .Colourspace(Enums.Interpretation.Srgb);
        }
        else
        {
            sharpened = Sharpen(colour.Cast(Enums.BandFormat.Float), amount, radius, threshold)
                .Rint()
                .Cast(colour.Format)
                .Copy(interpretation: colour.Interpretation);
        }

        return image.HasAlpha()
            ? sharpened.Bandjoin(image.ExtractBand(image.Bands - 1)).Copy(interpretation: sharpened.Interpretation)
            : sharpened;
    }

    private static Image Sharpen(Image image, double amount, double radius, double threshold)
    {
        var detail = image - image.Gaussblur(radius, precision: Enums.Precision.Float);
        if (threshold > 0)
        {
            detail = (detail.Abs() > threshold).Ifthenelse(detail, 0);
        }

        return image + (detail * amount);
    }

    private static Image DropOpaqueAlpha(Image image) =>
        image.HasAlpha() && image.ExtractBand(image.Bands - 1).Min() >= 255
            ? image.ExtractBand(0, n: image.Bands - 1)
            : image;

    private void WritePyramid(Image image, string path, CancellationToken ct)
    {
        // Classic TIFF offsets are 32-bit; deflate can in theory exceed its input, so leave room.
        var bigTiff = (long)image.Width * image.Height * image.Bands > 3L * 1024 * 1024 * 1024;
        Watch(image, ct);
        if (!image.HasAlpha())
        {
            PyramidTiff.WriteJpeg(image, path, _options.TileSize, _options.JpegQuality, bigTiff);
            return;
        }

        // Lossless tiles: the zero padding libvips puts in edge tiles can't bleed into real pixels here.
        image.Tiffsave(
            path,
            compression: Enums.ForeignTiffCompression.Deflate,
            predictor: Enums.ForeignTiffPredictor.Horizontal,
            tile: true,
            tileWidth: _options.TileSize,
            tileHeight: _options.TileSize,
            pyramid: true,
            bigtiff: bigTiff,
            keep: Enums.ForeignKeep.Icc);
    }

    private static Image WithoutAlpha(Image image) =>
        image.HasAlpha() ? image.ExtractBand(0, n: image.Bands - 1).Copy(interpretation: image.Interpretation) : image;

    private static double Threshold(double tolerance) => Math.Clamp(tolerance, 0, 1) * 255;

    private static (int X, int Y) CornerPoint(Image image, Corner corner) => corner switch
    {
        Corner.UpperLeft => (0, 0),
        Corner.UpperRight => (image.Width - 1, 0),
        Corner.BottomLeft => (0, image.Height - 1),
        Corner.BottomRight => (image.Width - 1, image.Height - 1),
        _ => throw new ArgumentOutOfRangeException(nameof(corner), corner, null),
    };

    private static double[] CornerPixel(Image image, Corner corner)
    {
        var (x, y) = CornerPoint(image, corner);
        return image.Getpoint(x, y);
    }

    /// <summary>The smallest rectangle holding every non-zero pixel of a one-band mask, or null when there is none.
    /// Exact: no median filter as in libvips' find_trim, so a one-pixel line still counts.</summary>
    private static (int X, int Y, int Width, int Height)? BoundingBox(Image mask, CancellationToken ct)
    {
        Watch(mask, ct);
        var projections = mask.Project();
        var columns = ((Image)projections[0]).Cast(Enums.BandFormat.Double).WriteToMemory<double>();
        var rows = ((Image)projections[1]).Cast(Enums.BandFormat.Double).WriteToMemory<double>();
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

    /// <summary>Lets cancellation and the timeout stop libvips while it evaluates <paramref name="image"/>.</summary>
    private static void Watch(Image image, CancellationToken ct) => image.SetProgress(NoProgress.Instance, ct);

    private sealed class NoProgress : IProgress<int>
    {
        public static readonly NoProgress Instance = new();

        public void Report(int value)
        {
        }
    }
}
