using System.IO.Compression;
using IpsApi.Assets.Processing;
using NetVips;

namespace IpsApi.IntegrationTests.Processing;

public sealed class AssetSnifferTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("a.jpg")]
    [InlineData("a.png")]
    [InlineData("a.gif")]
    [InlineData("a.webp")]
    [InlineData("a.tif")]
    [InlineData("a.avif")]
    public void Images_are_recognised_by_their_bytes_whatever_their_name(string name)
    {
        var made = _scratch.File(name);
        (Image.Black(16, 16, bands: 3) + 100).Cast(Enums.BandFormat.Uchar).WriteToFile(made);
        var renamed = _scratch.File(name + ".dat");
        File.Move(made, renamed);

        Assert.Equal(AssetKind.Image, AssetSniffer.Detect(renamed));
    }

    [Fact]
    public void Pdf_zip_and_video_are_recognised_by_their_bytes()
    {
        var pdf = _scratch.File("doc.bin");
        PdfWriter.Write(pdf, ["x"]);
        var zip = _scratch.File("archive.bin");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntry("a.txt");
        }

        var video = _scratch.File("clip.bin");
        var ffmpeg = System.Diagnostics.Process.Start("ffmpeg", ["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
            "testsrc=duration=0.2:size=64x48:rate=10", "-c:v", "libx264", "-f", "mp4", video]);
        ffmpeg.WaitForExit();

        Assert.Equal(AssetKind.Pdf, AssetSniffer.Detect(pdf));
        Assert.Equal(AssetKind.Zip, AssetSniffer.Detect(zip));
        Assert.Equal(AssetKind.Video, AssetSniffer.Detect(video));
    }

    [Fact]
    public void A_zip_based_document_is_kept_whole()
    {
        var docx = _scratch.File("letter.docx");
        using (var archive = ZipFile.Open(docx, ZipArchiveMode.Create))
        {
            archive.CreateEntry("word/document.xml");
        }

        Assert.Equal(AssetKind.Other, AssetSniffer.Detect(docx));
    }

    [Theory]
    [InlineData("broken.jpg", AssetKind.Image)]   // goes to the image processor, which says what is wrong
    [InlineData("broken.pdf", AssetKind.Pdf)]
    [InlineData("clip.ogv", AssetKind.Video)]
    [InlineData("notes.txt", AssetKind.Other)]
    [InlineData("noextension", AssetKind.Other)]
    public void Without_a_known_signature_the_extension_decides(string name, AssetKind expected)
    {
        var path = _scratch.File(name);
        File.WriteAllText(path, "plain text, no signature");

        Assert.Equal(expected, AssetSniffer.Detect(path));
    }

    [Fact]
    public void A_png_named_pdf_is_an_image()
    {
        var path = _scratch.File("report.pdf");
        (Image.Black(8, 8) + 1).Cast(Enums.BandFormat.Uchar).Pngsave(path);

        Assert.Equal(AssetKind.Image, AssetSniffer.Detect(path));
    }

    [Fact]
    public void An_empty_file_is_other()
    {
        var path = _scratch.File("empty.bin");
        File.WriteAllBytes(path, []);

        Assert.Equal(AssetKind.Other, AssetSniffer.Detect(path));
    }
}
