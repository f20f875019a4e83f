using System.Globalization;
using System.Text;
using IpsApi.IntegrationTests.Interop;

namespace IpsApi.IntegrationTests.Reliability;

/// <summary>
/// The reliability suite runs in two sizes: bounded inside `./ipsapi test` (CI), and full size with
/// `./ipsapi reliability` (IPSAPI_RELIABILITY=full), which also rewrites its section of docs/RELIABILITY.md.
/// </summary>
public static class ReliabilityRun
{
    /// <summary>The suite's tests run one after another: each starts server processes and measures them.</summary>
    public const string Collection = "reliability";

    public static bool Full => Scale >= 1;

    /// <summary>
    /// IPSAPI_RELIABILITY: "full" (1), nothing (0: the bounded CI sizes), or a fraction in between, e.g. 0.25 for a
    /// quarter of the way from the bounded to the full sizes, when there is not an hour to spare.
    /// </summary>
    public static double Scale { get; } = Environment.GetEnvironmentVariable("IPSAPI_RELIABILITY") switch
    {
        "full" => 1,
        { Length: > 0 } value when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) => Math.Clamp(f, 0, 1),
        _ => 0,
    };

    /// <summary>Writes docs/RELIABILITY.md sections (always on with `./ipsapi reliability`, or IPSAPI_RELIABILITY_REPORT=1).</summary>
    public static bool Report => Environment.GetEnvironmentVariable("IPSAPI_RELIABILITY_REPORT") == "1";

    public static int Size(int bounded, int full) => (int)Math.Round(bounded + ((full - bounded) * Scale));

    public static string Document => Path.Combine(RepoPaths.Root, "docs", "RELIABILITY.md");

    /// <summary>
    /// Replaces the section between &lt;!-- reliability:NAME --&gt; markers with a table of what was tried, with
    /// the date, the size mode and the machine's load. Without <see cref="Report"/> it only goes to the test output.
    /// </summary>
    public static void Record(string name, string title, IEnumerable<Outcome> rows, string? notes = null)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {title}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {SizeName}, {Environment.ProcessorCount} cores, load average {LoadAverage()} at the end.");
        text.AppendLine();
        text.AppendLine("| tried | times | held | figures |");
        text.AppendLine("|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Tried} | {row.Times} | {row.Held} | {row.Figures} |");
        }

        if (notes is not null)
        {
            text.AppendLine();
            text.AppendLine(notes);
        }

        var section = text.ToString().TrimEnd();
        Console.WriteLine(section);
        if (!Report)
        {
            return;
        }

        lock (typeof(ReliabilityRun))
        {
            var begin = $"<!-- reliability:{name} -->";
            var end = $"<!-- /reliability:{name} -->";
            var document = File.Exists(Document) ? File.ReadAllText(Document) : "# Reliability\n";
            var block = $"{begin}\n{section}\n{end}";
            var at = document.IndexOf(begin, StringComparison.Ordinal);
            var until = document.IndexOf(end, StringComparison.Ordinal);
            document = at >= 0 && until > at
                ? document[..at] + block + document[(until + end.Length)..]
                : document.TrimEnd() + "\n\n" + block + "\n";
            File.WriteAllText(Document, document);
        }
    }

    /// <summary>
    /// Adds one row to a section that several tests share (the security findings): the row whose "tried" is the
    /// same is replaced, the others are kept, so each test writes its own attack beside the others'.
    /// </summary>
    public static void RecordRow(string name, string title, Outcome row, string? notes = null)
    {
        Console.WriteLine($"| {row.Tried} | {row.Times} | {row.Held} | {row.Figures} |");
        if (!Report)
        {
            return;
        }

        lock (typeof(ReliabilityRun))
        {
            var begin = $"<!-- reliability:{name} -->";
            var end = $"<!-- /reliability:{name} -->";
            var document = File.Exists(Document) ? File.ReadAllText(Document) : "# Reliability\n";
            var at = document.IndexOf(begin, StringComparison.Ordinal);
            var until = document.IndexOf(end, StringComparison.Ordinal);
            var rows = new List<Outcome>();
            string? kept = notes;
            if (at >= 0 && until > at)
            {
                var lines = document[(at + begin.Length)..until].Split('\n');
                var table = lines.SkipWhile(l => !l.StartsWith("|---", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.StartsWith("| ", StringComparison.Ordinal));
                rows.AddRange(table.Select(l => l.Trim().Trim('|').Split(" | ")).Where(c => c.Length == 4)
                    .Select(c => new Outcome(c[0].Trim(), c[1].Trim(), c[2].Trim(), c[3].Trim())));
                kept ??= string.Join('\n', lines.SkipWhile(l => !l.StartsWith("|---", StringComparison.Ordinal)).Skip(1)
                    .SkipWhile(l => l.StartsWith("| ", StringComparison.Ordinal))).Trim() is { Length: > 0 } n ? n : null;
            }

            var index = rows.FindIndex(r => r.Tried == row.Tried);
            if (index >= 0)
            {
                rows[index] = row;
            }
            else
            {
                rows.Add(row);
            }

            Record(name, title, rows, kept);
        }
    }

    private static string SizeName => Scale switch
    {
        >= 1 => "full size",
        <= 0 => "bounded (CI) size",
        _ => $"sizes {Scale.ToString("0.##", CultureInfo.InvariantCulture)} of the way from bounded to full",
    };

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    public static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    public static string Ms(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>The p-th percentile (0-100) of <paramref name="values"/>, nearest rank.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.OrderBy(v => v).ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>One row of a reliability table.</summary>
public sealed record Outcome(string Tried, string Times, string Held, string Figures);
