using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace IpsApi.Assets.Processing;

/// <summary>What ffprobe says about a video: its length and its first video stream.</summary>
/// <param name="Duration">Length of the container; zero when the file doesn't say.</param>
/// <param name="Codec">ffmpeg's codec name of the first video stream (<c>h264</c>, <c>hevc</c>, <c>vp9</c>, ...).</param>
public sealed record VideoInfo(TimeSpan Duration, string Codec, int Width, int Height);

/// <summary>
/// Video probing, frame grabs and encodes with Debian's ffmpeg/ffprobe. Every run reads the upload through the
/// <c>file</c> protocol and the demuxers of <see cref="ProcessingOptions.VideoDemuxers"/> only, so a crafted
/// file (an HLS playlist or concat script in disguise) can't make ffmpeg open other files or URLs.
/// </summary>
public sealed partial class VideoProcessor(IOptions<ProcessingOptions> options)
{
    public const string ThumbnailFileName = "thumbnail.jpg";

    private readonly ProcessingOptions _options = options.Value;

    private TimeSpan Timeout => TimeSpan.FromSeconds(_options.ToolTimeoutSeconds);

    /// <exception cref="MediaRejectedException">Not a readable video, or no video stream in it.</exception>
    public async Task<VideoInfo> ProbeAsync(string path, CancellationToken ct)
    {
        var result = await ToolRunner.RunAsync(
            _options.FfprobePath,
            "ffprobe",
            ["-v", "error", .. InputGuard(), "-print_format", "json", "-show_format", "-show_streams", OutputFiles.ToolPath(path)],
            Timeout,
            ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new MediaRejectedException("The file is not a readable video", result.Stderr);
        }

        try
        {
            return ParseProbe(result.Stdout);
        }
        catch (JsonException e)
        {
            throw new MediaRejectedException("The file is not a readable video", e.Message, e);
        }
    }

    /// <summary>
    /// One frame at <paramref name="at"/> as a full-size JPEG, written as <see cref="ThumbnailFileName"/> in
    /// <paramref name="outputFolder"/>. A time past the end takes a frame just before the end.
    /// </summary>
    public async Task<string> ThumbnailAsync(string path, TimeSpan at, string outputFolder, CancellationToken ct)
    {
        var info = await ProbeAsync(path, ct).ConfigureAwait(false);
        if (at < TimeSpan.Zero)
        {
            at = TimeSpan.Zero;
        }

        if (info.Duration > TimeSpan.Zero && at >= info.Duration)
        {
            at = info.Duration - TimeSpan.FromMilliseconds(500) > TimeSpan.Zero ? info.Duration - TimeSpan.FromMilliseconds(500) : TimeSpan.Zero;
        }

        var folder = OutputFiles.PrepareFolder(outputFolder);
        var finalPath = Path.Combine(folder, ThumbnailFileName);
        var temporary = OutputFiles.TemporaryFor(finalPath);
        try
        {
            var result = await GrabFrameAsync(path, at, temporary, ct).ConfigureAwait(false);
            if (at > TimeSpan.Zero && (result.ExitCode != 0 || !HasContent(temporary)))
            {
                // Durations in headers lie now and then; the first frame is always there.
                result = await GrabFrameAsync(path, TimeSpan.Zero, temporary, ct).ConfigureAwait(false);
            }

            if (result.ExitCode != 0 || !HasContent(temporary))
            {
                throw new MediaRejectedException("No frame could be taken from the video for a thumbnail", result.Stderr);
            }

            OutputFiles.Publish(temporary, finalPath);
            return finalPath;
        }
        finally
        {
            OutputFiles.DeleteQuietly(temporary);
        }
    }

    /// <summary>
    /// Encodes the video with the named preset of <see cref="ProcessingOptions.VideoPresets"/>, written as
    /// <c>&lt;preset&gt;.&lt;extension&gt;</c> in <paramref name="outputFolder"/>. Bounded by
    /// <see cref="ProcessingOptions.VideoEncodeTimeoutSeconds"/>.
    /// </summary>
    /// <exception cref="MediaRejectedException">The preset is unknown (the reason names it), the file is no readable
    /// video, or ffmpeg failed.</exception>
    public async Task<string> EncodeAsync(string path, string presetName, string outputFolder, CancellationToken ct)
    {
        // Matched without regard to case whatever comparer the configuration binder left the dictionary with.
        var (name, preset) = _options.VideoPresets
            .FirstOrDefault(p => string.Equals(p.Key, presetName, StringComparison.OrdinalIgnoreCase));
        if (name is null || preset is null || !IsValidPresetName(name))
        {
            throw new MediaRejectedException($"Unknown video encoding preset '{presetName}'");
        }

        // Probing first gives a clear reason for a file that is no video instead of an encoder error.
        await ProbeAsync(path, ct).ConfigureAwait(false);

        var folder = OutputFiles.PrepareFolder(outputFolder);
        var finalPath = Path.Combine(folder, $"{name}.{preset.Extension}");
        var temporary = OutputFiles.TemporaryFor(finalPath);
        try
        {
            var result = await ToolRunner.RunAsync(
                _options.FfmpegPath,
                "ffmpeg",
                ["-nostdin", "-v", "error", "-y", .. InputGuard(), "-i", OutputFiles.ToolPath(path), .. preset.ArgumentList(), temporary],
                TimeSpan.FromSeconds(_options.VideoEncodeTimeoutSeconds),
                ct).ConfigureAwait(false);
            if (result.ExitCode != 0 || !HasContent(temporary))
            {
                throw new MediaRejectedException($"The video could not be encoded with preset '{name}'", result.Stderr);
            }

            OutputFiles.Publish(temporary, finalPath);
            return finalPath;
        }
        finally
        {
            OutputFiles.DeleteQuietly(temporary);
        }
    }

    /// <summary>Preset names become file names, so they are held to a safe alphabet.</summary>
    internal static bool IsValidPresetName(string name) => PresetName().IsMatch(name);

    private Task<ToolResult> GrabFrameAsync(string path, TimeSpan at, string output, CancellationToken ct) =>
        ToolRunner.RunAsync(
            _options.FfmpegPath,
            "ffmpeg",
            [
                "-nostdin", "-v", "error", "-y", .. InputGuard(),
                // Before -i: seek in the input (fast, to the keyframe before, then decode up to the time).
                "-ss", at.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
                "-i", OutputFiles.ToolPath(path),
                "-map", "0:v:0", "-frames:v", "1", "-q:v", "2", "-update", "1", "-f", "image2", "-c:v", "mjpeg",
                output,
            ],
            Timeout,
            ct);

    private string[] InputGuard() => ["-protocol_whitelist", "file", "-format_whitelist", _options.VideoDemuxers];

    private static bool HasContent(string path) => File.Exists(path) && new FileInfo(path).Length > 0;

    private static VideoInfo ParseProbe(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        JsonElement? video = null;
        if (root.TryGetProperty("streams", out var streams))
        {
            foreach (var stream in streams.EnumerateArray())
            {
                // Cover art in audio files is a "video" stream of one picture.
                var attachedPicture = stream.TryGetProperty("disposition", out var disposition)
                    && disposition.TryGetProperty("attached_pic", out var pic) && pic.GetInt32() == 1;
                if (String(stream, "codec_type") == "video" && !attachedPicture)
                {
                    video = stream;
                    break;
                }
            }
        }

        if (video is not { } v)
        {
            throw new MediaRejectedException("The file has no video stream");
        }

        var seconds = Seconds(root.TryGetProperty("format", out var format) ? String(format, "duration") : null)
            ?? Seconds(String(v, "duration"))
            ?? 0;
        return new VideoInfo(
            TimeSpan.FromSeconds(seconds),
            String(v, "codec_name") ?? "unknown",
            v.TryGetProperty("width", out var w) ? w.GetInt32() : 0,
            v.TryGetProperty("height", out var h) ? h.GetInt32() : 0);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)
            ? value
            : null;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex PresetName();
}
