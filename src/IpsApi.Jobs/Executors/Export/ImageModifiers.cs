using System.Globalization;
using NetVips;

namespace IpsApi.Jobs.Executors.Export;

/// <summary>How <c>wid</c> and <c>hei</c> are met (<c>fit</c>).</summary>
public enum FitMode
{
    /// <summary><c>fit=constrain</c> (or <c>fit</c>, the default): within the box, proportions kept.</summary>
    Constrain,

    /// <summary><c>fit=crop</c>: the box filled, proportions kept, the overflow cut off evenly.</summary>
    Crop,

    /// <summary><c>fit=stretch</c>: exactly the box, proportions given up.</summary>
    Stretch,
}

/// <summary>A modifier that could not be used: its name, and whether the name or only its value was wrong.</summary>
public sealed record ModifierProblem(string Modifier, bool UnknownName);

/// <summary>
/// The image-serving modifiers exportJob supports (<c>wid</c>, <c>hei</c>, <c>fit</c>, <c>fmt</c>, <c>qlt</c>,
/// <c>bgc</c>, <c>crop</c>), parsed from a query-like string ("wid=200&amp;fmt=png") and applied with libvips in
/// image-serving order: crop the source, scale, flatten on the background, encode.
/// </summary>
public sealed record ImageModifiers(
    int? Width = null,
    int? Height = null,
    FitMode Fit = FitMode.Constrain,
    string Format = "jpg",
    int Quality = 85,
    (double Red, double Green, double Blue)? Background = null,
    (int X, int Y, int Width, int Height)? Crop = null)
{
    /// <summary>The modifier names understood, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["wid", "hei", "fit", "fmt", "qlt", "bgc", "crop"];

    /// <summary>Parses <paramref name="text"/>; every modifier that is unknown or has a bad value is a problem.</summary>
    public static ImageModifiers Parse(string? text, out IReadOnlyList<ModifierProblem> problems)
    {
        var found = new List<ModifierProblem>();
        var result = new ImageModifiers();
        foreach (var pair in (text ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            ImageModifiers? next = name switch
            {
                "wid" => Positive(value) is { } width ? result with { Width = width } : null,
                "hei" => Positive(value) is { } height ? result with { Height = height } : null,
                "fit" => FitOf(value.Split(',')[0]) is { } fit ? result with { Fit = fit } : null,
                "fmt" => FormatOf(value) is { } format ? result with { Format = format } : null,
                // qlt=quality[,chroma]: the chroma flag has no libvips counterpart worth a modifier of its own.
                "qlt" => Positive(value.Split(',')[0]) is { } quality && quality <= 100 ? result with { Quality = quality } : null,
                "bgc" => ColorOf(value) is { } color ? result with { Background = color } : null,
                "crop" => CropOf(value) is { } crop ? result with { Crop = crop } : null,
                _ => null,
            };
            if (next is null)
            {
                found.Add(new ModifierProblem(pair, !Names.Contains(name)));
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

    /// <summary>Renders <paramref name="source"/> into <paramref name="target"/>.</summary>
    /// <exception cref="VipsException">The source can't be decoded, or the crop misses the image.</exception>
    public void Render(string source, string target)
    {
        using var loaded = Image.NewFromFile(source);
        var image = loaded;
        var owned = new List<Image>();
        Image Own(Image next)
        {
            owned.Add(next);
            return next;
        }

        try
        {
            if (Crop is { } crop)
            {
                // As image serving does, a crop reaching past the edge takes what is there.
                var left = Math.Clamp(crop.X, 0, image.Width - 1);
                var top = Math.Clamp(crop.Y, 0, image.Height - 1);
                image = Own(image.Crop(left, top, Math.Min(crop.Width, image.Width - left), Math.Min(crop.Height, image.Height - top)));
            }

            if (image.Interpretation is not (Enums.Interpretation.Srgb or Enums.Interpretation.Bw))
            {
                image = Own(image.Colourspace(Enums.Interpretation.Srgb));
            }

            image = Scale(image, Own);
            var opaque = Format is "jpg" || Background is not null;
            if (image.HasAlpha() && opaque)
            {
                var (red, green, blue) = Background ?? (255, 255, 255);
                image = Own(image.Flatten(background: image.Bands > 2 ? [red, green, blue] : [red]));
            }

            if (image.Format != Enums.BandFormat.Uchar)
            {
                image = Own(image.Cast(Enums.BandFormat.Uchar));
            }

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
        finally
        {
            foreach (var made in owned)
            {
                made.Dispose();
            }
        }
    }

    private Image Scale(Image image, Func<Image, Image> own)
    {
        if (Width is null && Height is null)
        {
            return image;
        }

        double across = (double)(Width ?? int.MaxValue) / image.Width;
        double down = (double)(Height ?? int.MaxValue) / image.Height;
        // A box with one side given is a constraint on that side only, whatever the fit.
        var fit = Width is null || Height is null ? FitMode.Constrain : Fit;
        switch (fit)
        {
            case FitMode.Stretch:
                return own(image.Resize(across, vscale: down));
            case FitMode.Crop:
            {
                var scale = Math.Max(across, down);
                var scaled = own(image.Resize(scale));
                var width = Math.Min(Width!.Value, scaled.Width);
                var height = Math.Min(Height!.Value, scaled.Height);
                return own(scaled.Crop((scaled.Width - width) / 2, (scaled.Height - height) / 2, width, height));
            }

            default:
                return own(image.Resize(Math.Min(across, down)));
        }
    }

    private static int? Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65_535 ? number : null;

    private static FitMode? FitOf(string value) => value.ToLowerInvariant() switch
    {
        "fit" or "constrain" => FitMode.Constrain,
        "crop" => FitMode.Crop,
        "stretch" => FitMode.Stretch,
        _ => null,
    };

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
}
