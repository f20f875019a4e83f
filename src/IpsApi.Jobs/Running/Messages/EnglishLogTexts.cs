namespace IpsApi.Jobs.Running.Messages;

/// <summary>
/// The reference language: what is stored as the message text and what every other language falls back to.
/// Tests and clients read these sentences; change one only together with its key.
/// </summary>
internal static class EnglishLogTexts
{
    public static IReadOnlyDictionary<string, string> EnUs { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [LogKeys.RunStarted] = "{0} started on {1}",
        [LogKeys.RunEndedDone] = "{0} ended: Done",
        [LogKeys.RunEndedFailed] = "{0} ended: Failed",
        [LogKeys.RunEndedStopped] = "{0} ended: Stopped",
        [LogKeys.RunEndedPaused] = "{0} ended: Paused",
        [LogKeys.NoAppName] = "(no appName given)",
        [LogKeys.RunInterrupted] = "The run was interrupted: node {0} stopped while it ran. The job was started again.",
        [LogKeys.JobTypeNotSupported] = "Job type {0} is not supported yet by this server; nothing was done.",
        [LogKeys.RunStoppedByRequest] = "The run was stopped by request.",
        [LogKeys.RunPausedByRequest] = "The run was paused by request.",
        [LogKeys.JobFailed] = "The job failed: {0} (error id {1}; the server log has the details).",
        [LogKeys.Published] = "Published",
        [LogKeys.RemovedFromPublish] = "Removed: no longer in the server directory",
        [LogKeys.NotPublished] = "Not published: {0}",
        [LogKeys.NotRemoved] = "Not removed: {0}",
        [LogKeys.ReasonPermissionDenied] = "permission denied",
        [LogKeys.ReasonPathTooLong] = "path too long",
        [LogKeys.ReasonInputOutput] = "input/output error",
    };
}
