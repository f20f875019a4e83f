using System.Globalization;
using System.Text;
using IpsApi.Assets.Processing;

namespace IpsApi.Bench.Ingest;

/// <summary>The ingest benchmark's figures, as the console table and as the RESULTS.md section.</summary>
public sealed class IngestResult(
    BenchOptions options, IReadOnlyList<BenchImage> images, JobMeasure job, TimeSpan curl, TimeSpan hand, string tools, DateTimeOffset date,
    string load)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private double Megabytes => images.Sum(i => i.Bytes) / 1e6;

    private IReadOnlyList<(string Figure, double Job, double Curl, double Hand, string Format)> Rows =>
    [
        ("files/s", images.Count / job.Elapsed.TotalSeconds, images.Count / curl.TotalSeconds, images.Count / hand.TotalSeconds, "0.0"),
        ("MB/s", Megabytes / job.Elapsed.TotalSeconds, Megabytes / curl.TotalSeconds, Megabytes / hand.TotalSeconds, "0.0"),
        ("seconds, submit to end", job.Elapsed.TotalSeconds, curl.TotalSeconds, hand.TotalSeconds, "0.0"),
    ];

    private const string JobHeading = "uploadUrlsJob (download + ingest)";
    private const string CurlHeading = "curl --parallel (download only)";
    private const string HandHeading = "curl + vips tiffsave by hand";

    /// <summary>The table for the console, aligned in columns.</summary>
    public string Table()
    {
        var lines = new List<string[]> { new[] { "figure", JobHeading, CurlHeading, "job ÷ curl", HandHeading, "job ÷ hand" } };
        lines.AddRange(Rows.Select(r => new[]
        {
            r.Figure, r.Job.ToString(r.Format, Invariant), r.Curl.ToString(r.Format, Invariant), Ratio(r.Job, r.Curl),
            r.Hand.ToString(r.Format, Invariant), Ratio(r.Job, r.Hand),
        }));
        var widths = Enumerable.Range(0, 6).Select(c => lines.Max(l => l[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.AppendLine(string.Join("  ", line.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
        }

        text.Append(Invariant, $"{images.Count} images, {Megabytes:0} MB, {options.Parallel} at a time. The job also decodes every image and ");
        text.Append("writes its optimized pyramid, checksum, catalog rows and job log; curl only writes the bytes; by hand, curl and vips make the pyramid too.");
        return text.ToString();
    }

    /// <summary>The RESULTS.md section: the table with the command, date and machine that produced it.</summary>
    public string Markdown()
    {
        var jpegs = images.Count(i => i.Name.EndsWith(".jpg", StringComparison.Ordinal));
        var processing = new ProcessingOptions();
        var text = new StringBuilder();
        text.AppendLine("## ingest: uploadUrlsJob against curl --parallel and against curl + vips by hand");
        text.AppendLine();
        text.AppendLine(Invariant, $"- Command: `{options.Command}`");
        text.AppendLine(Invariant, $"- Date: {date:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(Invariant, $"- Machine: {Machine()}; 1-minute load average around the measurements (this benchmark's own included): {load}");
        var sizes = string.Create(Invariant, $"{images.Min(i => i.Bytes) / 1e6:0.00}-{images.Max(i => i.Bytes) / 1e6:0.00} MB each");
        var pixels = string.Create(Invariant,
            $"{images.Min(i => (long)i.Width * i.Height) / 1e6:0.0}-{images.Max(i => (long)i.Width * i.Height) / 1e6:0.0} megapixels");
        text.AppendLine(Invariant, $"- Input: {images.Count} generated images ({jpegs} JPEG, {images.Count - jpegs} PNG; {sizes}, {Megabytes:0} MB in all; {pixels}) served from disk by a loopback HTTP server (Kestrel); MB = 10^6 bytes");
        text.AppendLine(Invariant, $"- Parallelism: {options.Parallel} files at a time for all three (`IPSAPI_DOWNLOADS__MAXPARALLEL`, `curl --parallel --parallel-max {options.Parallel}`, `xargs -P {options.Parallel}`); the server otherwise with its defaults, after an unmeasured warm-up job of {options.Parallel} images");
        text.AppendLine(Invariant, $"- By hand: `{HandPipeline.CommandOf(options.Parallel, processing.TileSize, processing.JpegQuality)}`, the server's tile size and JPEG quality given to vips");
        text.AppendLine();
        text.AppendLine(Invariant, $"| figure | {JobHeading} | baseline: {CurlHeading} | ratio (job ÷ curl) | baseline: {HandHeading} | ratio (job ÷ hand) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in Rows)
        {
            text.AppendLine(Invariant,
                $"| {row.Figure} | {row.Job.ToString(row.Format, Invariant)} | {row.Curl.ToString(row.Format, Invariant)} | {Ratio(row.Job, row.Curl)} | {row.Hand.ToString(row.Format, Invariant)} | {Ratio(row.Job, row.Hand)} |");
        }

        text.AppendLine();
        text.AppendLine("The curl line is not like for like, on purpose: the job's time runs from the submitJob request to the run's end and covers "
            + "the download **and** the ingest of every file (decode with libvips, optimized pyramid TIFF, SHA-256, atomic store, catalog "
            + "rows, job log with transfer and file counts), while curl only writes the bytes to disk; that ratio is the price of "
            + "turning downloads into assets, not a download slowdown. The hand-made line does the same downloads and pyramids with "
            + "the tools a person would use (a new curl and vips process per file, Debian's vips CLI rather than the libvips the "
            + "server runs): its ratio says how close the job comes to doing the work by hand (higher rate is better, 1.0 is par). "
            + string.Create(Invariant, $"Of the job's {job.Elapsed.TotalSeconds:0.0} s, {job.UntilStart.TotalSeconds:0.0} s passed before the run started (scheduler)."));
        return text.ToString();
    }

    private static string Ratio(double job, double baseline) => (job / baseline).ToString("0.00", Invariant);

    private string Machine() => $"{MachineInfo.Describe()}, {tools}";
}
