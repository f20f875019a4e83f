using IpsApi.Jobs.Definitions;

namespace IpsApi.Jobs.Notifications;

/// <summary>Which messages a run sends, by its emailSetting and how it went.</summary>
public static class NotificationRules
{
    public static bool HadErrors(RunSummary run) =>
        run.Counts.FileError > 0 || run.Counts.FatalError || run.Outcome == RunOutcome.Failed;

    public static bool HadWarnings(RunSummary run) => run.Counts.FileWarning > 0;

    public static bool EmailAtStart(RunSummary run) => ParseSetting(run.EmailSetting) == EmailSetting.All;

    public static bool EmailAtEnd(RunSummary run) => ParseSetting(run.EmailSetting) switch
    {
        EmailSetting.All or EmailSetting.JobCompletion => true,
        EmailSetting.Error => HadErrors(run),
        EmailSetting.ErrorAndWarning => HadErrors(run) || HadWarnings(run),
        _ => false,
    };

    public static bool CallbackAtEnd(RunSummary run) => !string.IsNullOrWhiteSpace(run.CallbackUrl);

    /// <summary>The wire values, in any case; anything else (or nothing) sends no email.</summary>
    internal static EmailSetting ParseSetting(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "ALL" => EmailSetting.All,
        "ERROR" => EmailSetting.Error,
        "ERRORANDWARNING" => EmailSetting.ErrorAndWarning,
        "JOBCOMPLETION" => EmailSetting.JobCompletion,
        _ => EmailSetting.None,
    };
}
