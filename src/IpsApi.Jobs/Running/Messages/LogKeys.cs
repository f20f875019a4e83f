namespace IpsApi.Jobs.Running.Messages;

/// <summary>
/// The keys of the job log messages. They are stored with each record (job_log_details.message_key), so a key
/// never changes its meaning once released: a changed message gets a new key. The English of each is in
/// <see cref="EnglishLogTexts"/>.
/// </summary>
public static class LogKeys
{
    /// <summary>{0} job name, {1} node: "{0} started on {1}".</summary>
    public const string RunStarted = "run.started";

    /// <summary>{0} job name: "{0} ended: Done".</summary>
    public const string RunEndedDone = "run.ended.done";

    /// <summary>{0} job name: "{0} ended: Failed".</summary>
    public const string RunEndedFailed = "run.ended.failed";

    /// <summary>{0} job name: "{0} ended: Stopped".</summary>
    public const string RunEndedStopped = "run.ended.stopped";

    /// <summary>{0} job name: "{0} ended: Paused".</summary>
    public const string RunEndedPaused = "run.ended.paused";

    /// <summary>JobClient record of a client that sent no appName.</summary>
    public const string NoAppName = "run.client.none";

    /// <summary>{0} node that died while the run was open.</summary>
    public const string RunInterrupted = "run.interrupted";

    /// <summary>{0} job type.</summary>
    public const string JobTypeNotSupported = "run.type_not_supported";

    public const string RunStoppedByRequest = "run.stopped_by_request";

    public const string RunPausedByRequest = "run.paused_by_request";

    /// <summary>{0} exception type name, {1} error id to find it in the server log.</summary>
    public const string JobFailed = "run.failed";

    public const string Published = "publish.published";

    public const string RemovedFromPublish = "publish.removed";

    /// <summary>{0} reason (one of the reason.* keys).</summary>
    public const string NotPublished = "publish.not_published";

    /// <summary>{0} reason (one of the reason.* keys).</summary>
    public const string NotRemoved = "publish.not_removed";

    public const string ReasonPermissionDenied = "reason.permission_denied";

    public const string ReasonPathTooLong = "reason.path_too_long";

    public const string ReasonInputOutput = "reason.io_error";

    /// <summary>Every key, for the catalog's completeness check.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(LogKeys)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>The end record of a run for its final state; null for a state without one.</summary>
    public static string? RunEnded(string state) => state switch
    {
        "Done" => RunEndedDone,
        "Failed" => RunEndedFailed,
        "Stopped" => RunEndedStopped,
        "Paused" => RunEndedPaused,
        _ => null,
    };
}
