using System.Diagnostics;
using System.Text;

namespace IpsApi.Bench.Ingest;

/// <summary>
/// The baseline: curl downloading the same URLs to disk, as many at a time as the job does
/// (<c>curl --parallel --parallel-max N</c>). Download only: the bytes land in files and nothing reads them.
/// </summary>
public static class CurlBaseline
{
    public static async Task<TimeSpan> DownloadAsync(
        IReadOnlyList<(string Url, string File)> downloads, int parallel, string workFolder, CancellationToken cancellationToken)
    {
        // One config file instead of a thousand arguments: the command line stays short whatever the count.
        var config = Path.Combine(workFolder, "curl.config");
        var text = new StringBuilder();
        foreach (var (url, file) in downloads)
        {
            text.Append("url = \"").Append(url).Append("\"\n");
            text.Append("output = \"").Append(file).Append("\"\n");
        }

        await File.WriteAllTextAsync(config, text.ToString(), cancellationToken);
        var start = new ProcessStartInfo("curl") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--silent", "--show-error", "--fail", "--parallel", "--parallel-max", parallel.ToString(System.Globalization.CultureInfo.InvariantCulture), "--config", config })
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var curl = Start(start);
        var errors = curl.StandardError.ReadToEndAsync(cancellationToken);
        await curl.StandardOutput.ReadToEndAsync(cancellationToken);
        await curl.WaitForExitAsync(cancellationToken);
        var elapsed = clock.Elapsed;
        if (curl.ExitCode != 0)
        {
            throw new BenchmarkFailedException($"curl failed with exit code {curl.ExitCode}: {await errors}");
        }

        return elapsed;
    }

    public static async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("curl", "--version") { RedirectStandardOutput = true };
        using var curl = Start(start);
        var first = await curl.StandardOutput.ReadLineAsync(cancellationToken) ?? "";
        await curl.StandardOutput.ReadToEndAsync(cancellationToken);
        await curl.WaitForExitAsync(cancellationToken);
        return string.Join(' ', first.Split(' ').Take(2));
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new BenchmarkFailedException("curl could not be started");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BenchmarkFailedException("curl not found: install it (./ipsapi bench installs it on Debian)");
        }
    }
}
