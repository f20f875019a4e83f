using System.Text;

namespace IpsApi.Bench;

/// <summary>
/// bench/RESULTS.md: one section per benchmark between markers, so a benchmark replaces its own last result
/// and leaves the others' as they were.
/// </summary>
public static class ResultsFile
{
    private const string Heading =
        """
        # Benchmark results

        Made with `./ipsapi bench <name>` (see docs/BENCHMARKS.md). Each section is replaced by the next run of its
        benchmark; compare figures only with a baseline measured in the same run on the same machine.

        """;

    public static async Task RecordAsync(string path, string benchmark, string section, CancellationToken cancellationToken)
    {
        var begin = $"<!-- bench:{benchmark} -->";
        var end = $"<!-- /bench:{benchmark} -->";
        var block = $"{begin}\n{section.TrimEnd()}\n{end}";
        var text = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : Heading;
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + block + text[(to + end.Length)..]
            : text.TrimEnd() + "\n\n" + block + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, text, new UTF8Encoding(false), cancellationToken);
    }
}
