using System.Globalization;
using System.Text;

namespace IpsApi.Bench.Delivery;

/// <summary>The delivery benchmark's figures, as the console table and as the RESULTS.md section.</summary>
public sealed class DeliveryResult(
    BenchOptions options, int images, Measure delivery, Measure thumbnails, Measure repeated, Attack attack, DateTimeOffset date, string load)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string[] Heading = ["figure", "/is/image", "baseline", "ratio"];

    private IReadOnlyList<(string Figure, double Delivery, string Baseline, double BaselineValue)> Rows =>
    [
        ("renders/s, each request a new rendition", delivery.PerSecond, "libvips thumbnail, in-process", thumbnails.PerSecond),
        ("latency p50, ms", delivery.Percentile(0.5), "libvips thumbnail", thumbnails.Percentile(0.5)),
        ("latency p95, ms", delivery.Percentile(0.95), "libvips thumbnail", thumbnails.Percentile(0.95)),
        ("answers/s, repeated requests (rendition cache)", repeated.PerSecond, "libvips thumbnail", thumbnails.PerSecond),
        ("latency p50, ms, repeated requests", repeated.Percentile(0.5), "libvips thumbnail", thumbnails.Percentile(0.5)),
        ("latency p95, ms, repeated requests", repeated.Percentile(0.95), "libvips thumbnail", thumbnails.Percentile(0.95)),
        ("100 px render p50, ms, while one client keeps 12 expensive renders going", attack.UnderAttack.Percentile(0.5),
            "the same renders with nothing else running", attack.Alone.Percentile(0.5)),
        ("100 px render p95, ms, while one client keeps 12 expensive renders going", attack.UnderAttack.Percentile(0.95),
            "the same renders with nothing else running", attack.Alone.Percentile(0.95)),
    ];

    private string AttackerLine =>
        $"The attacking client was answered {string.Join(", ", attack.AttackerStatuses.Select(s => $"{s.Value} × {s.Key}"))}; "
        + $"its renders took {Median(attack.HeavyMs):0} ms at the median from request to answer (waiting for its own turn included).";

    public string Table()
    {
        var lines = new List<string[]> { Heading };
        lines.AddRange(Rows.Select(r => new[] { r.Figure, r.Delivery.ToString("0.0", Invariant), $"{r.BaselineValue.ToString("0.0", Invariant)} ({r.Baseline})", Ratio(r.Delivery, r.BaselineValue) }));
        var widths = Enumerable.Range(0, 4).Select(c => lines.Max(l => l[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.AppendLine(string.Join("  ", line.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
        }

        text.Append(Invariant, $"{delivery.Count} renders each, {options.Clients} at a time, from {images} published pyramids of ");
        text.AppendLine(Invariant, $"{DeliveryBenchmark.Width} x {DeliveryBenchmark.Height} pixels; JPEG {DeliveryBenchmark.Side} x {DeliveryBenchmark.Side * DeliveryBenchmark.Height / DeliveryBenchmark.Width}, quality {DeliveryBenchmark.Quality}.");
        text.Append(AttackerLine);
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
        text.AppendLine(Invariant, $"- Renders: {delivery.Count} requests `GET /is/image/bench/<name>?wid={DeliveryBenchmark.Side}&hei={DeliveryBenchmark.Side}&fmt=jpg&qlt={DeliveryBenchmark.Quality}&bgc=<new each time>` from {options.Clients} concurrent HTTP clients ({options.Requests} each, cycling over the images; the background colour, which a JPEG without transparency does not show, makes each a rendition the cache has not seen, so each one is rendered), against {thumbnails.Count} `thumbnail` calls of libvips (NetVips, in the same process, {options.Clients} at a time) with the same size and JPEG settings; after one unmeasured pass over every image on both sides");
        text.AppendLine(Invariant, $"- Repeated requests: {repeated.Count} requests of the same {images} URLs (without `bgc`) by the same clients, after one unmeasured pass: answered from the rendition cache");
        text.AppendLine(Invariant, $"- Attack: one client address keeps 12 requests going for expensive renders (`wid=3000&rotate=30&fmt=webp`, each a new rendition), another asks for {attack.Alone.Count} renders of 100 pixels one after the other (each new); against the same {attack.Alone.Count} small renders with nothing else running, in the same run");
        text.AppendLine("- Server: delivery defaults (render slots 2 × processors, queue 4 × slots, requests in progress per client half the slots, rendition cache 128 MiB) except the per-client request rate, off: it would cut the repeated pass short. Every client connects from a loopback address of its own (127.0.0.x), as separate machines would");
        text.AppendLine();
        text.AppendLine("| figure | /is/image | baseline | baseline value | ratio (delivery ÷ baseline) |");
        text.AppendLine("|---|---:|---|---:|---:|");
        foreach (var row in Rows)
        {
            text.AppendLine(Invariant, $"| {row.Figure} | {row.Delivery.ToString("0.0", Invariant)} | {row.Baseline} | {row.BaselineValue.ToString("0.0", Invariant)} | {Ratio(row.Delivery, row.BaselineValue)} |");
        }

        text.AppendLine();
        text.AppendLine(AttackerLine);
        text.AppendLine();
        text.AppendLine("Both sides read the nearest pyramid level rather than the full image (libvips thumbnail picks the level of a "
            + "pyramid TIFF itself). Delivery also pays for HTTP on loopback, the catalog lookup in PostgreSQL, parsing the "
            + "modifiers, the size check and the response headers; the client runs in the same process and on the same cores. "
            + "A repeated request costs the lookup and no render. Under the attack the attacking client holds at most its own "
            + "share of the render slots; the rest of its requests wait in a queue of its own, so the small renders of another "
            + "client find a free slot.");
        return text.ToString();
    }

    private static double Median(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

    private static string Ratio(double value, double baseline) => (value / baseline).ToString("0.00", Invariant);
}
