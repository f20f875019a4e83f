using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using NetVips;

namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>Files made in the test, so every input is known to the pixel: images, PDFs, a video, ZIPs.</summary>
public static class TestMedia
{
    /// <summary>A white canvas with a red rectangle inset by <paramref name="border"/> pixels on every side.</summary>
    public static byte[] FramedImage(int width, int height, int border, string format = ".png")
    {
        using var canvas = (Image.Black(width, height, bands: 3) + 255).Cast(Enums.BandFormat.Uchar);
        using var red = Image.Black(width - 2 * border, height - 2 * border, bands: 3).NewFromImage(255, 0, 0).Cast(Enums.BandFormat.Uchar);
        using var framed = canvas.Insert(red, border, border);
        return framed.WriteToBuffer(format);
    }

    public static byte[] SolidImage(int width, int height, string format, double red = 30, double green = 120, double blue = 200)
    {
        using var image = Image.Black(width, height, bands: 3).NewFromImage(red, green, blue).Cast(Enums.BandFormat.Uchar);
        return image.WriteToBuffer(format);
    }

    /// <summary>A small PDF written by hand: one line of text per page.</summary>
    public static byte[] Pdf(params string[] pageTexts)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', pageTexts.Select((_, i) => $"{4 + 2 * i} 0 R"))}] /Count {pageTexts.Length} >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        foreach (var text in pageTexts)
        {
            var page = objects.Count + 1;
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 3 0 R >> >> /Contents {page + 1} 0 R >>");
            var stream = $"BT /F1 18 Tf 20 100 Td ({text}) Tj ET";
            objects.Add($"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream");
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A two-second 320x240 test pattern, made with ffmpeg.</summary>
    public static async Task<byte[]> VideoAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ipsapi-video-{Guid.NewGuid():N}.mp4");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=25",
                                         "-pix_fmt", "yuv420p", "-c:v", "libx264", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var ffmpeg = Process.Start(start)!;
        var errors = await ffmpeg.StandardError.ReadToEndAsync();
        await ffmpeg.WaitForExitAsync();
        Assert.True(ffmpeg.ExitCode == 0, errors);
        var bytes = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        return bytes;
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The pixel at (x, y) of the first page of an image file.</summary>
    public static double[] Pixel(string path, int x, int y)
    {
        using var image = Image.NewFromFile(path, access: Enums.Access.Random);
        return image.Getpoint(x, y);
    }

    public static (int Width, int Height, int Bands) Size(string path, int page = 0)
    {
        using var image = page == 0 ? Image.NewFromFile(path) : Image.NewFromFile(path, kwargs: new VOption { { "page", page } });
        return (image.Width, image.Height, image.Bands);
    }
}
