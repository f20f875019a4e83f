using System.Diagnostics;
using System.Globalization;
using IpsApi.Bench.Optimize;

namespace IpsApi.Bench.Ingest;

/// <summary>
/// The baseline of doing an upload job's work by hand with the tools a person would use: for each file, curl
/// downloads it and <c>vips tiffsave --tile --pyramid --compression jpeg</c> makes its pyramid, four files at a time
/// (<c>xargs -P 4</c>). What a job adds beyond that (checksum, catalog rows, job log) is its price over the tools.
/// </summary>
public static class HandPipeline
{
    /// <summary>The command a person types, as the results show it (each input line: a URL and where its files go).</summary>
    public static string CommandOf(int parallel, int tileSize, int quality) =>
        string.Create(CultureInfo.InvariantCulture, $"xargs -P {parallel} -n 2 sh -c '{Script(tileSize, quality)}' < list");

    /// <summary>Runs the pipeline over <paramref name="urls"/> into <paramref name="folder"/>; answers its time.</summary>
    public static async Task<TimeSpan> RunAsync(
        IReadOnlyList<string> urls, string folder, int parallel, int tileSize, int quality, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var lines = string.Concat(urls.Select((url, i) => $"{url} {Path.Combine(folder, i.ToString("D5", CultureInfo.InvariantCulture))}\n"));
        var script = Script(tileSize, quality);
        var start = new ProcessStartInfo("xargs") { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-P", parallel.ToString(CultureInfo.InvariantCulture), "-n", "2", "sh", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var xargs = Process.Start(start) ?? throw new BenchmarkFailedException("xargs could not be started");
        var errors = xargs.StandardError.ReadToEndAsync(cancellationToken);
        var output = xargs.StandardOutput.ReadToEndAsync(cancellationToken);
        await xargs.StandardInput.WriteAsync(lines);
        xargs.StandardInput.Close();
        await output;
        await xargs.WaitForExitAsync(cancellationToken);
        var elapsed = clock.Elapsed;
        var made = Directory.GetFiles(folder, "*.tif").Count(f => new FileInfo(f).Length > 0);
        if (xargs.ExitCode != 0 || made != urls.Count)
        {
            throw new BenchmarkFailedException($"the hand-made pipeline made {made} of {urls.Count} pyramids (exit code {xargs.ExitCode}): {await errors}");
        }

        return elapsed;
    }

    // $0 is the URL, $1 the stem of the files it makes: the download, then the pyramid beside it.
    private static string Script(int tileSize, int quality) => string.Create(CultureInfo.InvariantCulture,
        $"curl -sSf -o \"$1.in\" \"$0\" && vips tiffsave \"$1.in\" \"$1.tif\" --tile --pyramid --compression jpeg --tile-width {tileSize} --tile-height {tileSize} --Q {quality}");

    /// <summary>The versions of the two tools, for the record.</summary>
    public static async Task<string> ToolsAsync(CancellationToken cancellationToken) =>
        $"{await CurlBaseline.VersionAsync(cancellationToken)}, CLI {await VipsBaseline.VersionAsync(cancellationToken)}";
}
