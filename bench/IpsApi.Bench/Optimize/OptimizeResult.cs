using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using IpsApi.Bench.Ingest;

namespace IpsApi.Bench.Optimize;

/// <summary>The optimize benchmark's figures, as the console table and as the RESULTS.md section.</summary>
public sealed class OptimizeResult(
    BenchOptions options, IReadOnlyList<BenchImage> images, JobMeasure job, (TimeSpan Before, TimeSpan After) vipsRuns, int tileSize, int quality,
    string vipsVersion, DateTimeOffset date, string load)
{
    /// <summary>The baseline's time: the mean of its run before the job and its run after it.</summary>
    private readonly TimeSpan _vips = (vipsRuns.Before + vipsRuns.After) / 2;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private double Megapixels => images.Sum(i => (double)i.Width * i.Height) / 1e6;

    private IReadOnlyList<(string Figure, double Job, double Vips, string Format)> Rows =>
    [
        ("images/s", images.Count / job.Elapsed.TotalSeconds, images.Count / _vips.TotalSeconds, "0.00"),
        ("megapixels/s", Megapixels / job.Elapsed.TotalSeconds, Megapixels / _vips.TotalSeconds, "0.0"),
        ("seconds, submit to end", job.Elapsed.TotalSeconds, _vips.TotalSeconds, "0.0"),
    ];

    private const string JobHeading = "optimizeImagesJob";
    private const string VipsHeading = "vips tiffsave CLI";

    /// <summary>The table for the console, aligned in columns.</summary>
    public string Table()
    {
        var lines = new List<string[]> { new[] { "figure", JobHeading, VipsHeading, "ratio (job ÷ vips)" } };
        lines.AddRange(Rows.Select(r => new[] { r.Figure, r.Job.ToString(r.Format, Invariant), r.Vips.ToString(r.Format, Invariant), Ratio(r.Job, r.Vips) }));
        var widths = Enumerable.Range(0, 4).Select(c => lines.Max(l => l[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.AppendLine(string.Join("  ", line.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
        }

        text.Append(Invariant, $"{images.Count} images, {Megapixels:0} megapixels, one image at a time in both, libvips threads: its default. ");
        text.Append(Invariant, $"vips: {vipsRuns.Before.TotalSeconds:0.0} s before the job, {vipsRuns.After.TotalSeconds:0.0} s after it, their mean above.");
        return text.ToString();
    }

    /// <summary>The RESULTS.md section: the table with the command, date and machine that produced it.</summary>
    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("## optimize: optimizeImagesJob against the vips command line");
        text.AppendLine();
        text.AppendLine(Invariant, $"- Command: `{options.Command}`");
        text.AppendLine(Invariant, $"- Date: {date:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(Invariant, $"- Machine: {Machine()}; 1-minute load average around the measurements (this benchmark's own included): {load}");
        var pixels = string.Create(Invariant,
            $"{images.Min(i => (long)i.Width * i.Height) / 1e6:0.0}-{images.Max(i => (long)i.Width * i.Height) / 1e6:0.0} megapixels each, {Megapixels:0} in all");
        text.AppendLine(Invariant, $"- Input: {images.Count} generated JPEGs ({pixels}; {images.Sum(i => i.Bytes) / 1e6:0} MB), in the company's catalog as image assets without an optimized pyramid");
        text.AppendLine(Invariant, $"- Output: tiled pyramid TIFF, {tileSize}x{tileSize} JPEG tiles at quality {quality} (the server's `IPSAPI_PROCESSING__TILESIZE`, `__JPEGQUALITY` defaults; the same options given to vips)");
        text.AppendLine(Invariant, $"- Parallelism: one image at a time in both (the job works through its images in turn; the baseline runs `{VipsBaseline.CommandOf(tileSize, quality)}` once per file, one after the other); inside each image libvips uses its default thread pool (`VIPS_CONCURRENCY` unset: {Environment.ProcessorCount} threads on this machine) in both");
        text.AppendLine(Invariant, $"- Job server: its defaults, after an unmeasured warm-up optimize of one image");
        text.AppendLine(Invariant, $"- Baseline: run once before the job ({vipsRuns.Before.TotalSeconds:0.0} s) and once after it ({vipsRuns.After.TotalSeconds:0.0} s); the table has their mean");
        text.AppendLine();
        text.AppendLine(Invariant, $"| figure | {JobHeading} | baseline: {VipsHeading} | ratio (job ÷ vips) |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var row in Rows)
        {
            text.AppendLine(Invariant, $"| {row.Figure} | {row.Job.ToString(row.Format, Invariant)} | {row.Vips.ToString(row.Format, Invariant)} | {Ratio(row.Job, row.Vips)} |");
        }

        text.AppendLine();
        text.AppendLine("The job's time runs from the submitJob request to the run's end. Besides the pyramid it writes what vips does "
            + "not: edges of every level padded with edge pixels and trimmed back (no dark JPEG fringes), the pyramid moved into "
            + "the store, the asset's rendition rows replaced in one transaction, the old pyramid deleted, and per image a "
            + "BeginReoptimize and ReoptimizeSuccess record, a checkpoint and progress. vips starts a new process per file, and "
            + "the CLI is Debian's libvips build while the server runs the one NetVips ships (versions under Machine), so part of "
            + "any difference is the libvips version and its codecs. "
            + string.Create(Invariant, $"Of the job's {job.Elapsed.TotalSeconds:0.0} s, {job.UntilStart.TotalSeconds:0.0} s passed before the run started (scheduler)."));
        return text.ToString();
    }

    private static string Ratio(double job, double vips) => (job / vips).ToString("0.00", Invariant);

    private string Machine()
    {
        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            ? $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Invariant) / 1024.0 / 1024.0:0.0} GiB memory"
            : "memory unknown";
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            ?? "CPU model unknown";
        var netVips = $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}";
        return string.Create(Invariant,
            $"nproc {Environment.ProcessorCount} ({cpu}), {memory}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, job server's libvips {netVips} (NetVips), CLI {vipsVersion} (Debian libvips-tools)");
    }
}
