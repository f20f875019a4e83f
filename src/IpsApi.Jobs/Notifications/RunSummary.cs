namespace IpsApi.Jobs.Notifications;

public enum RunOutcome
{
    Succeeded,
    Failed,
    Stopped,
}

public sealed record RunCounts(
    int FileSuccess, int FileError, int FileWarning, int FileDuplicate, int FileUpdate, int TotalFiles, bool FatalError);

/// <summary>What the notifications of one run say, as the runner knows it when it writes them.</summary>
/// <param name="EmailSetting">The job's emailSetting: All, Error, ErrorAndWarning, JobCompletion or None.</param>
/// <param name="CallbackUrl">httpCompletionUrl or postHttpUrl of the job, if it has one.</param>
public sealed record RunSummary(
    long RunId, string JobHandle, string CompanyHandle, string JobName, string OriginalName, string JobType,
    string InstanceName, RunOutcome Outcome, RunCounts Counts, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    IReadOnlyList<string> FirstErrors, string Locale, string RecipientEmail, string RecipientName,
    string EmailSetting, string? CallbackUrl);
