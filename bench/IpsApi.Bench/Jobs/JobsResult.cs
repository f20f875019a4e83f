using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace IpsApi.Bench.Jobs;

/// <summary>The figures of 'bench jobs', each with its goal and same-run baseline, for the console and RESULTS.md.</summary>
public sealed class JobsResult(JobsOptions options)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public string LoadBefore { get; set; } = "unknown";

    public string LoadAfter { get; set; } = "unknown";

    public SubmitMeasure? BareSubmit { get; set; }

    public SubmitMeasure? ServerSubmit { get; set; }

    public double[]? ServerDispatch { get; set; }

    public double[]? QuartzDispatch { get; set; }

    public DrainMeasure? OneNodeDrain { get; set; }

    public DrainMeasure? TwoNodeDrain { get; set; }

    public DrainMeasure? QuartzDrain { get; set; }

    private sealed record Row(string Figure, string Goal, string Measured, string Baseline, string Ratio, bool? Met);

    private IEnumerable<Row> Rows()
    {
        if (ServerSubmit is { } s && BareSubmit is { } b)
        {
            yield return new Row($"submitJob accepted/s, {options.Clients} clients, {options.Seconds} s", "≥ 25% of baseline and ≥ 1,000/s",
                F(s.PerSecond, "0"), F(b.PerSecond, "0") + " (bare Kestrel + Npgsql INSERT)", F(s.PerSecond / b.PerSecond, "0.00"),
                s.PerSecond >= 0.25 * b.PerSecond && s.PerSecond >= 1000);
            yield return new Row("submitJob latency p99 at that load, ms", "≤ 50", F(s.Percentile(99), "0.0"),
                F(b.Percentile(99), "0.0") + " (same)", F(s.Percentile(99) / b.Percentile(99), "0.00"), s.Percentile(99) <= 50);
            yield return new Row("  (p50 at that load, ms)", "", F(s.Percentile(50), "0.0"), F(b.Percentile(50), "0.0"),
                F(s.Percentile(50) / b.Percentile(50), "0.00"), null);
            var rss = s.RssMiB.ToArray();
            var bareRss = b.RssMiB.ToArray();
            // Flat: the second half of the load never goes more than 10% above the first half's peak.
            var half = rss.Length / 2;
            var flat = rss.Length < 4 || rss[half..].Max() <= rss[..half].Max() * 1.1;
            yield return new Row("server RSS under that load, MiB (first-max-last sample)", "≤ 300, flat",
                Span(rss), Span(bareRss) + " (bare endpoint)", F(Max(rss) / Max(bareRss), "0.00"), Max(rss) * 1.048576 <= 300 && flat);
        }

        if (ServerDispatch is { } d && QuartzDispatch is { } q)
        {
            yield return new Row($"idle dispatch p50, ms ({d.Length} jobs one at a time)", "≤ 50", F(Stats.Percentile(d, 50), "0.0"),
                F(Stats.Percentile(q, 50), "0.0") + " (plain Quartz one-shot trigger)", F(Stats.Percentile(d, 50) / Stats.Percentile(q, 50), "0.00"),
                Stats.Percentile(d, 50) <= 50);
            yield return new Row("idle dispatch p99, ms", "≤ 200", F(Stats.Percentile(d, 99), "0.0"), F(Stats.Percentile(q, 99), "0.0") + " (same)",
                F(Stats.Percentile(d, 99) / Stats.Percentile(q, 99), "0.00"), Stats.Percentile(d, 99) <= 200);
        }

        if (OneNodeDrain is { } one && QuartzDrain is { } plain)
        {
            yield return new Row($"drain of {one.Jobs} no-op jobs, one node, jobs/s", "≥ 350", F(one.PerSecond, "0"),
                F(plain.PerSecond, "0") + " (plain Quartz 4, one ScheduleJob per job)", F(one.PerSecond / plain.PerSecond, "0.00"), one.PerSecond >= 350);
        }

        if (OneNodeDrain is { } single && TwoNodeDrain is { } two)
        {
            yield return new Row("the same drain, two nodes, jobs/s", "≥ 1.6 × one node", F(two.PerSecond, "0"), F(single.PerSecond, "0") + " (one node)",
                F(two.PerSecond / single.PerSecond, "0.00"), two.PerSecond >= 1.6 * single.PerSecond);
        }
    }

    private static readonly string[] Headings = ["figure", "goal", "measured", "baseline", "ratio", "met"];

    public string Table()
    {
        var lines = new List<string[]> { Headings };
        lines.AddRange(Rows().Select(r => new[] { r.Figure, r.Goal, r.Measured, r.Baseline, r.Ratio, Met(r.Met) }));
        var widths = Enumerable.Range(0, 6).Select(c => lines.Max(l => l[c].Length)).ToArray();
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
        text.AppendLine("## jobs: submitJob at the door, dispatch and drain in the engine");
        text.AppendLine();
        text.AppendLine(Invariant, $"- Command: `{options.Command}`");
        text.AppendLine(Invariant, $"- Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; commit {Commit()}");
        text.AppendLine(Invariant, $"- Machine: {Machine()}; 1-minute load average around the measurements (this benchmark's own included): {LoadBefore} before, {LoadAfter} after");
        text.AppendLine(Invariant, $"- Database: {PostgresVersion}; every server under test is a child process on a fresh database");
        text.AppendLine();
        text.AppendLine("| figure | goal | measured | baseline (same run) | ratio | met |");
        text.AppendLine("|---|---|---:|---:|---:|---|");
        foreach (var row in Rows())
        {
            text.AppendLine(Invariant, $"| {row.Figure} | {row.Goal} | {row.Measured} | {row.Baseline} | {row.Ratio} | {Met(row.Met)} |");
        }

        text.AppendLine();
        text.AppendLine("Counters of this run:");
        text.AppendLine();
        if (ServerSubmit is { } s)
        {
            text.AppendLine(Invariant, $"- submit: {s.Accepted} jobs accepted in {s.Elapsed.TotalSeconds:0.0} s, {s.Failed} refused; {s.CommitsPerJob:0.00} PostgreSQL transactions (xact_commit, read-only ones included) per accepted job (authentication and company lookups and the scheduler's own polling included; the submits themselves share one transaction per group)");
        }

        foreach (var (label, of) in Drains)
        {
            if (of(this) is { } d)
            {
                var cpu = d.NodeCpuMsPerJob is { } node && d.PostgresCpuMsPerJob is { } postgres && d.CoresBusy is { } busy
                    ? $"; CPU per job {node:0.00} ms in the node(s) and {postgres:0.00} ms in PostgreSQL, on average {busy:0.00} of the machine's {Environment.ProcessorCount} cores busy with them while measured"
                    : "";
                text.AppendLine(Invariant, $"- drain, {label}: {d.Elapsed.TotalSeconds:0.0} s for {d.Jobs} jobs (runs per node {string.Join('/', d.RunsPerNode)}), {d.CommitsPerJob:0.0} transactions per job{cpu}; the backlog was stored in {d.Submitted.TotalSeconds:0.0} s beforehand");
            }
        }

        return text.ToString();
    }

    public string PostgresVersion { get; set; } = "PostgreSQL";

    private static double Max(double[] samples) => samples.Length == 0 ? double.NaN : samples.Max();

    private static string Span(double[] samples) =>
        samples.Length == 0 ? "n/a" : $"{F(samples[0], "0")}-{F(samples.Max(), "0")}-{F(samples[^1], "0")}";

    private static readonly (string, Func<JobsResult, DrainMeasure?>)[] Drains =
        [("one node", r => r.OneNodeDrain), ("two nodes", r => r.TwoNodeDrain), ("plain Quartz", r => r.QuartzDrain)];

    private static string Met(bool? met) => met switch { true => "yes", false => "**no**", null => "" };

    private static string F(double value, string format) => value.ToString(format, Invariant);

    private static string Commit()
    {
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, UseShellExecute = false };
            using var git = System.Diagnostics.Process.Start(start)!;
            var head = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            start = new System.Diagnostics.ProcessStartInfo("git", "status --porcelain --untracked-files=no") { RedirectStandardOutput = true, UseShellExecute = false };
            using var status = System.Diagnostics.Process.Start(start)!;
            var dirty = status.StandardOutput.ReadToEnd().Trim().Length > 0;
            status.WaitForExit();
            return dirty ? $"{head} (with uncommitted changes)" : head;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static string Machine()
    {
        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            ? $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Invariant) / 1024.0 / 1024.0:0.0} GiB memory"
            : "memory unknown";
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            ?? "CPU model unknown";
        return string.Create(Invariant, $"nproc {Environment.ProcessorCount} ({cpu}), {memory}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    }
}
