using IpsApi.Jobs.Notifications;

namespace IpsApi.Tests.Notifications;

/// <summary>Run summaries as the runner hands them over, varied one property at a time.</summary>
internal static class Runs
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 15, 0, TimeSpan.Zero);

    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static RunCounts Clean { get; } = new(FileSuccess: 12, FileError: 0, FileWarning: 0, FileDuplicate: 1, FileUpdate: 3, TotalFiles: 13, FatalError: false);

    public static RunSummary Sample(
        string emailSetting = "JobCompletion",
        RunOutcome outcome = RunOutcome.Succeeded,
        RunCounts? counts = null,
        string locale = "en-US",
        string? callbackUrl = null,
        IReadOnlyList<string>? errors = null,
        string jobName = "Nightly Publish",
        string recipient = "anna@example.test") => new(
            RunId: 4711,
            JobHandle: $"47|{jobName}|{jobName}_2025-03-03-10:15:00.000|4711",
            CompanyHandle: "47",
            JobName: jobName,
            OriginalName: jobName,
            JobType: "ServerDirectoryPublish",
            InstanceName: $"{jobName}_2025-03-03-10:15:00.000",
            Outcome: outcome,
            Counts: counts ?? Clean,
            StartedAt: Start,
            EndedAt: Start.AddMinutes(1).AddSeconds(12),
            FirstErrors: errors ?? [],
            Locale: locale,
            RecipientEmail: recipient,
            RecipientName: "Anna Berg",
            EmailSetting: emailSetting,
            CallbackUrl: callbackUrl);
}
