using System.Text;

namespace IpsApi.Assets.Processing;

/// <summary>
/// Tells what a file is from its first bytes; the extension only decides when the bytes say nothing (an
/// extension is whatever the uploader typed, the bytes are what the decoders will see). One exception:
/// ZIP-based documents (.docx, .epub, .jar, ...) are ZIPs by their bytes but are kept whole as
/// <see cref="AssetKind.Other"/>, since unpacking them would destroy the document. Ogg is left to the
/// extension too (.ogv is video, .ogg usually audio).
/// </summary>
public static class AssetSniffer
{
    private const int HeaderLength = 1024;

    /// <summary>Files that are ZIP archives inside but documents to the user.</summary>
    private static readonly HashSet<string> ZipDocumentExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".docx", ".docm", ".dotx", ".xlsx", ".xlsm", ".xltx", ".pptx", ".pptm", ".potx", ".odt", ".ods", ".odp",
        ".odg", ".epub", ".jar", ".war", ".apk", ".aar", ".ipa", ".idml", ".indd", ".xpi", ".kmz", ".3mf", ".usdz",
        ".sketch", ".vsdx", ".nupkg",
    };

    /// <summary>Extensions consulted when the content matches no known signature.</summary>
    private static readonly Dictionary<string, AssetKind> ExtensionHints = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = AssetKind.Image, [".jpeg"] = AssetKind.Image, [".png"] = AssetKind.Image,
        [".tif"] = AssetKind.Image, [".tiff"] = AssetKind.Image, [".gif"] = AssetKind.Image,
        [".webp"] = AssetKind.Image, [".heic"] = AssetKind.Image, [".heif"] = AssetKind.Image,
        [".avif"] = AssetKind.Image, [".pdf"] = AssetKind.Pdf, [".zip"] = AssetKind.Zip,
        [".mp4"] = AssetKind.Video, [".m4v"] = AssetKind.Video, [".mov"] = AssetKind.Video,
        [".mkv"] = AssetKind.Video, [".webm"] = AssetKind.Video, [".avi"] = AssetKind.Video,
        [".mpg"] = AssetKind.Video, [".mpeg"] = AssetKind.Video, [".ts"] = AssetKind.Video,
        [".m2ts"] = AssetKind.Video, [".flv"] = AssetKind.Video, [".wmv"] = AssetKind.Video,
        [".ogv"] = AssetKind.Video, [".mxf"] = AssetKind.Video, [".3gp"] = AssetKind.Video,
    };

    /// <summary>ISO base media brands (the <c>ftyp</c> box) of still images; other brands are video.</summary>
    private static readonly HashSet<string> ImageBrands = new(StringComparer.Ordinal)
    {
        "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "mif2", "msf1", "avif", "avis",
    };

    /// <summary>Brands of audio-only files: ffprobe reads them, but they are no video.</summary>
    private static readonly HashSet<string> AudioBrands = new(StringComparer.Ordinal) { "M4A ", "M4B ", "M4P ", "F4A " };

    public static AssetKind Detect(string path)
    {
        var header = new byte[HeaderLength];
        int length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
        {
            length = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        var extension = Path.GetExtension(path);
        var kind = FromSignature(header.AsSpan(0, length));
        if (kind == AssetKind.Zip && ZipDocumentExtensions.Contains(extension))
        {
            return AssetKind.Other;
        }

        if (kind is { } known)
        {
            return known;
        }

        // No signature matched: a format this sniffer doesn't know (Ogg video, a short transport stream) or a
        // damaged file. The name decides, so a damaged "photo.jpg" goes to the image processor and is rejected
        // there with a reason the user can act on, instead of being stored quietly as a plain file.
        return ExtensionHints.TryGetValue(extension, out var hinted) ? hinted : AssetKind.Other;
    }

    private static AssetKind? FromSignature(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith<byte>([0xFF, 0xD8, 0xFF])
            || b.StartsWith<byte>([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])
            || b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)
            || b.StartsWith<byte>([(byte)'I', (byte)'I', 0x2A, 0x00]) || b.StartsWith<byte>([(byte)'M', (byte)'M', 0x00, 0x2A])
            || b.StartsWith<byte>([(byte)'I', (byte)'I', 0x2B, 0x00]) || b.StartsWith<byte>([(byte)'M', (byte)'M', 0x00, 0x2B])
            || (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)))
        {
            return AssetKind.Image;
        }

        // PDF readers accept the header anywhere in the first kilobyte (some files start with junk).
        if (b.IndexOf("%PDF-"u8) >= 0)
        {
            return AssetKind.Pdf;
        }

        if (b.StartsWith<byte>([(byte)'P', (byte)'K', 0x03, 0x04]) || b.StartsWith<byte>([(byte)'P', (byte)'K', 0x05, 0x06]))
        {
            return AssetKind.Zip;
        }

        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(b[8..12]);
            if (ImageBrands.Contains(brand))
            {
                return AssetKind.Image;
            }

            return AudioBrands.Contains(brand) ? AssetKind.Other : AssetKind.Video;
        }

        // QuickTime files from old cameras start with a box other than ftyp.
        if (b.Length >= 8 && (b[4..8].SequenceEqual("moov"u8) || b[4..8].SequenceEqual("mdat"u8)
            || b[4..8].SequenceEqual("wide"u8) || b[4..8].SequenceEqual("free"u8)))
        {
            return AssetKind.Video;
        }

        if (b.StartsWith<byte>([0x1A, 0x45, 0xDF, 0xA3]) // Matroska / WebM (EBML)
            || (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("AVI "u8))
            || b.StartsWith("FLV"u8)
            || b.StartsWith<byte>([0x00, 0x00, 0x01, 0xBA]) // MPEG program stream
            || b.StartsWith<byte>([0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11]) // ASF / WMV
            || b.StartsWith<byte>([0x06, 0x0E, 0x2B, 0x34, 0x02, 0x05, 0x01, 0x01]) // MXF partition pack
            || (b.Length > 188 * 2 && b[0] == 0x47 && b[188] == 0x47 && b[376] == 0x47)) // MPEG transport stream
        {
            return AssetKind.Video;
        }

        // Ogg holds audio as often as video; only the extension can say which.
        return null;
    }
}
