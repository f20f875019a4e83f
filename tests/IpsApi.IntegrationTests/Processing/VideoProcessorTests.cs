using System.Diagnostics;
using IpsApi.Assets.Processing;
using NetVips;

namespace IpsApi.IntegrationTests.Processing;

/// <summary>A two-second 320x240 H.264/AAC clip made once with ffmpeg's test source.</summary>
public sealed class TestVideo : IDisposable
{
    public TestVideo()
    {
        Path = System.IO.Path.Combine(Folder.Path, "clip.mp4");
        var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg")
        {
            ArgumentList =
            {
                "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", Path,
            },
            RedirectStandardError = true,
        })!;
        var errors = ffmpeg.StandardError.ReadToEnd();
        ffmpeg.WaitForExit();
        Assert.True(ffmpeg.ExitCode == 0, "ffmpeg could not make the test video: " + errors);
    }

    internal ScratchFolder Folder { get; } = new();

    public string Path { get; }

    public void Dispose() => Folder.Dispose();
}

public sealed class VideoProcessorTests(TestVideo video) : IClassFixture<TestVideo>, IDisposable
{
    private readonly ScratchFolder _scratch = new();
    private readonly VideoProcessor _processor = new(TestOptions.Create());

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Probe_gives_duration_codec_and_frame_size()
    {
        var info = await _processor.ProbeAsync(video.Path, CancellationToken.None);

        Assert.Equal("h264", info.Codec);
        Assert.Equal((320, 240), (info.Width, info.Height));
        Assert.InRange(info.Duration.TotalSeconds, 1.9, 2.2);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(0)]
    [InlineData(60_000)] // past the end: a frame from near the end
    public async Task Thumbnail_is_a_jpeg_frame_of_the_video_size(int milliseconds)
    {
        var output = _scratch.Folder("thumb");

        var path = await _processor.ThumbnailAsync(video.Path, TimeSpan.FromMilliseconds(milliseconds), output, CancellationToken.None);

        Assert.Equal(Path.Combine(output, "thumbnail.jpg"), path);
        Assert.Equal([0xFF, 0xD8, 0xFF], File.ReadAllBytes(path).Take(3));
        using var image = Image.NewFromFile(path);
        Assert.Equal((320, 240), (image.Width, image.Height));
        Assert.Equal(["thumbnail.jpg"], Directory.GetFiles(output).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Thumbnails_at_different_times_show_different_frames()
    {
        // testsrc draws a moving gradient and a running counter, so one second later the picture differs.
        var early = await _processor.ThumbnailAsync(video.Path, TimeSpan.Zero, _scratch.Folder("early"), CancellationToken.None);
        var late = await _processor.ThumbnailAsync(video.Path, TimeSpan.FromSeconds(1.5), _scratch.Folder("late"), CancellationToken.None);

        using var a = Image.NewFromFile(early);
        using var b = Image.NewFromFile(late);
        Assert.True((a - b).Abs().Avg() > 1, "the two thumbnails are the same picture");
    }

    [Fact]
    public async Task Mp4_720p_preset_encodes_playable_h264_fitted_into_1280x720()
    {
        var output = _scratch.Folder("encodes");

        var path = await _processor.EncodeAsync(video.Path, "mp4-720p", output, CancellationToken.None);

        Assert.Equal(Path.Combine(output, "mp4-720p.mp4"), path);
        var encoded = await _processor.ProbeAsync(path, CancellationToken.None);
        Assert.Equal("h264", encoded.Codec);
        Assert.Equal((960, 720), (encoded.Width, encoded.Height)); // 4:3 kept
        Assert.InRange(encoded.Duration.TotalSeconds, 1.9, 2.2);
        Assert.Contains("codec_name=aac", await FfprobeStreamsAsync(path));
        // Decoding the whole file proves it plays, not only that its header parses.
        Assert.Equal(50, await CountDecodedFramesAsync(path));
    }

    [Fact]
    public async Task Webm_480p_preset_encodes_vp9()
    {
        var path = await _processor.EncodeAsync(video.Path, "WEBM-480p", _scratch.Folder("encodes"), CancellationToken.None);

        Assert.Equal("webm-480p.webm", Path.GetFileName(path));
        var encoded = await _processor.ProbeAsync(path, CancellationToken.None);
        Assert.Equal("vp9", encoded.Codec);
        Assert.Equal((640, 480), (encoded.Width, encoded.Height));
    }

    [Fact]
    public async Task A_configured_preset_is_used()
    {
        var processor = new VideoProcessor(TestOptions.Create(o => o.VideoPresets["tiny"] = new VideoPreset
        {
            Arguments = "-an -c:v libx264 -preset ultrafast -vf scale=160:120",
            Extension = "mkv",
        }));

        var path = await processor.EncodeAsync(video.Path, "tiny", _scratch.Folder("encodes"), CancellationToken.None);

        var encoded = await processor.ProbeAsync(path, CancellationToken.None);
        Assert.Equal((160, 120), (encoded.Width, encoded.Height));
        Assert.EndsWith(".mkv", path);
    }

    [Fact]
    public async Task An_unknown_preset_is_refused_by_name()
    {
        var output = _scratch.Folder("encodes");

        var e = await Assert.ThrowsAsync<MediaRejectedException>(
            () => _processor.EncodeAsync(video.Path, "mp4-8k-hdr", output, CancellationToken.None));

        Assert.Contains("'mp4-8k-hdr'", e.Message);
        Assert.Empty(Directory.GetFiles(output));
    }

    [Fact]
    public async Task A_file_that_is_no_video_is_refused()
    {
        var path = _scratch.File("movie.mp4");
        await File.WriteAllTextAsync(path, "not a movie at all");

        var e = await Assert.ThrowsAsync<MediaRejectedException>(() => _processor.ProbeAsync(path, CancellationToken.None));

        Assert.DoesNotContain(_scratch.Path, e.Message);
    }

    [Fact]
    public async Task A_playlist_disguised_as_a_video_cannot_make_ffmpeg_read_other_files()
    {
        // The classic ffmpeg file-disclosure trick: an HLS playlist that names a local file as a segment. Here
        // the file is a real video, so an unguarded ffprobe would happily "probe" it.
        var path = _scratch.File("innocent.mp4");
        await File.WriteAllTextAsync(path, $"#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\nfile://{video.Path}\n#EXT-X-ENDLIST\n");

        await Assert.ThrowsAsync<MediaRejectedException>(() => _processor.ProbeAsync(path, CancellationToken.None));
        await Assert.ThrowsAsync<MediaRejectedException>(
            () => _processor.ThumbnailAsync(path, TimeSpan.Zero, _scratch.Folder("thumb"), CancellationToken.None));
    }

    [Fact]
    public async Task An_audio_only_file_has_no_video_stream()
    {
        var path = _scratch.File("tone.m4a");
        var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg")
        {
            ArgumentList = { "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac", path },
        })!;
        await ffmpeg.WaitForExitAsync();

        var e = await Assert.ThrowsAsync<MediaRejectedException>(() => _processor.ProbeAsync(path, CancellationToken.None));

        Assert.Contains("no video stream", e.Message);
    }

    [Fact]
    public async Task Cancelling_an_encode_stops_ffmpeg()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var output = _scratch.Folder("encodes");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _processor.EncodeAsync(video.Path, "mp4-1080p", output, cancellation.Token));

        Assert.Empty(Directory.GetFiles(output));
    }

    private static async Task<string> FfprobeStreamsAsync(string path)
    {
        using var ffprobe = Process.Start(new ProcessStartInfo("ffprobe")
        {
            ArgumentList = { "-v", "error", "-show_streams", path },
            RedirectStandardOutput = true,
        })!;
        var output = await ffprobe.StandardOutput.ReadToEndAsync();
        await ffprobe.WaitForExitAsync();
        return output;
    }

    private static async Task<int> CountDecodedFramesAsync(string path)
    {
        using var ffprobe = Process.Start(new ProcessStartInfo("ffprobe")
        {
            ArgumentList =
            {
                "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "default=nokey=1:noprint_wrappers=1", path,
            },
            RedirectStandardOutput = true,
        })!;
        var output = await ffprobe.StandardOutput.ReadToEndAsync();
        await ffprobe.WaitForExitAsync();
        Assert.Equal(0, ffprobe.ExitCode);
        return int.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
