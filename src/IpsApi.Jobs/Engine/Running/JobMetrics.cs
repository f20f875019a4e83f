using System.Diagnostics.Metrics;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Store;
using JobType = IpsApi.Jobs.Definitions.JobType;

namespace IpsApi.Jobs.Engine.Running;

/// <summary>
/// What this node did with jobs, as counters and histograms on the "IpsApi.Jobs" meter (the server exports them
/// at /metrics). Counted where it happens, once per node: summed over nodes they give the cluster's figures.
/// The meter is static so that the few places that count need no extra constructor argument.
/// </summary>
public static class JobMetrics
{
    public const string MeterName = "IpsApi.Jobs";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> SubmittedCounter =
        Meter.CreateCounter<long>("ipsapi.jobs.submitted", "{job}", "Jobs accepted by submitJob");

    private static readonly Counter<long> StartedCounter =
        Meter.CreateCounter<long>("ipsapi.jobs.started", "{run}", "Runs started on this node");

    private static readonly Counter<long> FinishedCounter =
        Meter.CreateCounter<long>("ipsapi.jobs.finished", "{run}", "Runs ended on this node, by end state (Done, Failed, Stopped, Paused)");

    private static readonly Counter<long> FailedCounter =
        Meter.CreateCounter<long>("ipsapi.jobs.failed", "{run}", "Runs that ended Failed on this node");

    private static readonly Histogram<double> RunDuration =
        Meter.CreateHistogram<double>("ipsapi.jobs.run.duration", "s", "How long runs took, from start to end",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600, 4 * 3600] });

    private static readonly Counter<long> FilesCounter =
        Meter.CreateCounter<long>("ipsapi.files.processed", "{file}", "Files handled by runs, by result (success, error, warning, duplicate, update)");

    private static readonly Counter<long> BytesIngested =
        Meter.CreateCounter<long>("ipsapi.ingested", "By", "Bytes of originals stored as assets");

    public static void Submitted(JobType type) => SubmittedCounter.Add(1, Tag(type));

    public static void Started(JobType type) => StartedCounter.Add(1, Tag(type));

    /// <summary>A run's end: its state, how long it took and the files it counted.</summary>
    public static void Finished(JobType type, string state, TimeSpan duration, RunTotals totals)
    {
        var typeTag = Tag(type);
        var stateTag = new KeyValuePair<string, object?>("state", state);
        FinishedCounter.Add(1, typeTag, stateTag);
        if (state == "Failed")
        {
            FailedCounter.Add(1, typeTag);
        }

        RunDuration.Record(duration.TotalSeconds, typeTag, stateTag);
        AddFiles(typeTag, "success", totals.FileSuccess);
        AddFiles(typeTag, "error", totals.FileError);
        AddFiles(typeTag, "warning", totals.FileWarning);
        AddFiles(typeTag, "duplicate", totals.FileDuplicate);
        AddFiles(typeTag, "update", totals.FileUpdate);
    }

    public static void Ingested(JobType type, long bytes) => BytesIngested.Add(bytes, Tag(type));

    private static void AddFiles(KeyValuePair<string, object?> type, string result, int count)
    {
        if (count > 0)
        {
            FilesCounter.Add(count, type, new KeyValuePair<string, object?>("result", result));
        }
    }

    private static KeyValuePair<string, object?> Tag(JobType type) => new("job_type", type.ToString());
}
