namespace IpsApi.Assets.Processing;

/// <summary>
/// Limits, tool locations and presets of image, PDF, video and ZIP processing: configuration section
/// <c>IpsApi:Processing</c>, or environment variables such as <c>IPSAPI_PROCESSING__MAXPIXELS</c> and
/// <c>IPSAPI_PROCESSING__VIDEOPRESETS__MOBILE__ARGUMENTS</c> through the server's <c>IPSAPI_</c> mapping.
/// </summary>
public sealed class ProcessingOptions
{
    public const string SectionName = "IpsApi:Processing";

    /// <summary>Largest image (width x height of the first page) that is decoded; larger ones are refused
    /// from the header alone, so a decompression bomb never reaches the decoder. Also caps rasterised PDF
    /// pages.</summary>
    public long MaxPixels { get; set; } = 200_000_000;

    /// <summary>Tile edge of the optimized pyramid TIFF, in pixels (a multiple of 16, as TIFF requires).</summary>
    public int TileSize { get; set; } = 256;

    /// <summary>JPEG quality of the pyramid tiles (1-100).</summary>
    public int JpegQuality { get; set; } = 85;

    /// <summary>Time limit of one probe, rasterisation, text extraction, thumbnail or image run.</summary>
    public int ToolTimeoutSeconds { get; set; } = 300;

    /// <summary>Time limit of one video encode; encodes of long videos take far longer than a probe.</summary>
    public int VideoEncodeTimeoutSeconds { get; set; } = 3600;

    /// <summary>
    /// Video encoding presets by name (the names that <c>videoEncodingPresetsArray</c> refers to). A configured
    /// preset replaces the built-in one of the same name as a whole; built-in ones not configured stay. Names are
    /// matched case-insensitively and may contain letters, digits, '.', '_' and '-'.
    /// </summary>
    public Dictionary<string, VideoPreset> VideoPresets { get; set; } = DefaultVideoPresets();

    /// <summary>Largest sum of the uncompressed sizes of a ZIP's entries.</summary>
    public long ZipMaxTotalBytes { get; set; } = 10L * 1024 * 1024 * 1024;

    /// <summary>Most entries (files, folders and links together) a ZIP may have.</summary>
    public long ZipMaxEntries { get; set; } = 10_000;

    /// <summary>Highest uncompressed/compressed ratio of an entry larger than <see cref="ZipRatioMinBytes"/>,
    /// and of the archive as a whole. Ordinary files rarely exceed 20; bombs reach thousands.</summary>
    public long ZipMaxRatio { get; set; } = 200;

    /// <summary>Entries smaller than this are not held to <see cref="ZipMaxRatio"/>: a small text file of
    /// repeated characters compresses very well and harms no one.</summary>
    public long ZipRatioMinBytes { get; set; } = 1024 * 1024;

    /// <summary>Most characters of text taken from one PDF; the rest is dropped.</summary>
    public int PdfMaxTextChars { get; set; } = 1_000_000;

    /// <summary>Longest edge of a PDF thumbnail, in pixels.</summary>
    public int PdfThumbnailSize { get; set; } = 320;

    /// <summary>ffmpeg demuxers allowed to read uploaded media (the <c>-format_whitelist</c> value). Keeping
    /// playlist and concat demuxers (hls, concat) out stops a crafted file from making ffmpeg read other files
    /// or URLs.</summary>
    public string VideoDemuxers { get; set; } = "mov,mp4,matroska,webm,avi,mpegts,mpeg,flv,ogg,asf,mxf,dv,m4v";

    public string PdfinfoPath { get; set; } = "pdfinfo";

    public string PdftoppmPath { get; set; } = "pdftoppm";

    public string PdftotextPath { get; set; } = "pdftotext";

    public string FfmpegPath { get; set; } = "ffmpeg";

    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>The presets a fresh <see cref="ProcessingOptions"/> starts with.</summary>
    public static Dictionary<string, VideoPreset> DefaultVideoPresets() => new(StringComparer.OrdinalIgnoreCase)
    {
        // Fit inside the frame size, keep the aspect ratio, even dimensions (4:2:0 needs them); the first video
        // and, if there is one, the first audio stream, so subtitle or data tracks can't break the muxer.
        ["mp4-1080p"] = new()
        {
            Arguments = "-map 0:v:0 -map 0:a:0? -c:v libx264 -preset medium -crf 22 -pix_fmt yuv420p "
                + "-vf scale=1920:1080:force_original_aspect_ratio=decrease:force_divisible_by=2 "
                + "-c:a aac -b:a 160k -movflags +faststart",
            Extension = "mp4",
        },
        ["mp4-720p"] = new()
        {
            Arguments = "-map 0:v:0 -map 0:a:0? -c:v libx264 -preset medium -crf 23 -pix_fmt yuv420p "
                + "-vf scale=1280:720:force_original_aspect_ratio=decrease:force_divisible_by=2 "
                + "-c:a aac -b:a 128k -movflags +faststart",
            Extension = "mp4",
        },
        ["webm-480p"] = new()
        {
            Arguments = "-map 0:v:0 -map 0:a:0? -c:v libvpx-vp9 -b:v 0 -crf 33 -deadline good -cpu-used 4 "
                + "-row-mt 1 -pix_fmt yuv420p "
                + "-vf scale=854:480:force_original_aspect_ratio=decrease:force_divisible_by=2 "
                + "-c:a libopus -b:a 96k",
            Extension = "webm",
        },
    };
}

/// <summary>One video encoding: the ffmpeg output arguments and the file extension of the result.</summary>
public sealed class VideoPreset
{
    /// <summary>
    /// ffmpeg output options, separated by spaces (placed between <c>-i input</c> and the output file). One
    /// string rather than a list, so that configuring a preset replaces its arguments instead of appending to
    /// them (the configuration binder appends to lists). An argument therefore can't contain a space. ffmpeg
    /// is started directly, never through a shell, so quotes are not needed and are not interpreted.
    /// </summary>
    public string Arguments { get; set; } = "";

    /// <summary>Extension of the output file without the dot (<c>mp4</c>, <c>webm</c>); it also selects the
    /// ffmpeg muxer.</summary>
    public string Extension { get; set; } = "mp4";

    internal IReadOnlyList<string> ArgumentList() =>
        Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
