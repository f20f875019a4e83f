using System.Diagnostics;
using System.Globalization;

namespace IpsApi.Bench.Optimize;

/// <summary>
/// The baseline: the vips command line making a tiled, JPEG-compressed pyramid TIFF of each file, one file at a
/// time (as the job does), with the job's tile size and JPEG quality so both write the same kind of file.
/// </summary>
public static class VipsBaseline
{
    /// <summary>The command for one file, as the results show it.</summary>
    public static string CommandOf(int tileSize, int quality) =>
        string.Create(CultureInfo.InvariantCulture,
            $"vips tiffsave <in> <out> --tile --pyramid --compression jpeg --tile-width {tileSize} --tile-height {tileSize} --Q {quality}");

    public static async Task<TimeSpan> ConvertAsync(
        IReadOnlyList<(string Source, string Target)> files, int tileSize, int quality, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var (source, target) in files)
        {
            var (exitCode, errors) = await RunAsync(cancellationToken,
                "tiffsave", source, target, "--tile", "--pyramid", "--compression", "jpeg",
                "--tile-width", tileSize.ToString(CultureInfo.InvariantCulture), "--tile-height", tileSize.ToString(CultureInfo.InvariantCulture),
                "--Q", quality.ToString(CultureInfo.InvariantCulture));
            if (exitCode != 0 || !File.Exists(target) || new FileInfo(target).Length == 0)
            {
                throw new BenchmarkFailedException($"vips tiffsave of {Path.GetFileName(source)} failed ({exitCode}): {errors}");
            }
        }

        return clock.Elapsed;
    }

    public static async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        var (_, output) = await RunAsync(cancellationToken, "--version");
        return output.Trim();
    }

    /// <summary>Runs vips; answers its exit code and what it wrote (standard error, else standard output).</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("vips") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process vips;
        try
        {
            vips = Process.Start(start) ?? throw new BenchmarkFailedException("vips could not be started");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BenchmarkFailedException("the vips command is not installed (Debian package libvips-tools; ./ipsapi installs it)");
        }

        using (vips)
        {
            var errors = vips.StandardError.ReadToEndAsync(cancellationToken);
            var output = await vips.StandardOutput.ReadToEndAsync(cancellationToken);
            await vips.WaitForExitAsync(cancellationToken);
            var error = await errors;
            return (vips.ExitCode, error.Length > 0 ? error : output);
        }
    }
}
