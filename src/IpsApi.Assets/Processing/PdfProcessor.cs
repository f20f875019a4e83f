using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NetVips;

namespace IpsApi.Assets.Processing;

/// <summary>What <c>pdfinfo</c> says about a PDF.</summary>
/// <param name="Title">The document title, or null when it has none.</param>
public sealed record PdfInfo(int PageCount, string? Title);

/// <summary>
/// PDF inspection, page rendering and text extraction with poppler's command-line tools (Debian's
/// poppler-utils): <c>pdfinfo</c>, <c>pdftoppm</c>, <c>pdftotext</c>.
/// </summary>
public sealed partial class PdfProcessor(IOptions<ProcessingOptions> options)
{
    public const string ThumbnailFileName = "thumbnail.png";

    private readonly ProcessingOptions _options = options.Value;

    private TimeSpan Timeout => TimeSpan.FromSeconds(_options.ToolTimeoutSeconds);

    /// <summary>Page count and title.</summary>
    /// <exception cref="MediaRejectedException">Not a readable PDF, password-protected, or without pages.</exception>
    public async Task<PdfInfo> InspectAsync(string path, CancellationToken ct)
    {
        var output = await PdfinfoAsync(path, null, ct).ConfigureAwait(false);
        int? pages = null;
        string? title = null;
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("Pages:", StringComparison.Ordinal)
                && int.TryParse(line.AsSpan(6).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                pages = count;
            }
            else if (line.StartsWith("Title:", StringComparison.Ordinal))
            {
                var value = line[6..].Trim();
                title = value.Length == 0 ? null : value;
            }
        }

        if (pages is null or 0)
        {
            throw new MediaRejectedException("The PDF has no pages", output);
        }

        return new PdfInfo(pages.Value, title);
    }

    /// <summary>
    /// Renders pages 1..min(page count, <paramref name="maxPages"/>) as PNG files <c>page-1.png</c>,
    /// <c>page-2.png</c>, ... in <paramref name="outputFolder"/>, returned in page order. Each page is rendered by its
    /// own <c>pdftoppm</c> run, so the timeout applies per page and cancellation stops between pages.
    /// </summary>
    /// <param name="resolution">Dots per inch; a page of W x H points becomes W/72 x resolution pixels wide.</param>
    /// <param name="colorspace"><c>Auto</c> or <c>Rgb</c>: RGB pages. <c>Gray</c>: one-band greyscale pages.
    /// <c>Cmyk</c>: PNG can't hold CMYK, so the pages are RGB; the caller should warn the client.</param>
    /// <exception cref="MediaRejectedException">Not a readable PDF, or a page over
    /// <see cref="ProcessingOptions.MaxPixels"/> at this resolution.</exception>
    public async Task<IReadOnlyList<string>> RasterizeAsync(
        string path, double resolution, string colorspace, string outputFolder, int? maxPages, CancellationToken ct)
    {
        if (!(resolution > 0 && resolution <= 10_000))
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "The resolution must be above 0 and at most 10000 dpi.");
        }

        if (maxPages is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPages), maxPages, "At least one page must be asked for.");
        }

        var gray = ParseColorspace(colorspace);
        var info = await InspectAsync(path, ct).ConfigureAwait(false);
        var last = Math.Min(info.PageCount, maxPages ?? int.MaxValue);
        await CheckPageSizesAsync(path, last, resolution, ct).ConfigureAwait(false);

        var folder = OutputFiles.PrepareFolder(outputFolder);
        var pages = new List<string>(last);
        for (var page = 1; page <= last; page++)
        {
            ct.ThrowIfCancellationRequested();
            string[] arguments =
            [
                "-png", "-r", resolution.ToString("0.###", CultureInfo.InvariantCulture),
                "-f", page.ToString(CultureInfo.InvariantCulture), "-l", page.ToString(CultureInfo.InvariantCulture),
            ];
            var finalPath = Path.Combine(folder, $"page-{page.ToString(CultureInfo.InvariantCulture)}.png");
            await RenderSingleAsync(path, arguments, gray, finalPath, $"page {page}", ct).ConfigureAwait(false);
            pages.Add(finalPath);
        }

        return pages;
    }

    /// <summary>
    /// The text of the PDF in reading order (pages separated by form feeds), at most
    /// <see cref="ProcessingOptions.PdfMaxTextChars"/> characters: the rest is not read.
    /// </summary>
    public async Task<string> ExtractTextAsync(string path, CancellationToken ct)
    {
        var result = await ToolRunner.RunAsync(
            _options.PdftotextPath,
            "pdftotext",
            ["-enc", "UTF-8", "-q", OutputFiles.ToolPath(path), "-"],
            Timeout,
            ct,
            maxStdoutChars: _options.PdfMaxTextChars,
            stopWhenStdoutFull: true).ConfigureAwait(false);
        if (result.ExitCode != 0 && !result.StdoutTruncated)
        {
            throw Rejected(result, "The text of the PDF could not be extracted");
        }

        return result.Stdout;
    }

    /// <summary>The first page as a PNG whose longer side is <see cref="ProcessingOptions.PdfThumbnailSize"/>
    /// pixels, written as <see cref="ThumbnailFileName"/> in <paramref name="outputFolder"/>.</summary>
    public async Task<string> ThumbnailAsync(string path, string outputFolder, CancellationToken ct)
    {
        var folder = OutputFiles.PrepareFolder(outputFolder);
        var finalPath = Path.Combine(folder, ThumbnailFileName);
        string[] arguments =
        [
            "-png", "-f", "1", "-l", "1",
            "-scale-to", _options.PdfThumbnailSize.ToString(CultureInfo.InvariantCulture),
        ];
        await RenderSingleAsync(path, arguments, gray: false, finalPath, "the thumbnail", ct).ConfigureAwait(false);
        return finalPath;
    }

    /// <summary>One page to one file: pdftoppm writes <c>&lt;prefix&gt;.png</c> with -singlefile, under a
    /// temporary prefix, which is renamed to <paramref name="finalPath"/> when complete.</summary>
    /// <param name="gray">Make the page a one-band greyscale PNG. pdftoppm's -gray only applies to its PGM
    /// output and its PNGs are always RGB, so libvips converts the rendered page.</param>
    private async Task RenderSingleAsync(
        string path, IReadOnlyList<string> pageArguments, bool gray, string finalPath, string what, CancellationToken ct)
    {
        var temporary = OutputFiles.TemporaryFor(finalPath);
        var converted = OutputFiles.TemporaryFor(finalPath);
        var prefix = temporary[..^".png".Length];
        try
        {
            var result = await ToolRunner.RunAsync(
                _options.PdftoppmPath,
                "pdftoppm",
                [.. pageArguments, "-singlefile", OutputFiles.ToolPath(path), prefix],
                Timeout,
                ct).ConfigureAwait(false);
            if (result.ExitCode != 0 || !File.Exists(temporary))
            {
                throw Rejected(result, $"The PDF could not be rendered ({what})");
            }

            if (gray)
            {
                using var page = Image.NewFromFile(temporary, access: Enums.Access.Sequential, revalidate: true);
                using var grey = page.Colourspace(Enums.Interpretation.Bw);
                grey.Pngsave(converted, keep: Enums.ForeignKeep.None);
                OutputFiles.Publish(converted, finalPath);
            }
            else
            {
                OutputFiles.Publish(temporary, finalPath);
            }
        }
        finally
        {
            OutputFiles.DeleteQuietly(temporary);
            OutputFiles.DeleteQuietly(converted);
        }
    }

    /// <summary>Refuses before rendering when a page would exceed the pixel limit, the PDF version of a
    /// decompression bomb (a page of 200 x 200 inches is legal PDF).</summary>
    private async Task CheckPageSizesAsync(string path, int lastPage, double resolution, CancellationToken ct)
    {
        var output = await PdfinfoAsync(path, lastPage, ct).ConfigureAwait(false);
        foreach (Match match in PageSizeLine().Matches(output))
        {
            var page = int.Parse(match.Groups["page"].Value, CultureInfo.InvariantCulture);
            var width = double.Parse(match.Groups["w"].Value, CultureInfo.InvariantCulture);
            var height = double.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            var pixelsWide = Math.Ceiling(width / 72 * resolution);
            var pixelsHigh = Math.Ceiling(height / 72 * resolution);
            if (pixelsWide * pixelsHigh > _options.MaxPixels)
            {
                throw new MediaRejectedException(
                    $"Page {page} of the PDF would be {pixelsWide}x{pixelsHigh} pixels at {resolution} dpi, "
                    + $"over the limit of {_options.MaxPixels} pixels");
            }
        }
    }

    private async Task<string> PdfinfoAsync(string path, int? lastPage, CancellationToken ct)
    {
        var arguments = new List<string> { "-enc", "UTF-8" };
        if (lastPage is { } last)
        {
            // With a page range pdfinfo lists every page's size.
            arguments.AddRange(["-f", "1", "-l", last.ToString(CultureInfo.InvariantCulture)]);
        }

        arguments.Add(OutputFiles.ToolPath(path));
        var result = await ToolRunner.RunAsync(_options.PdfinfoPath, "pdfinfo", arguments, Timeout, ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw Rejected(result, "The file is not a readable PDF");
        }

        return result.Stdout;
    }

    private static MediaRejectedException Rejected(ToolResult result, string reason)
    {
        // poppler says "Incorrect password" for files that need a user password to open.
        if (result.Stderr.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return new MediaRejectedException("The PDF is password-protected", result.Stderr);
        }

        return new MediaRejectedException(reason, result.Stderr);
    }

    private static bool ParseColorspace(string colorspace) => colorspace.ToUpperInvariant() switch
    {
        "AUTO" or "RGB" or "CMYK" => false,
        "GRAY" => true,
        _ => throw new ArgumentException($"Unknown PDF colour space '{colorspace}'; expected Auto, Rgb, Cmyk or Gray.", nameof(colorspace)),
    };

    [GeneratedRegex(@"^Page\s+(?<page>\d+)\s+size:\s+(?<w>[0-9.]+)\s+x\s+(?<h>[0-9.]+)\s+pts", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PageSizeLine();
}
