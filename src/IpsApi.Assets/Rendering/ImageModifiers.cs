using System.Globalization;
using NetVips;

namespace IpsApi.Assets.Rendering;

/// <summary>How <c>wid</c> and <c>hei</c> are met (<c>fit</c>), as image serving defines the modes.</summary>
public enum FitMode
{
    /// <summary><c>fit=constrain</c> (the default): within the box, proportions kept; the reply may be smaller than the box.</summary>
    Constrain,

    /// <summary><c>fit=fit</c>: within the box, proportions kept, the reply exactly the box with the rest in <c>bgc</c>.</summary>
    Fit,

    /// <summary><c>fit=crop</c>: the box filled, proportions kept, the overflow cut off evenly.</summary>
    Crop,

    /// <summary><c>fit=stretch</c>: exactly the box, proportions given up.</summary>
    Stretch,
}

/// <summary>A modifier that could not be used: its name, and whether the name or only its value was wrong.</summary>
public sealed record ModifierProblem(string Modifier, bool UnknownName);

/// <summary>The reply's size, known before a pixel is decoded: what size limits and pyramid levels are chosen by.</summary>
public sealed record RenderSize(int Width, int Height)
{
    public long Pixels => (long)Width * Height;
}

/// <summary>
/// The image serving modifiers (<c>wid</c>, <c>hei</c>, <c>fit</c>, <c>scl</c>, <c>fmt</c>, <c>qlt</c>, <c>bgc</c>,
/// <c>crop</c>, <c>rotate</c>), parsed from a query-like string ("wid=200&amp;fmt=png") and applied with libvips in
/// image serving order: crop the source, rotate, scale, fit into the box, flatten on the background, encode.
/// exportJob renders whole files with them; delivery renders from the pyramid level nearest the reply size.
/// </summary>
public sealed record ImageModifiers(
    int? Width = null,
    int? Height = null,
    FitMode Fit = FitMode.Constrain,
    string Format = "jpg",
    int Quality = 85,
    (double Red, double Green, double Blue)? Background = null,
    (int X, int Y, int Width, int Height)? Crop = null,
    double? Scale = null,
    double Rotate = 0,
    bool Upscale = true)
{
    /// <summary>The modifier names understood, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["wid", "hei", "fit", "fmt", "qlt", "bgc", "crop", "scl", "rotate"];

    /// <summary>Parses <paramref name="text"/>; every modifier that is unknown or has a bad value is a problem.</summary>
    public static ImageModifiers Parse(string? text, out IReadOnlyList<ModifierProblem> problems)
    {
        var pairs = (text ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.IndexOf('=', StringComparison.Ordinal) is var at and >= 0 ? (pair[..at], pair[(at + 1)..]) : (pair, ""));
        return Parse(pairs, out problems);
    }

    /// <summary>Parses name/value pairs (a query string already split and decoded).</summary>
    public static ImageModifiers Parse(IEnumerable<(string Name, string Value)> pairs, out IReadOnlyList<ModifierProblem> problems)
    {
        var found = new List<ModifierProblem>();
        var result = new ImageModifiers();
        foreach (var (rawName, value) in pairs)
        {
            var name = rawName.ToLowerInvariant();
            ImageModifiers? next = name switch
            {
                "wid" => Positive(value) is { } width ? result with { Width = width } : null,
                "hei" => Positive(value) is { } height ? result with { Height = height } : null,
                "fit" => FitOf(value) is var (fit, upscale) ? result with { Fit = fit, Upscale = upscale } : null,
                "fmt" => FormatOf(value) is { } format ? result with { Format = format } : null,
                // qlt=quality[,chroma]: the chroma flag has no libvips counterpart worth a modifier of its own.
                "qlt" => Positive(value.Split(',')[0]) is { } quality && quality <= 100 ? result with { Quality = quality } : null,
                "bgc" => ColorOf(value) is { } color ? result with { Background = color } : null,
                "crop" => CropOf(value) is { } crop ? result with { Crop = crop } : null,
                "scl" => Number(value) is { } scale && scale is > 0 and <= 10_000 ? result with { Scale = scale } : null,
                "rotate" => Number(value) is { } angle && Math.Abs(angle) <= 360 ? result with { Rotate = angle } : null,
                _ => null,
            };
            if (next is null)
            {
                found.Add(new ModifierProblem(value.Length == 0 ? rawName : $"{rawName}={value}", !Names.Contains(name)));
            }
            else
            {
                result = next;
            }
        }

        problems = found;
        return result;
    }

    /// <summary>The file extension of the output, with its dot.</summary>
    public string Extension => "." + Format;

    public string ContentType => Format switch
    {
        "png" => "image/png",
        "tif" => "image/tiff",
        "webp" => "image/webp",
        _ => "image/jpeg",
    };

    /// <summary>
    /// Renders the file <paramref name="source"/> into <paramref name="target"/> (exportJob), after checking from its
    /// header that the rendering stays within <paramref name="limits"/>.
    /// </summary>
    /// <exception cref="VipsException">The source can't be decoded, or the crop misses the image.</exception>
    /// <exception cref="RenderTooLargeException">The rendering would be larger than the limits; nothing was rendered.</exception>
    public void Render(string source, string target, RenderLimits limits)
    {
        using var loaded = Image.NewFromFile(source);
        var plan = PlanFor(loaded.Width, loaded.Height);
        if (Oversize(plan, limits) is { } oversize)
        {
            throw new RenderTooLargeException(oversize, limits);
        }

        using var owned = new Owned();
        var image = Transform(loaded, 1.0, plan, owned);
        switch (Format)
        {
            case "png":
                image.Pngsave(target);
                break;
            case "tif":
                image.Tiffsave(target, compression: Enums.ForeignTiffCompression.Deflate);
                break;
            case "webp":
                image.Webpsave(target, q: Quality);
                break;
            default:
                image.Jpegsave(target, q: Quality, optimizeCoding: true);
                break;
        }
    }

    /// <summary>The size of the reply for a source of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public RenderSize SizeFor(int width, int height) => PlanFor(width, height).Reply;

    /// <summary>
    /// For a source of <paramref name="width"/> x <paramref name="height"/> pixels, the size that is over
    /// <paramref name="limits"/>: the reply's, or that of the scaled image a <c>fit=crop</c> reply is cut from; null
    /// when both are within them.
    /// </summary>
    public RenderSize? OversizeFor(int width, int height, RenderLimits limits) => Oversize(PlanFor(width, height), limits);

    private static RenderSize? Oversize(Plan plan, RenderLimits limits)
    {
        var scaled = new RenderSize(plan.ScaledWidth, plan.ScaledHeight);
        return !limits.Allows(plan.Reply) ? plan.Reply : !limits.Allows(scaled) ? scaled : null;
    }

    /// <summary>
    /// Renders a pyramid TIFF, reading the smallest level that still has the pixels the reply needs (each level
    /// halves the one before), and returns the encoded reply.
    /// </summary>
    /// <exception cref="VipsException">The file can't be decoded.</exception>
    public byte[] RenderPyramid(string path)
    {
        int width, height, levels;
        using (var header = Image.Tiffload(path))
        {
            (width, height) = (header.Width, header.Height);
            levels = header.Contains("n-pages") ? (int)header.Get("n-pages") : 1;
        }

        var plan = PlanFor(width, height);
        var level = LevelFor(plan, levels);
        using var loaded = level == 0 ? Image.Tiffload(path) : Image.Tiffload(path, page: level);
        using var owned = new Owned();
        var image = Transform(loaded, (double)loaded.Width / width, plan, owned);
        return Format switch
        {
            "png" => image.PngsaveBuffer(),
            "tif" => image.TiffsaveBuffer(compression: Enums.ForeignTiffCompression.Deflate),
            "webp" => image.WebpsaveBuffer(q: Quality),
            _ => image.JpegsaveBuffer(q: Quality, optimizeCoding: true),
        };
    }

    /// <summary>
    /// The pyramid level (0 the full image, each next one half the size) a reply from a <paramref name="width"/> x
    /// <paramref name="height"/> image is rendered from: the smallest that still has every pixel the reply needs.
    /// </summary>
    internal int LevelFor(int width, int height, int levels) => LevelFor(PlanFor(width, height), levels);

    private static int LevelFor(Plan plan, int levels)
    {
        var needed = Math.Max(plan.ScaleX, plan.ScaleY);
        var level = 0;
        while (level + 1 < levels && needed <= 1.0 / (1 << (level + 1)))
        {
            level++;
        }

        return level;
    }

    /// <summary>What to do to a full-size source: scale factors for its (cropped, rotated) pixels and the reply size.</summary>
    private sealed record Plan(double ScaleX, double ScaleY, int ScaledWidth, int ScaledHeight, RenderSize Reply);

    private Plan PlanFor(int sourceWidth, int sourceHeight)
    {
        var (width, height) = (sourceWidth, sourceHeight);
        if (Crop is { } crop)
        {
            var left = Math.Clamp(crop.X, 0, width - 1);
            var top = Math.Clamp(crop.Y, 0, height - 1);
            (width, height) = (Math.Min(crop.Width, width - left), Math.Min(crop.Height, height - top));
        }

        (width, height) = RotatedSize(width, height);
        double across = (double)(Width ?? int.MaxValue) / width;
        double down = (double)(Height ?? int.MaxValue) / height;
        var fit = Width is null || Height is null ? FitMode.Constrain : Fit;
        var (scaleX, scaleY) = Scale is { } scl ? (1 / scl, 1 / scl)
            : Width is null && Height is null ? (1.0, 1.0)
            : fit switch
            {
                FitMode.Stretch => (across, down),
                FitMode.Crop => (Math.Max(across, down), Math.Max(across, down)),
                _ => (Math.Min(across, down), Math.Min(across, down)),
            };
        if (!Upscale)
        {
            (scaleX, scaleY) = (Math.Min(scaleX, 1), Math.Min(scaleY, 1));
        }

        var scaledWidth = Math.Max(1, (int)Math.Round(width * scaleX));
        var scaledHeight = Math.Max(1, (int)Math.Round(height * scaleY));
        var reply = Scale is null && Width is { } boxWidth && Height is { } boxHeight && fit is FitMode.Fit or FitMode.Crop
            ? new RenderSize(boxWidth, boxHeight)
            : new RenderSize(scaledWidth, scaledHeight);
        if (fit == FitMode.Crop && Scale is null && Width is not null && Height is not null)
        {
            // Never wider or taller than what there is to crop from.
            reply = new RenderSize(Math.Min(reply.Width, scaledWidth), Math.Min(reply.Height, scaledHeight));
        }

        return new Plan(scaleX, scaleY, scaledWidth, scaledHeight, reply);
    }

    /// <summary>Applies the plan to <paramref name="image"/>, a copy of the source at <paramref name="sourceScale"/> of its full size.</summary>
    private Image Transform(Image image, double sourceScale, Plan plan, Owned owned)
    {
        if (Crop is { } crop)
        {
            // As image serving does, a crop reaching past the edge takes what is there.
            var left = Math.Clamp((int)Math.Round(crop.X * sourceScale), 0, image.Width - 1);
            var top = Math.Clamp((int)Math.Round(crop.Y * sourceScale), 0, image.Height - 1);
            var width = Math.Max(1, Math.Min((int)Math.Round(crop.Width * sourceScale), image.Width - left));
            var height = Math.Max(1, Math.Min((int)Math.Round(crop.Height * sourceScale), image.Height - top));
            image = owned.Add(image.Crop(left, top, width, height));
        }

        if (image.Interpretation is not (Enums.Interpretation.Srgb or Enums.Interpretation.Bw))
        {
            image = owned.Add(image.Colourspace(Enums.Interpretation.Srgb));
        }

        var (red, green, blue) = Background ?? (255, 255, 255);
        double[] background = image.Bands > 2 ? [red, green, blue] : [red];
        image = Rotated(image, background, owned);
        if (image.Width != plan.ScaledWidth || image.Height != plan.ScaledHeight)
        {
            image = owned.Add(image.Resize((double)plan.ScaledWidth / image.Width, vscale: (double)plan.ScaledHeight / image.Height));
            if (image.Width != plan.ScaledWidth || image.Height != plan.ScaledHeight)
            {
                // libvips rounds its own way; the reply is exactly the planned size.
                image = owned.Add(owned.Add(image.Embed(0, 0, plan.ScaledWidth, plan.ScaledHeight, extend: Enums.Extend.Copy))
                    .Crop(0, 0, plan.ScaledWidth, plan.ScaledHeight));
            }
        }

        if (plan.Reply.Width < image.Width || plan.Reply.Height < image.Height)
        {
            var width = Math.Min(plan.Reply.Width, image.Width);
            var height = Math.Min(plan.Reply.Height, image.Height);
            image = owned.Add(image.Crop((image.Width - width) / 2, (image.Height - height) / 2, width, height));
        }

        var opaque = Format is "jpg" || Background is not null;
        if (plan.Reply.Width > image.Width || plan.Reply.Height > image.Height)
        {
            // fit=fit: the rest of the box in the background colour (transparent for an alpha reply without bgc).
            var fill = image.HasAlpha() ? (opaque ? background.Append(255).ToArray() : new double[image.Bands]) : background;
            image = owned.Add(image.Embed((plan.Reply.Width - image.Width) / 2, (plan.Reply.Height - image.Height) / 2,
                plan.Reply.Width, plan.Reply.Height, extend: Enums.Extend.Background, background: fill));
        }

        if (image.HasAlpha() && opaque)
        {
            image = owned.Add(image.Flatten(background: background));
        }

        if (image.Format != Enums.BandFormat.Uchar)
        {
            image = owned.Add(image.Cast(Enums.BandFormat.Uchar));
        }

        return image;
    }

    private Image Rotated(Image image, double[] background, Owned owned)
    {
        var angle = ((Rotate % 360) + 360) % 360;
        return angle switch
        {
            0 => image,
            90 => owned.Add(image.Rot(Enums.Angle.D90)),
            180 => owned.Add(image.Rot(Enums.Angle.D180)),
            270 => owned.Add(image.Rot(Enums.Angle.D270)),
            _ => owned.Add(image.Rotate(angle, background: image.HasAlpha() ? background.Append(0).ToArray() : background)),
        };
    }

    /// <summary>The bounding box of a width x height image turned by <see cref="Rotate"/> degrees.</summary>
    private (int Width, int Height) RotatedSize(int width, int height)
    {
        var angle = ((Rotate % 360) + 360) % 360;
        if (angle is 0 or 180)
        {
            return (width, height);
        }

        if (angle is 90 or 270)
        {
            return (height, width);
        }

        var radians = angle * Math.PI / 180;
        var (cos, sin) = (Math.Abs(Math.Cos(radians)), Math.Abs(Math.Sin(radians)));
        return ((int)Math.Ceiling((width * cos) + (height * sin)), (int)Math.Ceiling((width * sin) + (height * cos)));
    }

    private static int? Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65_535 ? number : null;

    private static double? Number(string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number) ? number : null;

    private static (FitMode, bool)? FitOf(string value)
    {
        var parts = value.Split(',');
        FitMode? mode = parts[0].ToLowerInvariant() switch
        {
            "constrain" => FitMode.Constrain,
            "fit" => FitMode.Fit,
            "crop" => FitMode.Crop,
            "stretch" => FitMode.Stretch,
            _ => null,
        };
        return (mode, parts.Length > 1 ? parts[1] : null) switch
        {
            (null, _) => null,
            ({ } fit, null or "1") => (fit, true),
            ({ } fit, "0") => (fit, false),
            _ => null,
        };
    }

    private static string? FormatOf(string value) => value.Split(',')[0].ToLowerInvariant() switch
    {
        "jpg" or "jpeg" => "jpg",
        "png" or "png-alpha" => "png",
        "tif" or "tiff" => "tif",
        "webp" or "webp-alpha" => "webp",
        _ => null,
    };

    private static (double, double, double)? ColorOf(string value)
    {
        var hex = value.TrimStart('#');
        if (hex.Length == 3)
        {
            hex = string.Concat(hex.Select(c => $"{c}{c}"));
        }

        return hex.Length == 6 && int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb)
            ? ((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff)
            : null;
    }

    private static (int, int, int, int)? CropOf(string value)
    {
        var parts = value.Split(',');
        if (parts.Length != 4)
        {
            return null;
        }

        var numbers = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
        return numbers.All(n => n >= 0) && numbers[2] > 0 && numbers[3] > 0 ? (numbers[0], numbers[1], numbers[2], numbers[3]) : null;
    }

    /// <summary>The intermediate images of one render, disposed together when it is done.</summary>
    private sealed class Owned : IDisposable
    {
        private readonly List<Image> _images = [];

        public Image Add(Image image)
        {
            _images.Add(image);
            return image;
        }

        public void Dispose()
        {
            foreach (var image in _images)
            {
                image.Dispose();
            }
        }
    }
}
