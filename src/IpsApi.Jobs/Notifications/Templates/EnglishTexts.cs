namespace IpsApi.Jobs.Notifications.Templates;

internal static class EnglishTexts
{
    public static EmailTexts EnUs { get; } = new()
    {
        Locale = "en-US",
        SubjectStarted = "IPS job \"{0}\" started",
        SubjectEnded = "IPS job \"{0}\" {1}",
        Greeting = "Hello {0},",
        GreetingWithoutName = "Hello,",
        IntroStarted = "Your IPS job \"{0}\" has started.",
        IntroEnded = "Your IPS job \"{0}\" has ended. Outcome: {1}.",
        EndWillFollow = "You will get another message when the job ends.",
        Succeeded = "succeeded",
        Failed = "failed",
        Stopped = "stopped",
        CompletedWithErrors = "completed with errors",
        LabelSeparator = ": ",
        JobName = "Job name",
        OriginalName = "Submitted as",
        JobType = "Job type",
        Company = "Company",
        Instance = "Run",
        Outcome = "Outcome",
        StartedAt = "Started",
        EndedAt = "Ended",
        TotalFiles = "Files in total",
        FileSuccess = "Succeeded",
        FileError = "Errors",
        FileWarning = "Warnings",
        FileDuplicate = "Duplicates skipped",
        FileUpdate = "Updated",
        FatalError = "A fatal error ended the job.",
        FirstErrors = "First errors:",
        MoreErrors = "…and {0} more. The job log lists all of them.",
        Footer = "This message was sent automatically by the IPS job server. Please do not reply to it.",
    };
}
