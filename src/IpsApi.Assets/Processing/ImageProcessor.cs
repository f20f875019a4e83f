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
        // Disposed in the finally below, before the temporary files it may still map are deleted.
        var work = new ImageWork(warnings, folder, temporaries, limit.Token);
        try
        {
            var (loaded, format) = Open(source, failOnDamage: true);
            work.Own(loaded);
            var original = Describe(loaded, format);

            // Crop offsets and corners refer to the picture as people see it.
            var image = work.Own(loaded.Autorot());
            image = work.Colour(image, edits.Color);
            image = work.ToEightBit(image, edits.Color);
            limit.Token.ThrowIfCancellationRequested();

            if (edits.ManualCrop is { } manual)
            {
                image = work.ManualCrop(image, manual);
            }

            if (edits.AutoColorCrop is { } colourCrop)
            {
                image = work.AutoColourCrop(image, colourCrop.Corner, colourCrop.Tolerance);
            }

            if (edits.AutoTransparentCropTolerance is { } transparentTolerance)
            {
                image = work.AutoTransparentCrop(image, transparentTolerance);
            }

            if (edits.Knockout is { } knockout)
            {
                image = work.Knockout(image, knockout.Corner, knockout.Tolerance, knockout.Method);
            }

            if (edits.Unsharp is { } unsharp)
            {
                image = work.Unsharp(image, unsharp.Amount, unsharp.Radius, unsharp.Threshold, unsharp.Monochrome);
            }

            image = work.Materialise(image);
            image = work.DropOpaqueAlpha(image);
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
                    var alpha = work.Own(work.Alpha(image).Copy(interpretation: Enums.Interpretation.Bw));
                    ImageWork.Watch(alpha, limit.Token);
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
            else
            {
                // A mask left from an earlier run of this asset no longer matches its pyramid.
                OutputFiles.DeleteQuietly(maskPath);
            }

            var processed = new ImageInfo(image.Width, image.Height, "tiff", ImageWork.ColourSpaceName(image), image.HasAlpha());
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
            work.Dispose();
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
            ImageWork.ColourSpaceName(image),
            image.HasAlpha());
    }

    private void WritePyramid(Image image, string path, CancellationToken ct)
    {
        // Classic TIFF offsets are 32-bit; deflate can in theory exceed its input, so leave room.
        var bigTiff = (long)image.Width * image.Height * image.Bands > 3L * 1024 * 1024 * 1024;
        ImageWork.Watch(image, ct);
        if (!image.HasAlpha())
        {
            PyramidTiff.WriteJpeg(image, path, _options.TileSize, _options.JpegQuality, bigTiff, ct);
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
}
