using IpsApi.Assets.Processing;
using NetVips;

namespace IpsApi.IntegrationTests.Processing;

public sealed class PdfProcessorTests : IDisposable
{
    private static readonly string[] Pages = ["Alpha Bravo", "Charlie Delta", "Echo Foxtrot"];

    private readonly ScratchFolder _scratch = new();
    private readonly PdfProcessor _processor = new(TestOptions.Create());
    private readonly string _pdf;

    public PdfProcessorTests()
    {
        _pdf = _scratch.File("catalog.pdf");
        PdfWriter.Write(_pdf, Pages, title: "Spring Catalog");
    }

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Inspect_gives_the_page_count_and_title()
    {
        var info = await _processor.InspectAsync(_pdf, CancellationToken.None);

        Assert.Equal(new PdfInfo(3, "Spring Catalog"), info);
    }

    [Fact]
    public async Task Inspect_of_a_pdf_without_title_gives_null()
    {
        var path = _scratch.File("untitled.pdf");
        PdfWriter.Write(path, ["One"]);

        var info = await _processor.InspectAsync(path, CancellationToken.None);

        Assert.Equal(new PdfInfo(1, null), info);
    }

    [Fact]
    public async Task Rasterize_writes_one_png_per_page_in_order_at_the_resolution()
    {
        var output = _scratch.Folder("pages");

        var pages = await _processor.RasterizeAsync(_pdf, 150, "Rgb", output, null, CancellationToken.None);

        Assert.Equal(["page-1.png", "page-2.png", "page-3.png"], pages.Select(Path.GetFileName));
        Assert.All(pages, p => Assert.Equal(output, Path.GetDirectoryName(p)));
        foreach (var page in pages)
        {
            using var image = Image.NewFromFile(page);
            // Letter is 612 x 792 points; at 150 dpi that is 8.5 x 11 inches of 150 pixels.
            Assert.Equal((1275, 1650), (image.Width, image.Height));
            Assert.Equal("pngload", (string)image.Get("vips-loader"));
            // The red square in the bottom left corner, and white paper above it.
            var red = image.Getpoint(50, 1600);
            Assert.True(red[0] > 200 && red[1] < 60 && red[2] < 60, string.Join(",", red));
            Assert.Equal([255, 255, 255], image.Getpoint(600, 800).Take(3));
        }

        Assert.Equal(3, Directory.GetFiles(output).Length);
    }

    [Fact]
    public async Task Rasterize_stops_at_max_pages()
    {
        var pages = await _processor.RasterizeAsync(_pdf, 72, "Auto", _scratch.Folder("pages"), maxPages: 2, CancellationToken.None);

        Assert.Equal(["page-1.png", "page-2.png"], pages.Select(Path.GetFileName));
        using var first = Image.NewFromFile(pages[0]);
        Assert.Equal((612, 792), (first.Width, first.Height));
    }

    [Fact]
    public async Task Rasterize_in_gray_writes_greyscale_pages()
    {
        var pages = await _processor.RasterizeAsync(_pdf, 36, "Gray", _scratch.Folder("pages"), 1, CancellationToken.None);

        using var page = Image.NewFromFile(pages[0]);
        Assert.Equal(1, page.Bands);
        Assert.Equal((306, 396), (page.Width, page.Height));
    }

    [Fact]
    public async Task Rasterize_refuses_a_page_that_would_exceed_the_pixel_limit()
    {
        // A legal 200 x 200 inch page: 60000 x 60000 pixels at 300 dpi.
        var path = _scratch.File("billboard.pdf");
        PdfWriter.Write(path, ["Huge"], width: 14400, height: 14400);
        var output = _scratch.Folder("pages");

        var e = await Assert.ThrowsAsync<MediaRejectedException>(
            () => _processor.RasterizeAsync(path, 300, "Rgb", output, null, CancellationToken.None));

        Assert.Contains("over the limit", e.Message);
        Assert.Empty(Directory.GetFiles(output));
    }

    [Fact]
    public async Task Extracted_text_has_the_words_of_every_page()
    {
        var text = await _processor.ExtractTextAsync(_pdf, CancellationToken.None);

        foreach (var word in Pages.SelectMany(p => p.Split(' ')))
        {
            Assert.Contains(word, text);
        }
    }

    [Fact]
    public async Task Extracted_text_is_cut_at_the_configured_length()
    {
        var processor = new PdfProcessor(TestOptions.Create(o => o.PdfMaxTextChars = 8));

        var text = await processor.ExtractTextAsync(_pdf, CancellationToken.None);

        Assert.True(text.Length <= 8, $"got {text.Length} characters");
        Assert.StartsWith("Alpha", text);
    }

    [Fact]
    public async Task Thumbnail_is_a_small_png_of_the_first_page()
    {
        var output = _scratch.Folder("thumb");

        var path = await _processor.ThumbnailAsync(_pdf, output, CancellationToken.None);

        Assert.Equal(Path.Combine(output, "thumbnail.png"), path);
        using var image = Image.NewFromFile(path);
        Assert.Equal(320, image.Height);
        Assert.InRange(image.Width, 246, 248); // 612/792 of 320
        Assert.Equal(["thumbnail.png"], Directory.GetFiles(output).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_damaged_pdf_is_refused_without_a_server_path_in_the_reason()
    {
        var path = _scratch.File("broken.pdf");
        File.WriteAllText(path, "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ngarbage, no xref, no trailer\n");

        var e = await Assert.ThrowsAsync<MediaRejectedException>(() => _processor.InspectAsync(path, CancellationToken.None));

        Assert.DoesNotContain(_scratch.Path, e.Message);
        await Assert.ThrowsAsync<MediaRejectedException>(
            () => _processor.RasterizeAsync(path, 72, "Rgb", _scratch.Folder("pages"), null, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_that_is_no_pdf_is_refused()
    {
        var path = _scratch.File("photo.pdf");
        await File.WriteAllBytesAsync(path, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4]);

        await Assert.ThrowsAsync<MediaRejectedException>(() => _processor.InspectAsync(path, CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_colour_space_is_a_programming_error()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _processor.RasterizeAsync(_pdf, 72, "Purple", _scratch.Folder("pages"), null, CancellationToken.None));
    }
}
