using System.Diagnostics;
using IpsApi.Assets.Processing;
using NetVips;

namespace IpsApi.IntegrationTests.Processing;

public sealed class ImageProcessorTests : IDisposable
{
    private static readonly double[] Red = [220, 20, 30];
    private static readonly double[] Green = [20, 200, 40];
    private static readonly double[] Blue = [10, 30, 200];
    private static readonly double[] White = [255, 255, 255];

    private readonly ScratchFolder _scratch = new();
    private readonly ImageProcessor _processor = new(TestOptions.Create());

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("photo.jpg", "jpeg", false)]
    [InlineData("photo.png", "png", true)]
    [InlineData("photo.tif", "tiff", true)]
    [InlineData("photo.webp", "webp", true)]
    [InlineData("photo.gif", "gif", true)]
    [InlineData("photo.avif", "heif", false)]
    public void Inspect_reads_size_format_and_colour_space_of_each_upload_format(string name, string format, bool alpha)
    {
        var path = _scratch.File(name);
        var image = Solid(320, 200, Red);
        // A half-transparent alpha, so no encoder can drop it as redundant.
        (alpha ? image.Bandjoin(128) : image).WriteToFile(path);

        var info = _processor.Inspect(path);

        Assert.Equal(320, info.Width);
        Assert.Equal(200, info.Height);
        Assert.Equal(format, info.Format);
        Assert.Equal("sRGB", info.ColorSpace);
        Assert.Equal(alpha, info.HasAlpha);
    }

    [Fact]
    public void Inspect_reports_the_displayed_size_of_a_turned_photo()
    {
        var path = _scratch.File("portrait.jpg");
        Solid(300, 200, Red).Mutate(m => m.Set(GValue.GIntType, "orientation", 6)).Jpegsave(path);

        var info = _processor.Inspect(path);

        Assert.Equal((200, 300), (info.Width, info.Height));
    }

    [Fact]
    public void Inspect_refuses_a_decompression_bomb_from_its_header_without_decoding_it()
    {
        var path = _scratch.File("bomb.png");
        PngWriter.WriteHeaderOnly(path, 50_000, 50_000);
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<MediaRejectedException>(() => _processor.Inspect(path));

        Assert.Contains("50000x50000", e.Message);
        Assert.Contains("over the limit", e.Message);
        // Decoding 2.5 gigapixels would take minutes and 7.5 GB; reading the header takes milliseconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ProcessAsync_refuses_a_decompression_bomb_too()
    {
        var path = _scratch.File("bomb.png");
        PngWriter.WriteHeaderOnly(path, 50_000, 50_000);

        await Assert.ThrowsAsync<MediaRejectedException>(
            () => _processor.ProcessAsync(path, ImageEdits.None, _scratch.Folder("out"), CancellationToken.None));

        Assert.Empty(Directory.GetFiles(_scratch.File("out")));
    }

    [Fact]
    public void Inspect_refuses_a_file_that_is_no_image_with_a_reason_that_names_no_server_path()
    {
        var path = _scratch.File("holiday.jpg");
        File.WriteAllText(path, "this is not a picture, just text with a .jpg name");

        var e = Assert.Throws<MediaRejectedException>(() => _processor.Inspect(path));

        Assert.DoesNotContain(_scratch.Path, e.Message);
        Assert.Contains("not a", e.Message);
    }

    [Theory]
    [InlineData("drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>")]
    [InlineData("numbers.csv", "1,2,3\n4,5,6\n")]
    [InlineData("matrix.mat", "2 2\n1 2\n3 4\n")]
    public void Inspect_refuses_formats_libvips_reads_but_uploads_do_not_accept(string name, string content)
    {
        var path = _scratch.File(name);
        File.WriteAllText(path, content);

        var e = Assert.Throws<MediaRejectedException>(() => _processor.Inspect(path));

        Assert.Contains("JPEG, PNG, TIFF, WebP, GIF or HEIF", e.Message);
    }

    [Fact]
    public void Inspect_refuses_a_png_with_a_damaged_header()
    {
        var path = _scratch.File("damaged.png");
        Solid(100, 100, Red).Pngsave(path);
        var bytes = File.ReadAllBytes(path);
        bytes[20] ^= 0xFF; // inside IHDR: the chunk's checksum no longer matches
        File.WriteAllBytes(path, bytes);

        Assert.Throws<MediaRejectedException>(() => _processor.Inspect(path));
    }

    [Fact]
    public async Task ProcessAsync_refuses_a_truncated_jpeg_and_leaves_no_file()
    {
        var path = _scratch.File("truncated.jpg");
        Noise(800, 600).Jpegsave(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var output = _scratch.Folder("out");

        var e = await Assert.ThrowsAsync<MediaRejectedException>(
            () => _processor.ProcessAsync(path, ImageEdits.None, output, CancellationToken.None));

        Assert.Contains("damaged or truncated", e.Message);
        Assert.Empty(Directory.GetFiles(output));
    }

    [Fact]
    public async Task The_optimized_image_is_a_tiled_jpeg_pyramid_down_to_one_tile()
    {
        var path = _scratch.File("large.jpg");
        Noise(1000, 700).Jpegsave(path, q: 90);
        var output = _scratch.Folder("out");

        var outcome = await _processor.ProcessAsync(path, ImageEdits.None, output, CancellationToken.None);

        Assert.Equal(Path.Combine(output, "optimized.tif"), outcome.PyramidTiffPath);
        var levels = TiffLayout.Read(outcome.PyramidTiffPath);
        Assert.Equal([(1000, 700), (500, 350), (250, 175)], levels.Select(l => (l.Width, l.Height)));
        Assert.All(levels, l => Assert.Equal((256, 256), (l.TileWidth, l.TileHeight)));
        Assert.All(levels, l => Assert.Equal(TiffLayout.JpegCompression, l.Compression));
        using var reread = Image.NewFromFile(outcome.PyramidTiffPath);
        Assert.Equal(3, (int)reread.Get("n-pages"));
        Assert.Equal(new ImageInfo(1000, 700, "tiff", "sRGB", false), outcome.Processed);
        Assert.Equal(new ImageInfo(1000, 700, "jpeg", "sRGB", false), outcome.Original);
        Assert.Null(outcome.MaskPath);
        Assert.Empty(outcome.Warnings);
        // Nothing half-written stays behind.
        Assert.Equal(["optimized.tif"], Directory.GetFiles(output).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Edges_of_every_level_keep_their_colour_when_the_size_is_not_a_multiple_of_the_tile()
    {
        // JPEG tiles padded with black used to darken the last pixels on the right and at the bottom.
        var path = _scratch.File("white.png");
        Solid(513, 301, White).Pngsave(path);

        var outcome = await _processor.ProcessAsync(path, ImageEdits.None, _scratch.Folder("out"), CancellationToken.None);

        var levels = TiffLayout.Read(outcome.PyramidTiffPath);
        Assert.Equal([(513, 301), (256, 150)], levels.Select(l => (l.Width, l.Height)));
        Assert.Equal([3 * 2, 1 * 1], levels.Select(l => l.TileCount));
        Assert.All(levels, l => Assert.Equal(TiffLayout.JpegCompression, l.Compression));
        for (var page = 0; page < levels.Count; page++)
        {
            using var level = Image.Tiffload(outcome.PyramidTiffPath, page: page, revalidate: true);
            Assert.Equal((levels[page].Width, levels[page].Height), (level.Width, level.Height));
            foreach (var (x, y) in new[] { (level.Width - 1, level.Height - 1), (level.Width - 1, 0), (0, level.Height - 1) })
            {
                AssertColour(White, level.Getpoint(x, y), tolerance: 3);
            }
        }
    }

    [Fact]
    public async Task Every_level_shows_the_same_picture_at_half_the_size()
    {
        // Red rises to the right, green downwards: each pixel says where it is.
        var path = _scratch.File("gradient.png");
        var red = (Image.Xyz(1001, 701).ExtractBand(0) * 255.0 / 1000).Cast(Enums.BandFormat.Uchar);
        var green = (Image.Xyz(1001, 701).ExtractBand(1) * 255.0 / 700).Cast(Enums.BandFormat.Uchar);
        red.Bandjoin(green, red * 0 + 128).Copy(interpretation: Enums.Interpretation.Srgb).Pngsave(path);

        var outcome = await _processor.ProcessAsync(path, ImageEdits.None, _scratch.Folder("out"), CancellationToken.None);

        using var full = Image.Tiffload(outcome.PyramidTiffPath, page: 0, revalidate: true);
        using var half = Image.Tiffload(outcome.PyramidTiffPath, page: 1, revalidate: true);
        using var quarter = Image.Tiffload(outcome.PyramidTiffPath, page: 2, revalidate: true);
        Assert.Equal((500, 350), (half.Width, half.Height));
        Assert.Equal((250, 175), (quarter.Width, quarter.Height));
        AssertColour([700 * 255.0 / 1000, 500 * 255.0 / 700, 128], full.Getpoint(700, 500), tolerance: 4);
        AssertColour([700 * 255.0 / 1000, 500 * 255.0 / 700, 128], half.Getpoint(350, 250), tolerance: 4);
        AssertColour([700 * 255.0 / 1000, 500 * 255.0 / 700, 128], quarter.Getpoint(175, 125), tolerance: 4);
        AssertColour([1000 * 255.0 / 1000, 700 * 255.0 / 700, 128], full.Getpoint(1000, 700), tolerance: 6);
        AssertColour([998 * 255.0 / 1000, 698 * 255.0 / 700, 128], half.Getpoint(499, 349), tolerance: 6);
    }

    [Fact]
    public async Task The_tile_size_and_jpeg_quality_come_from_the_options()
    {
        var path = _scratch.File("large.png");
        Noise(1200, 600).Pngsave(path);
        var small = new ImageProcessor(TestOptions.Create(o => { o.TileSize = 512; o.JpegQuality = 30; }));
        var large = new ImageProcessor(TestOptions.Create(o => { o.TileSize = 512; o.JpegQuality = 95; }));

        var low = await small.ProcessAsync(path, ImageEdits.None, _scratch.Folder("low"), CancellationToken.None);
        var high = await large.ProcessAsync(path, ImageEdits.None, _scratch.Folder("high"), CancellationToken.None);

        var levels = TiffLayout.Read(low.PyramidTiffPath);
        Assert.Equal([(1200, 600), (600, 300), (300, 150)], levels.Select(l => (l.Width, l.Height)));
        Assert.All(levels, l => Assert.Equal(512, l.TileWidth));
        Assert.True(new FileInfo(low.PyramidTiffPath).Length < new FileInfo(high.PyramidTiffPath).Length);
    }

    [Fact]
    public async Task Manual_crop_cuts_the_given_pixels_from_each_side()
    {
        // A 10-pixel red stripe on the left and a 30-pixel green one at the top, on blue.
        var path = _scratch.File("stripes.png");
        Solid(400, 300, Blue)
            .Mutate(m =>
            {
                m.DrawRect(Red, 0, 0, 10, 300, fill: true);
                m.DrawRect(Green, 0, 0, 400, 30, fill: true);
            })
            .Pngsave(path);
        var edits = new ImageEdits(ManualCrop: (Left: 10, Right: 20, Top: 30, Bottom: 40));

        var outcome = await _processor.ProcessAsync(path, edits, _scratch.Folder("out"), CancellationToken.None);

        Assert.Equal((370, 230), (outcome.Processed.Width, outcome.Processed.Height));
        AssertColour(Blue, Pixel(outcome.PyramidTiffPath, 0, 0), tolerance: 12);
        AssertColour(Blue, Pixel(outcome.PyramidTiffPath, 369, 229), tolerance: 12);
    }

    [Fact]
    public async Task Manual_crop_larger_than_the_image_is_refused()
    {
        var path = _scratch.File("small.png");
        Solid(100, 100, Blue).Pngsave(path);
        var edits = new ImageEdits(ManualCrop: (60, 40, 0, 0));

        var e = await Assert.ThrowsAsync<MediaRejectedException>(
            () => _processor.ProcessAsync(path, edits, _scratch.Folder("out"), CancellationToken.None));

        Assert.Contains("manualCrop", e.Message);
    }

    [Theory]
    [InlineData(Corner.UpperLeft)]
    [InlineData(Corner.BottomRight)]
    public async Task Auto_colour_crop_trims_the_border_of_the_corner_colour(Corner corner)
    {
        // A red 250x170 picture inside a green border of 25 pixels left/right and 15 top/bottom.
        var path = _scratch.File("bordered.png");
        Solid(300, 200, Green).Mutate(m => m.DrawRect(Red, 25, 15, 250, 170, fill: true)).Pngsave(path);
        var edits = new ImageEdits(AutoColorCrop: (corner, 0.1));

        var outcome = await _processor.ProcessAsync(path, edits, _scratch.Folder("out"), CancellationToken.None);

        Assert.Equal((250, 170), (outcome.Processed.Width, outcome.Processed.Height));
        AssertColour(Red, Pixel(outcome.PyramidTiffPath, 0, 0), tolerance: 12);
        AssertColour(Red, Pixel(outcome.PyramidTiffPath, 249, 169), tolerance: 12);
    }

    [Fact]
    public async Task Auto_colour_crop_tolerance_absorbs_jpeg_noise_in_the_border()
    {
        var path = _scratch.File("bordered.jpg");
        Solid(300, 200, White).Mutate(m => m.DrawRect(Blue, 40, 30, 200, 120, fill: true)).Jpegsave(path, q: 80);

        var outcome = await _processor.ProcessAsync(
            path, new ImageEdits(AutoColorCrop: (Corner.UpperLeft, 0.25)), _scratch.Folder("out"), CancellationToken.None);

        // JPEG blurs the edge by a pixel or two; the crop must land on it, not on the image's edge.
        Assert.InRange(outcome.Processed.Width, 198, 204);
        Assert.InRange(outcome.Processed.Height, 118, 124);
    }

    [Fact]
    public async Task Auto_colour_crop_of_a_plain_image_keeps_it_and_warns()
    {
        var path = _scratch.File("plain.png");
        Solid(120, 80, White).Pngsave(path);

        var outcome = await _processor.ProcessAsync(
            path, new ImageEdits(AutoColorCrop: (Corner.UpperLeft, 0)), _scratch.Folder("out"), CancellationToken.None);

        Assert.Equal((120, 80), (outcome.Processed.Width, outcome.Processed.Height));
        Assert.Contains(outcome.Warnings, w => w.StartsWith("autoColorCrop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Auto_transparent_crop_trims_the_transparent_border_within_the_tolerance()
    {
        // A nearly opaque (alpha 250) 100x50 rectangle at (30, 40) on a canvas that is transparent, except for a faint
        // (alpha 10) haze on the left, which a tolerance of 0.1 (alpha <= 25) counts as transparent.
        var path = _scratch.File("cutout.png");
        Solid(200, 150, Red).Bandjoin(0)
            .Mutate(m =>
            {
                m.DrawRect([220, 20, 30, 10], 0, 0, 20, 150, fill: true);
                m.DrawRect([220, 20, 30, 250], 30, 40, 100, 50, fill: true);
            })
            .Pngsave(path);

        var outcome = await _processor.ProcessAsync(
            path, new ImageEdits(AutoTransparentCropTolerance: 0.1), _scratch.Folder("out"), CancellationToken.None);

        Assert.Equal((100, 50), (outcome.Processed.Width, outcome.Processed.Height));
        Assert.Equal(250, Pixel(outcome.PyramidTiffPath, 0, 0)[3]);
    }

    [Fact]
    public async Task Auto_transparent_crop_of_an_opaque_image_warns()
    {
        var path = _scratch.File("opaque.jpg");
        Solid(100, 100, Red).Jpegsave(path);

        var outcome = await _processor.ProcessAsync(
            path, new ImageEdits(AutoTransparentCropTolerance: 0), _scratch.Folder("out"), CancellationToken.None);

        Assert.Equal((100, 100), (outcome.Processed.Width, outcome.Processed.Height));
        Assert.Contains(outcome.Warnings, w => w.StartsWith("autoTransparentCrop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Knockout_flood_fill_clears_the_background_around_the_object_but_not_a_hole_inside_it()
    {
        var path = ProductShot("product.png");
        var edits = new ImageEdits(Knockout: (Corner.UpperLeft, 0.05, FillMethod.FloodFill), CreateMask: true);
        var output = _scratch.Folder("out");

        var outcome = await _processor.ProcessAsync(path, edits, output, CancellationToken.None);

        Assert.True(outcome.Processed.HasAlpha);
        Assert.Equal(0, Pixel(outcome.PyramidTiffPath, 0, 0)[3]);       // the corner
        Assert.Equal(0, Pixel(outcome.PyramidTiffPath, 199, 199)[3]);   // the far corner, connected around the object
        Assert.Equal(255, Pixel(outcome.PyramidTiffPath, 60, 60)[3]);   // the object
        Assert.Equal(255, Pixel(outcome.PyramidTiffPath, 100, 100)[3]); // the white hole, not connected to the corner
        AssertColour(Blue, Pixel(outcome.PyramidTiffPath, 60, 60), tolerance: 0);
        // Alpha needs lossless tiles.
        Assert.All(TiffLayout.Read(outcome.PyramidTiffPath), l => Assert.Equal(TiffLayout.DeflateCompression, l.Compression));

        Assert.Equal(Path.Combine(output, "mask.png"), outcome.MaskPath);
        using var mask = Image.NewFromFile(outcome.MaskPath!);
        Assert.Equal((200, 200, 1), (mask.Width, mask.Height, mask.Bands));
        Assert.Equal(0, mask.Getpoint(0, 0)[0]);
        Assert.Equal(255, mask.Getpoint(60, 60)[0]);
        Assert.Equal(255, mask.Getpoint(100, 100)[0]);
    }

    [Fact]
    public async Task Knockout_match_pixel_also_clears_background_coloured_holes()
    {
        var path = ProductShot("product.png");
        var edits = new ImageEdits(Knockout: (Corner.BottomRight, 0.05, FillMethod.MatchPixel));

        var outcome = await _processor.ProcessAsync(path, edits, _scratch.Folder("out"), CancellationToken.None);

        Assert.Equal(0, Pixel(outcome.PyramidTiffPath, 0, 0)[3]);
        Assert.Equal(255, Pixel(outcome.PyramidTiffPath, 60, 60)[3]);
        Assert.Equal(0, Pixel(outcome.PyramidTiffPath, 100, 100)[3]);
    }

    [Fact]
    public async Task Knockout_tolerance_decides_which_near_background_pixels_go()
    {
        // Off-white (245) background patch: gone with tolerance 0.05 (12.75), kept with 0.01 (2.55).
        var path = _scratch.File("offwhite.png");
        Solid(100, 100, White).Mutate(m => m.DrawRect([245, 245, 245], 0, 50, 100, 50, fill: true)).Pngsave(path);

        var loose = await _processor.ProcessAsync(
            path, new ImageEdits(Knockout: (Corner.UpperLeft, 0.05, FillMethod.FloodFill)), _scratch.Folder("loose"), CancellationToken.None);
        var strict = await _processor.ProcessAsync(
            path, new ImageEdits(Knockout: (Corner.UpperLeft, 0.01, FillMethod.FloodFill)), _scratch.Folder("strict"), CancellationToken.None);

        Assert.Equal(0, Pixel(loose.PyramidTiffPath, 50, 80)[3]);
        Assert.Equal(255, Pixel(strict.PyramidTiffPath, 50, 80)[3]);
        Assert.Equal(0, Pixel(strict.PyramidTiffPath, 50, 20)[3]);
    }

    [Fact]
    public async Task Create_mask_writes_the_alpha_of_a_transparent_upload()
    {
        var path = _scratch.File("logo.png");
        Solid(64, 48, Red).Bandjoin(0).Mutate(m => m.DrawRect([220, 20, 30, 200], 8, 8, 16, 16, fill: true)).Pngsave(path);

        var outcome = await _processor.ProcessAsync(path, new ImageEdits(CreateMask: true), _scratch.Folder("out"), CancellationToken.None);

        using var mask = Image.NewFromFile(outcome.MaskPath!);
        Assert.Equal((64, 48), (mask.Width, mask.Height));
        Assert.Equal(0, mask.Getpoint(0, 0)[0]);
        Assert.Equal(200, mask.Getpoint(10, 10)[0]);
    }

    [Fact]
    public async Task Create_mask_of_an_opaque_image_warns_and_writes_no_mask()
    {
        var path = _scratch.File("opaque.png");
        Solid(64, 48, Red).Bandjoin(255).Pngsave(path); // RGBA, but every pixel opaque
        var output = _scratch.Folder("out");

        var outcome = await _processor.ProcessAsync(path, new ImageEdits(CreateMask: true), output, CancellationToken.None);

        Assert.Null(outcome.MaskPath);
        Assert.Contains(outcome.Warnings, w => w.StartsWith("createMask", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(output, "mask.png")));
        // The useless alpha band is dropped, so the pyramid gets compact JPEG tiles.
        Assert.False(outcome.Processed.HasAlpha);
        Assert.Equal(TiffLayout.JpegCompression, TiffLayout.Read(outcome.PyramidTiffPath)[0].Compression);
    }

    [Fact]
    public async Task Unsharp_mask_steepens_an_edge_and_its_threshold_spares_small_differences()
    {
        // Grey 100 | grey 150, edge at x = 100; a PNG source and lossless output (alpha) keep the numbers exact.
        var path = _scratch.File("edge.png");
        Solid(200, 50, [100]).Mutate(m => m.DrawRect([150], 100, 0, 100, 50, fill: true))
            .Copy(interpretation: Enums.Interpretation.Bw).Bandjoin(254).Pngsave(path);

        var sharp = await _processor.ProcessAsync(
            path, new ImageEdits(Unsharp: (Amount: 1.0, Radius: 2.0, Threshold: 0, Monochrome: false)), _scratch.Folder("sharp"), CancellationToken.None);
        var spared = await _processor.ProcessAsync(
            path, new ImageEdits(Unsharp: (Amount: 1.0, Radius: 2.0, Threshold: 60, Monochrome: false)), _scratch.Folder("spared"), CancellationToken.None);

        Assert.True(Pixel(sharp.PyramidTiffPath, 99, 25)[0] < 95, "undershoot on the dark side");
        Assert.True(Pixel(sharp.PyramidTiffPath, 100, 25)[0] > 155, "overshoot on the light side");
        Assert.Equal(100, Pixel(sharp.PyramidTiffPath, 20, 25)[0]); // flat areas stay as they were
        Assert.Equal(100, Pixel(spared.PyramidTiffPath, 99, 25)[0]);
        Assert.Equal(150, Pixel(spared.PyramidTiffPath, 100, 25)[0]);
    }

    [Fact]
    public async Task Monochrome_unsharp_mask_sharpens_colour_images_without_changing_flat_colours()
    {
        var path = _scratch.File("colour-edge.png");
        Solid(200, 50, Blue).Mutate(m => m.DrawRect(Red, 100, 0, 100, 50, fill: true)).Bandjoin(254).Pngsave(path);

        var outcome = await _processor.ProcessAsync(
            path, new ImageEdits(Unsharp: (1.5, 2.0, 0, true)), _scratch.Folder("out"), CancellationToken.None);

        AssertColour(Blue, Pixel(outcome.PyramidTiffPath, 10, 25), tolerance: 2);
        AssertColour(Red, Pixel(outcome.PyramidTiffPath, 190, 25), tolerance: 2);
        var nearEdge = Pixel(outcome.PyramidTiffPath, 101, 25);
        Assert.False(Math.Abs(nearEdge[0] - Red[0]) <= 2 && Math.Abs(nearEdge[1] - Red[1]) <= 2, "the edge was sharpened");
    }

    [Fact]
    public async Task Default_colour_handling_converts_cmyk_to_srgb_and_maintain_original_keeps_it()
    {
        var path = _scratch.File("print.tif");
        Solid(120, 90, Red).Colourspace(Enums.Interpretation.Cmyk).Tiffsave(path);

        var converted = await _processor.ProcessAsync(path, ImageEdits.None, _scratch.Folder("default"), CancellationToken.None);
        var kept = await _processor.ProcessAsync(
            path, new ImageEdits(Color: ColorHandling.MaintainOriginal), _scratch.Folder("kept"), CancellationToken.None);

        Assert.Equal("CMYK", converted.Original.ColorSpace);
        Assert.Equal("sRGB", converted.Processed.ColorSpace);
        AssertColour(Red, Pixel(converted.PyramidTiffPath, 60, 45), tolerance: 40);
        Assert.Equal("CMYK", kept.Processed.ColorSpace);
        using var keptImage = Image.NewFromFile(kept.PyramidTiffPath);
        Assert.Equal(Enums.Interpretation.Cmyk, keptImage.Interpretation);
        Assert.Equal(4, keptImage.Bands);
    }

    [Fact]
    public async Task Convert_makes_greyscale_srgb_while_default_keeps_it_grey()
    {
        var path = _scratch.File("grey.png");
        Solid(80, 60, [128]).Copy(interpretation: Enums.Interpretation.Bw).Pngsave(path);

        var kept = await _processor.ProcessAsync(path, ImageEdits.None, _scratch.Folder("default"), CancellationToken.None);
        var converted = await _processor.ProcessAsync(
            path, new ImageEdits(Color: ColorHandling.Convert), _scratch.Folder("convert"), CancellationToken.None);

        Assert.Equal("Gray", kept.Processed.ColorSpace);
        Assert.Equal(1, TiffLayout.Read(kept.PyramidTiffPath)[0].SamplesPerPixel);
        Assert.Equal("sRGB", converted.Processed.ColorSpace);
        Assert.Equal(3, TiffLayout.Read(converted.PyramidTiffPath)[0].SamplesPerPixel);
    }

    [Fact]
    public async Task Sixteen_bit_images_become_eight_bit()
    {
        var path = _scratch.File("deep.png");
        (Image.Black(64, 64, bands: 3) + new double[] { 65535, 32768, 0 })
            .Cast(Enums.BandFormat.Ushort).Copy(interpretation: Enums.Interpretation.Rgb16).Pngsave(path);

        var outcome = await _processor.ProcessAsync(path, ImageEdits.None, _scratch.Folder("out"), CancellationToken.None);

        Assert.Equal("RGB16", outcome.Original.ColorSpace);
        Assert.Equal("sRGB", outcome.Processed.ColorSpace);
        AssertColour([255, 128, 0], Pixel(outcome.PyramidTiffPath, 10, 10), tolerance: 6);
    }

    [Fact]
    public async Task A_turned_photo_is_stored_upright()
    {
        var path = _scratch.File("turned.jpg");
        Solid(300, 200, Red).Mutate(m => m.Set(GValue.GIntType, "orientation", 6)).Jpegsave(path);

        var outcome = await _processor.ProcessAsync(path, ImageEdits.None, _scratch.Folder("out"), CancellationToken.None);

        Assert.Equal((200, 300), (outcome.Processed.Width, outcome.Processed.Height));
    }

    [Fact]
    public async Task Processing_again_replaces_the_renditions()
    {
        var output = _scratch.Folder("out");
        var first = _scratch.File("first.png");
        var second = _scratch.File("second.png");
        Solid(100, 100, Red).Pngsave(first);
        Solid(50, 40, Blue).Pngsave(second);

        await _processor.ProcessAsync(first, ImageEdits.None, output, CancellationToken.None);
        var outcome = await _processor.ProcessAsync(second, ImageEdits.None, output, CancellationToken.None);

        Assert.Equal((50, 40), (TiffLayout.Read(outcome.PyramidTiffPath)[0].Width, TiffLayout.Read(outcome.PyramidTiffPath)[0].Height));
    }

    [Fact]
    public async Task A_cancelled_run_stops_and_leaves_nothing()
    {
        var path = _scratch.File("photo.png");
        Noise(500, 500).Pngsave(path);
        var output = _scratch.Folder("out");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _processor.ProcessAsync(path, ImageEdits.None, output, cancelled.Token));

        Assert.Empty(Directory.GetFiles(output));
    }

    /// <summary>A white 200x200 shot of a blue 100x100 box at (50, 50) with a white 20x20 hole at (90, 90).</summary>
    private string ProductShot(string name)
    {
        var path = _scratch.File(name);
        Solid(200, 200, White)
            .Mutate(m =>
            {
                m.DrawRect(Blue, 50, 50, 100, 100, fill: true);
                m.DrawRect(White, 90, 90, 20, 20, fill: true);
            })
            .Pngsave(path);
        return path;
    }

    private static Image Solid(int width, int height, double[] colour)
    {
        var image = (Image.Black(width, height, bands: colour.Length) + colour).Cast(Enums.BandFormat.Uchar);
        return image.Copy(interpretation: colour.Length == 1 ? Enums.Interpretation.Bw : Enums.Interpretation.Srgb);
    }

    /// <summary>Random colour noise: compresses badly, so JPEG settings show in the file size.</summary>
    private static Image Noise(int width, int height) =>
        (Image.Gaussnoise(width, height, mean: 128, sigma: 40).Bandjoin(
            Image.Gaussnoise(width, height, mean: 100, sigma: 40),
            Image.Gaussnoise(width, height, mean: 160, sigma: 40)))
        .Cast(Enums.BandFormat.Uchar)
        .Copy(interpretation: Enums.Interpretation.Srgb);

    /// <summary>A pixel of the full-resolution level, as an image viewer would read it.</summary>
    private static double[] Pixel(string path, int x, int y)
    {
        using var image = Image.NewFromFile(path, access: Enums.Access.Random);
        return image.Getpoint(x, y);
    }

    private static void AssertColour(double[] expected, double[] actual, double tolerance)
    {
        for (var band = 0; band < expected.Length; band++)
        {
            Assert.True(
                Math.Abs(expected[band] - actual[band]) <= tolerance,
                $"band {band}: expected {expected[band]} +/- {tolerance}, got {actual[band]} (pixel {string.Join(",", actual)})");
        }
    }
}
