using System.Globalization;
using System.Text;

namespace IpsApi.Bench.Search;

/// <summary>One operation's figures: through the server, the baseline statement, and that statement's plan.</summary>
public sealed record SearchRow(SearchOperation Operation, LoadMeasure Server, LoadMeasure Baseline, string Plan)
{
    /// <summary>The goals: p95 ≤ 50 ms, ≥ 500 calls/s, and at least half the baseline's throughput.</summary>
    public bool Met => Server.Percentile(95) <= 50 && Server.PerSecond >= 500 && Server.PerSecond >= 0.5 * Baseline.PerSecond;
}

/// <summary>The figures of 'bench search' for the console and RESULTS.md.</summary>
public sealed class SearchResult(SearchOptions options)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public string LoadBefore { get; set; } = "unknown";

    public string LoadAfter { get; set; } = "unknown";

    public string PostgresVersion { get; set; } = "PostgreSQL";

    public TimeSpan Generation { get; set; }

    public List<SearchRow> Rows { get; } = [];

    private static readonly string[] Headings =
        ["operation", "server p95 ms", "server calls/s", "baseline p95 ms", "baseline calls/s", "server/baseline calls", "goals met"];

    private static string[] Cells(SearchRow row) =>
    [
        row.Operation.Title, F(row.Server.Percentile(95), "0.0"), F(row.Server.PerSecond, "0"), F(row.Baseline.Percentile(95), "0.0"),
        F(row.Baseline.PerSecond, "0"), F(row.Server.PerSecond / row.Baseline.PerSecond, "0.00"), row.Met ? "yes" : "**no**",
    ];

    public string Table()
    {
        var lines = new List<string[]> { Headings };
        lines.AddRange(Rows.Select(Cells));
        var widths = Enumerable.Range(0, Headings.Length).Select(c => lines.Max(l => l[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.AppendLine(string.Join("  ", line.Select((cell, c) => cell.PadRight(widths[c]))));
        }

        text.Append(Invariant, $"Load average (1 min): {LoadBefore} before, {LoadAfter} after.");
        return text.ToString();
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("## search: finding assets in a company of a million");
        text.AppendLine();
        text.AppendLine(Invariant, $"- Command: `{options.Command}`");
        text.AppendLine(Invariant, $"- Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(Invariant, $"- Machine: {MachineInfo.Describe()}; 1-minute load average around the measurements (this benchmark's own included): {LoadBefore} before, {LoadAfter} after");
        text.AppendLine(Invariant, $"- Database: {PostgresVersion}; {options.Assets:N0} generated asset rows (no files) with 2 metadata fields each in {options.Folders:N0} folders under 100 top folders, made in {Generation.TotalSeconds:0} s; the server is a child process on that database");
        text.AppendLine(Invariant, $"- Load: {options.Clients} clients, {options.Seconds} s per figure after a 3 s warm-up. Baseline: the operation's one SQL statement, as the server's AssetCatalog builds it for that call, run through Npgsql by {options.Clients} connections in the benchmark process (no HTTP, SOAP, authentication or XML), its rows read");
        text.AppendLine("- Goals: p95 ≤ 50 ms, ≥ 500 calls/s, and ≥ 50% of the baseline's calls/s");
        text.AppendLine();
        text.AppendLine("| operation | server p95 ms | server calls/s | baseline p95 ms | baseline calls/s | server/baseline calls | goals met |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var row in Rows)
        {
            text.AppendLine("| " + string.Join(" | ", Cells(row)) + " |");
        }

        text.AppendLine();
        text.AppendLine("Plans of the baseline statements (EXPLAIN ANALYZE, BUFFERS) on the generated data, the first call of each:");
        foreach (var row in Rows)
        {
            text.AppendLine();
            text.AppendLine(Invariant, $"{row.Operation.Title}:");
            text.AppendLine();
            text.AppendLine("```");
            text.AppendLine(row.Plan);
            text.AppendLine("```");
        }

        return text.ToString();
    }

    private static string F(double value, string format) => value.ToString(format, Invariant);
}
