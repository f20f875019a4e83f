namespace IpsApi.Jobs.Notifications.Templates;

/// <summary>
/// Every sentence and label of a run's email in one language. Entries with placeholders are composite
/// format strings: {0} is the job name, {1} the outcome word (or, in <see cref="MoreErrors"/>, a count).
/// All members are required, so a language that misses one does not compile.
/// </summary>
internal sealed record EmailTexts
{
    /// <summary>The locale these texts are written for, e.g. "de-DE".</summary>
    public required string Locale { get; init; }

    public required string SubjectStarted { get; init; }

    public required string SubjectEnded { get; init; }

    /// <summary>{0}: the recipient's name.</summary>
    public required string Greeting { get; init; }

    public required string GreetingWithoutName { get; init; }

    public required string IntroStarted { get; init; }

    public required string IntroEnded { get; init; }

    /// <summary>Said in the start message: another one follows at the end.</summary>
    public required string EndWillFollow { get; init; }

    public required string Succeeded { get; init; }

    public required string Failed { get; init; }

    public required string Stopped { get; init; }

    /// <summary>The run went to its end, but some files failed.</summary>
    public required string CompletedWithErrors { get; init; }

    /// <summary>Between a label and its value ("Outcome: failed").</summary>
    public required string LabelSeparator { get; init; }

    public required string JobName { get; init; }

    public required string OriginalName { get; init; }

    public required string JobType { get; init; }

    public required string Company { get; init; }

    public required string Instance { get; init; }

    public required string Outcome { get; init; }

    public required string StartedAt { get; init; }

    public required string EndedAt { get; init; }

    public required string TotalFiles { get; init; }

    public required string FileSuccess { get; init; }

    public required string FileError { get; init; }

    public required string FileWarning { get; init; }

    public required string FileDuplicate { get; init; }

    public required string FileUpdate { get; init; }

    public required string FatalError { get; init; }

    public required string FirstErrors { get; init; }

    /// <summary>{0}: how many errors the list leaves out.</summary>
    public required string MoreErrors { get; init; }

    public required string Footer { get; init; }
}
