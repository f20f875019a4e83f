using System.Globalization;
using System.Text;
using IpsApi.Assets.Processing;
using IpsApi.Bench.Ingest;

namespace IpsApi.Bench.Upload;

/// <summary>The upload benchmark's figures, as the console table and as the RESULTS.md section.</summary>
public sealed class UploadResult(
    BenchOptions options, IReadOnlyList<BenchImage> images, UploadMeasure server, UploadMeasure unflushed, UploadMeasure whileIngesting,
    UploadMeasure bare, UploadMeasure bareSync, JobMeasure job,
    TimeSpan hand, (long Bytes, UploadMeasure Posts)? big, string tools, DateTimeOffset date, string load)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>How much the receiver's memory may grow while the POSTs go in and still count as flat.</summary>
    private const double FlatMiB = 100;

    private static readonly string[] Headings = ["figure", "goal", "measured", "baseline (same run)", "ratio", "met"];

    private double Megabytes => images.Sum(i => i.Bytes) / 1e6;

    private IReadOnlyList<(string Figure, string Goal, string Measured, string Baseline, string Ratio, string Met)> Rows
    {
        get
        {
            var rows = new List<(string, string, string, string, string, string)>
            {
                ($"MB/s accepted, {options.Parallel} connections (files flushed to the disk, the default)", "≥ 80% of baseline", F(server.MegabytesPerSecond),
                    $"{F(bareSync.MegabytesPerSecond)} (bare Kestrel writing each body and flushing it)", R(server.MegabytesPerSecond / bareSync.MegabytesPerSecond),
                    Met(server.MegabytesPerSecond >= 0.8 * bareSync.MegabytesPerSecond)),
                ($"MB/s accepted, {options.Parallel} connections, IPSAPI_UPLOADS__SYNCTODISK=false", "≥ 80% of baseline", F(unflushed.MegabytesPerSecond),
                    $"{F(bare.MegabytesPerSecond)} (bare Kestrel writing each body)", R(unflushed.MegabytesPerSecond / bare.MegabytesPerSecond),
                    Met(unflushed.MegabytesPerSecond >= 0.8 * bare.MegabytesPerSecond)),
                ("  the default against the bare endpoint that does not flush", "", F(server.MegabytesPerSecond),
                    $"{F(bare.MegabytesPerSecond)} (bare Kestrel writing each body)", R(server.MegabytesPerSecond / bare.MegabytesPerSecond), ""),
                ("receiver RSS while the POSTs went in, MiB (first-max-last)", $"flat (peak ≤ first + {FlatMiB:0})", server.Rss,
                    $"{bareSync.Rss} (bare Kestrel)", R(server.RssMaxMiB / bareSync.RssMaxMiB), Met(server.RssMaxMiB - server.RssFirstMiB <= FlatMiB)),
                ("MB/s accepted while the job ingests what came", "", F(whileIngesting.MegabytesPerSecond),
                    $"{F(bare.MegabytesPerSecond)} (bare Kestrel)", R(whileIngesting.MegabytesPerSecond / bare.MegabytesPerSecond), ""),
                ("  server RSS meanwhile, MiB (first-max-last)", "", whileIngesting.Rss, "", "", ""),
                ("files/s, first POST to the job's end (every file an asset)", "≥ 1.0 of by hand", F(images.Count / job.Elapsed.TotalSeconds),
                    $"{F(images.Count / hand.TotalSeconds)} (curl + vips tiffsave by hand, {options.Parallel} at a time)",
                    R(hand.TotalSeconds / job.Elapsed.TotalSeconds), Met(job.Elapsed <= hand)),
                ("  seconds, first POST to the job's end", "", F(job.Elapsed.TotalSeconds), F(hand.TotalSeconds), R(job.Elapsed.TotalSeconds / hand.TotalSeconds), ""),
            };
            if (big is { } file)
            {
                rows.Add(($"one file of {file.Bytes / (1024.0 * 1024 * 1024):0.#} GiB: server RSS, MiB (first-max-last)", $"flat (peak ≤ first + {FlatMiB:0})",
                    file.Posts.Rss, $"{F(file.Posts.MegabytesPerSecond)} MB/s accepted", "", Met(file.Posts.RssMaxMiB - file.Posts.RssFirstMiB <= FlatMiB)));
            }

            return rows;
        }
    }

    public string Table()
    {
        var lines = new List<string[]> { Headings };
        lines.AddRange(Rows.Select(r => new[] { r.Figure, r.Goal, r.Measured, r.Baseline, r.Ratio, r.Met }));
        var widths = Enumerable.Range(0, 6).Select(c => lines.Max(l => l[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.AppendLine(string.Join("  ", line.Select((cell, c) => c is 0 or 1 or 3 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
        }

        text.Append(Invariant, $"{images.Count} images, {Megabytes:0} MB, one file per POST.");
        return text.ToString();
    }

    public string Markdown()
    {
        var jpegs = images.Count(i => i.Name.EndsWith(".jpg", StringComparison.Ordinal));
        var processing = new ProcessingOptions();
        var text = new StringBuilder();
        text.AppendLine("## upload: the UploadFile endpoint against bare Kestrel, and its job against curl + vips by hand");
        text.AppendLine();
        text.AppendLine(Invariant, $"- Command: `{options.Command}`");
        text.AppendLine(Invariant, $"- Date: {date:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(Invariant, $"- Machine: {MachineInfo.Describe()}, {tools}; 1-minute load average around the measurements (this benchmark's own included): {load}");
        text.AppendLine(Invariant, $"- Input: the images of `bench ingest`: {images.Count} generated images ({jpegs} JPEG, {images.Count - jpegs} PNG; {Megabytes:0} MB in all; MB = 10^6 bytes)");
        text.AppendLine(Invariant, $"- POSTs: one upload job: the first POST opens it (jobName) with one file, the others carry one file each and its jobHandle, {options.Parallel} at a time over {options.Parallel} connections (HttpClient, MultipartFormDataContent streaming each file from disk), a last one endJob=true; the same bodies to each receiver, after an unmeasured warm-up of {options.Parallel} such POSTs and 200 of 4 KB files");
        text.AppendLine("- Receivers, each a child process whose RSS is read every 100 ms: the job server with its defaults (files flushed to the disk before the answer, `IPSAPI_UPLOADS__SYNCTODISK`), on a database of its own; a bare Kestrel endpoint that writes each body to a file; the same flushing each file to the disk before it answers");
        text.AppendLine("- The server three times: with its runs held (the dispatcher in standby until the last POST is answered), so the figure is the endpoint's alone, once as it is by default and once on a node with `IPSAPI_UPLOADS__SYNCTODISK=false` (each compared with the bare endpoint that does the same to the disk); then as a job that ingests its files while the POSTs come in, on the same processors, which is the job time's run");
        text.AppendLine(Invariant, $"- By hand: `{HandPipeline.CommandOf(options.Parallel, processing.TileSize, processing.JpegQuality)}` over the same images from a loopback HTTP server");
        text.AppendLine();
        text.AppendLine("| figure | goal | measured | baseline (same run) | ratio | met |");
        text.AppendLine("|---|---|---:|---:|---:|---|");
        foreach (var row in Rows)
        {
            text.AppendLine(Invariant, $"| {row.Figure} | {row.Goal} | {row.Measured} | {row.Baseline} | {row.Ratio} | {row.Met} |");
        }

        text.AppendLine();
        text.AppendLine("MB/s accepted: the files' bytes over the time from the first POST to the answer of the last. The server reads each "
            + "multipart body, authenticates every POST, writes each file to disk and flushes it, and commits the file's row before "
            + "it answers; the bare endpoints only write the body. The job's time runs from the first POST to the run's end, every "
            + "file an asset (pyramid, checksum, rows, log); by hand, curl and vips make the same pyramids, a process of each per file. "
            + string.Create(Invariant, $"Of the job's {job.Elapsed.TotalSeconds:0.0} s, {job.UntilStart.TotalSeconds:0.0} s passed before its run started."));
        return text.ToString();
    }

    private static string F(double value) => value.ToString("0.0", Invariant);

    private static string R(double value) => value.ToString("0.00", Invariant);

    private static string Met(bool met) => met ? "yes" : "**no**";
}
