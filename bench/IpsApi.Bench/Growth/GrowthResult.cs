using System.Globalization;
using System.Text;
using IpsApi.Bench.Jobs;
using IpsApi.Jobs.Database;

namespace IpsApi.Bench.Growth;

/// <summary>The figures of 'bench growth', for the console and RESULTS.md.</summary>
public sealed class GrowthResult(GrowthOptions options)
{
    private const double GoalMs = 50;
    private const double GoalRatio = 1.5;
    public static readonly string[] SizeTables = ["job_log_details", "job_runs", "job_task_progress", "jobs", "outbox", "job_queue"];

    public string Machine { get; set; } = "";

    public string Postgres { get; set; } = "";

    public string LoadBefore { get; set; } = "unknown";

    public string LoadAfter { get; set; } = "unknown";

    public double? LoadSeconds { get; set; }

    public HistoryCounts Counts { get; set; } = new(0, 0, 0, 0);

    public HistoryCounts EmptyCounts { get; set; } = new(0, 0, 0, 0);

    public List<(string Call, CallMeasure Grown, CallMeasure Empty)> Calls { get; } = [];

    public SubmitMeasure? QuietSubmits { get; set; }

    public SubmitMeasure? PassSubmits { get; set; }

    public CleanerPass? Pass { get; set; }

    public IReadOnlyList<TableSize> SizesBefore { get; set; } = [];

    public IReadOnlyList<TableSize> SizesAfter { get; set; } = [];

    public IReadOnlyDictionary<string, long> RowsBefore { get; set; } = new Dictionary<string, long>();

    public IReadOnlyDictionary<string, long> RowsAfter { get; set; } = new Dictionary<string, long>();

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("## growth: reads on a long history against the present alone, and a cleaner pass");
        text.AppendLine();
        text.AppendLine(F($"- Command: `{options.Command}`"));
        text.AppendLine(F($"- Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        text.AppendLine(F($"- Machine: {Machine}; {Postgres}; 1-minute load average around the measurements (this benchmark's own included): {LoadBefore} before, {LoadAfter} after"));
        text.AppendLine(F($"- Grown database: {Counts.Jobs:N0} jobs, {Counts.Runs:N0} runs, {Counts.Details:N0} job log details, {Counts.Outbox:N0} outbox rows across 100 companies{(LoadSeconds is { } s ? F($", loaded with COPY in {s:0} s") : ", kept from an earlier run")}; history started over the last 91 days"));
        text.AppendLine(F($"- Empty database (the baseline): the same present only: {EmptyCounts.Jobs:N0} jobs (10 cron jobs, 2 waiting, 1 finished per company), {EmptyCounts.Runs:N0} runs (per company 100 in the last hour, 2 in progress, a finished one of 2,000 records), {EmptyCounts.Details:N0} log details; the grown database has this present too"));
        text.AppendLine(F($"- Load: {options.Clients} closed-loop clients per call, {options.Seconds} s on each database in two turns of half that (each after 3 s of warm-up), taking turns with the other database; each company's user (IpsUser) for the SOAP calls (a company of 100 per call), the IpsAdmin for the dashboard; every database has a server node of its own (a child process, dispatcher in standby, cleaner only on demand)"));
        text.AppendLine();
        text.AppendLine("| call | p95 grown, ms | p95 empty, ms | ratio | p50 grown / empty, ms | calls/s grown / empty | goal: p95 ≤ 50 ms and ≤ 1.5 × empty |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var (call, grown, empty) in Calls)
        {
            var ratio = grown.Percentile(95) / empty.Percentile(95);
            var met = grown.Percentile(95) <= GoalMs && ratio <= GoalRatio;
            text.AppendLine(F($"| {call} | {grown.Percentile(95):0.0} | {empty.Percentile(95):0.0} | {ratio:0.00} | {grown.Percentile(50):0.0} / {empty.Percentile(50):0.0} | {grown.PerSecond:0} / {empty.PerSecond:0} | {(met ? "yes" : "**no**")} |"));
        }

        if (Pass is { } pass && QuietSubmits is { } quiet && PassSubmits is { } during)
        {
            text.AppendLine();
            text.AppendLine(F($"One cleaner pass on the grown database (defaults: job logs 90 days, delivered messages 7 days; batches of 1,000 rows) took {pass.Seconds:0.0} s and removed {pass.Kinds.Sum(k => k.Removed):N0} rows ({string.Join(", ", pass.Kinds.Where(k => k.Removed > 0).Select(k => F($"{k.Kind} {k.Removed:N0}")))}){(pass.Kinds.All(k => k.CaughtUp) ? ", everything due" : ", not everything due: it stopped at its time limit")}. submitJob meanwhile, {options.Clients} clients:"));
            text.AppendLine();
            text.AppendLine("| submitJob | p50, ms | p95, ms | p99, ms | accepted/s |");
            text.AppendLine("|---|---:|---:|---:|---:|");
            text.AppendLine(F($"| without a pass ({options.Seconds} s) | {quiet.Percentile(50):0.0} | {quiet.Percentile(95):0.0} | {quiet.Percentile(99):0.0} | {quiet.PerSecond:0} |"));
            text.AppendLine(F($"| during the pass ({during.Elapsed.TotalSeconds:0} s) | {during.Percentile(50):0.0} | {during.Percentile(95):0.0} | {during.Percentile(99):0.0} | {during.PerSecond:0} |"));
            text.AppendLine(F($"| ratio (during ÷ without) | {during.Percentile(50) / quiet.Percentile(50):0.00} | {during.Percentile(95) / quiet.Percentile(95):0.00} | {during.Percentile(99) / quiet.Percentile(99):0.00} | {during.PerSecond / quiet.PerSecond:0.00} |"));
        }

        if (SizesBefore.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Sizes on the grown database before and after that pass (MiB = 2^20 bytes). Removed rows leave room that later rows reuse (autovacuum); the files do not shrink.");
            text.AppendLine();
            text.AppendLine("| table | rows before → after | table, MiB before → after | indexes, MiB before → after |");
            text.AppendLine("|---|---:|---:|---:|");
            foreach (var table in SizeTables)
            {
                var before = SizesBefore.FirstOrDefault(t => t.Table == table);
                var after = SizesAfter.FirstOrDefault(t => t.Table == table);
                if (before is null || after is null)
                {
                    continue;
                }

                text.AppendLine(F($"| {table} | {RowsBefore.GetValueOrDefault(table):N0} → {RowsAfter.GetValueOrDefault(table):N0} | {Mib(before.TableBytes)} → {Mib(after.TableBytes)} | {Mib(before.IndexBytes)} → {Mib(after.IndexBytes)} |"));
            }
        }

        return text.ToString();
    }

    private static string Mib(long bytes) => F($"{bytes / (1024.0 * 1024):0.0}");

    private static string F(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
