using System.Globalization;
using System.Text;

namespace IpsApi.Bench.Delivery;

/// <summary>The delivery benchmark's figures, as the console table and as the RESULTS.md section.</summary>
public sealed class DeliveryResult(BenchOptions options, int images, Measure delivery, Measure thumbnails, DateTimeOffset date, string load)
{
    private const string DeliveryHeading = "/is/image (HTTP, catalog lookup, render)";
    private const string ThumbnailHeading = "libvips thumbnail (in-process)";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private IReadOnlyList<(string Figure, double Delivery, double Thumbnail, string Format)> Rows =>
    [
        ("renders/s", delivery.PerSecond, thumbnails.PerSecond, "0.0"),
        ("latency p50, ms", delivery.Percentile(0.5), thumbnails.Percentile(0.5), "0.0"),
        ("latency p95, ms", delivery.Percentile(0.95), thumbnails.Percentile(0.95), "0.0"),
    ];

    public string Table()
    {
        var lines = new List<string[]> { new[] { "figure", DeliveryHeading, ThumbnailHeading, "ratio" } };
        lines.AddRange(Rows.Select(r => new[] { r.Figure, r.Delivery.ToString(r.Format, Invariant), r.Thumbnail.ToString(r.Format, Invariant), Ratio(r) }));
        var widths = Enumerable.Range(0, 4).Select(c => lines.Max(l => l[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.AppendLine(string.Join("  ", line.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
        }

        text.Append(Invariant, $"{delivery.Count} renders each, {options.Clients} at a time, from {images} published pyramids of ");
        text.Append(Invariant, $"{DeliveryBenchmark.Width} x {DeliveryBenchmark.Height} pixels; JPEG {DeliveryBenchmark.Side} x {DeliveryBenchmark.Side * DeliveryBenchmark.Height / DeliveryBenchmark.Width}, quality {DeliveryBenchmark.Quality}.");
        return text.ToString();
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("## delivery: /is/image renders against libvips thumbnail");
        text.AppendLine();
        text.AppendLine(Invariant, $"- Command: `{options.Command}`");
        text.AppendLine(Invariant, $"- Date: {date:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(Invariant, $"- Machine: {MachineInfo.Describe()}; 1-minute load average around the measurements (this benchmark's own included): {load}");
        text.AppendLine(Invariant, $"- Input: {images} generated photo-like JPEGs of {DeliveryBenchmark.Width} x {DeliveryBenchmark.Height} pixels (24 megapixels), uploaded with uploadUrlsJob and published with imageServingPublishJob (Full): the pyramid TIFFs of the catalog are what both sides read");
        text.AppendLine(Invariant, $"- Work: {delivery.Count} requests `GET /is/image/bench/<name>?wid={DeliveryBenchmark.Side}&hei={DeliveryBenchmark.Side}&fmt=jpg&qlt={DeliveryBenchmark.Quality}` from {options.Clients} concurrent HTTP clients ({options.Requests} each, cycling over the images), against {thumbnails.Count} `thumbnail` calls of libvips (NetVips, in the same process, {options.Clients} at a time) with the same size and JPEG settings; after one unmeasured pass over every image on both sides");
        text.AppendLine();
        text.AppendLine(Invariant, $"| figure | {DeliveryHeading} | baseline: {ThumbnailHeading} | ratio (delivery ÷ baseline) |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var row in Rows)
        {
            text.AppendLine(Invariant, $"| {row.Figure} | {row.Delivery.ToString(row.Format, Invariant)} | {row.Thumbnail.ToString(row.Format, Invariant)} | {Ratio(row)} |");
        }

        text.AppendLine();
        text.AppendLine("Both sides read the nearest pyramid level rather than the full image (libvips thumbnail picks the level of a "
            + "pyramid TIFF itself). Delivery also pays for HTTP on loopback, the catalog lookup in PostgreSQL, parsing the "
            + "modifiers, the size check and the response headers; the client runs in the same process and on the same cores.");
        return text.ToString();
    }

    private static string Ratio((string Figure, double Delivery, double Thumbnail, string Format) row) =>
        (row.Delivery / row.Thumbnail).ToString("0.00", Invariant);
}
