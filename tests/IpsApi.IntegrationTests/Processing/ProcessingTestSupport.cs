using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using IpsApi.Assets.Processing;
using Microsoft.Extensions.Options;

namespace IpsApi.IntegrationTests.Processing;

/// <summary>A private folder for one test's inputs and outputs, removed afterwards.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        Path = Directory.CreateTempSubdirectory("ipsapi-processing-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A fresh subfolder (created), e.g. the output folder of one asset.</summary>
    public string Folder(string name) => Directory.CreateDirectory(File(name)).FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

internal static class TestOptions
{
    public static IOptions<ProcessingOptions> Create(Action<ProcessingOptions>? configure = null)
    {
        var options = new ProcessingOptions();
        configure?.Invoke(options);
        return Options.Create(options);
    }
}

/// <summary>One image file directory (level) of a TIFF, as a TIFF reader sees it.</summary>
/// <param name="TileCount">Entries in the tile offset table; a reader expects one per tile the size needs.</param>
internal sealed record TiffDirectory(
    int Width, int Height, int Compression, int SamplesPerPixel, int? TileWidth, int? TileHeight, int TileCount);

/// <summary>
/// Reads the directory chain of a classic little-endian TIFF, which is what libvips writes on this machine: how many
/// levels, their sizes, tiling and compression. Independent of libvips, so the test checks the file and not the
/// library's view of it.
/// </summary>
internal static class TiffLayout
{
    public const int JpegCompression = 7;
    public const int DeflateCompression = 8;

    public static IReadOnlyList<TiffDirectory> Read(string path)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan().StartsWith("II*\0"u8), "expected a little-endian classic TIFF");
        var directories = new List<TiffDirectory>();
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        while (offset != 0)
        {
            var span = bytes.AsSpan((int)offset);
            var count = BinaryPrimitives.ReadUInt16LittleEndian(span);
            var tags = new Dictionary<int, int>();
            var counts = new Dictionary<int, int>();
            for (var i = 0; i < count; i++)
            {
                var entry = span.Slice(2 + (i * 12), 12);
                var tag = BinaryPrimitives.ReadUInt16LittleEndian(entry);
                var type = BinaryPrimitives.ReadUInt16LittleEndian(entry[2..]);
                var valueCount = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
                counts[tag] = (int)valueCount;
                if (valueCount == 1 && type is 3 or 4)
                {
                    tags[tag] = type == 3
                        ? BinaryPrimitives.ReadUInt16LittleEndian(entry[8..])
                        : (int)BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
                }
            }

            directories.Add(new TiffDirectory(
                tags[256], tags[257], tags.GetValueOrDefault(259, 1), tags.GetValueOrDefault(277, 1),
                tags.TryGetValue(322, out var tw) ? tw : null, tags.TryGetValue(323, out var th) ? th : null,
                counts.GetValueOrDefault(324)));
            offset = BinaryPrimitives.ReadUInt32LittleEndian(span[(2 + (count * 12))..]);
        }

        return directories;
    }
}

/// <summary>Writes small, valid PDFs by hand: pages with a line of text and an optional red square.</summary>
internal static class PdfWriter
{
    /// <param name="pages">The text of each page (ASCII letters and spaces).</param>
    public static void Write(string path, IReadOnlyList<string> pages, string? title = null, double width = 612, double height = 792)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "", // the page tree, filled in once the page object numbers are known
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pageRefs = new List<string>();
        var size = FormattableString.Invariant($"{width} {height}");
        foreach (var text in pages)
        {
            // A red 100 x 100 pt square at the bottom left, then the text near the top.
            var content = FormattableString.Invariant(
                $"1 0 0 rg 0 0 100 100 re f 0 0 0 rg BT /F1 24 Tf 72 {height - 100} Td ({text}) Tj ET");
            objects.Add($"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
            var contentRef = objects.Count;
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size}] /Resources << /Font << /F1 3 0 R >> >> /Contents {contentRef} 0 R >>");
            pageRefs.Add($"{objects.Count} 0 R");
        }

        objects[1] = $"<< /Type /Pages /Kids [{string.Join(' ', pageRefs)}] /Count {pages.Count} >>";
        int? infoRef = null;
        if (title is not null)
        {
            objects.Add($"<< /Title ({title}) >>");
            infoRef = objects.Count;
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R");
        if (infoRef is { } info)
        {
            pdf.Append(CultureInfo.InvariantCulture, $" /Info {info} 0 R");
        }

        pdf.Append(CultureInfo.InvariantCulture, $" >>\nstartxref\n{xref}\n%%EOF\n");
        System.IO.File.WriteAllText(path, pdf.ToString(), Encoding.ASCII);
    }
}

/// <summary>Hand-made PNG headers, for files whose header promises far more than their data.</summary>
internal static class PngWriter
{
    /// <summary>A PNG whose IHDR says <paramref name="width"/> x <paramref name="height"/> RGB, with a few bytes of
    /// image data: a decompression bomb as far as any header-only check can tell.</summary>
    public static void WriteHeaderOnly(string path, int width, int height)
    {
        using var file = System.IO.File.Create(path);
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type RGB
        WriteChunk(file, "IHDR", ihdr);
        WriteChunk(file, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        WriteChunk(file, "IEND", []);
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        stream.Write(header);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(header, Crc32(typed));
        stream.Write(header);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
