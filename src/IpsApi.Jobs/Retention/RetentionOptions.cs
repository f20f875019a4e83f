using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.Retention;

/// <summary>
/// How long what the server writes is kept, and how the cleaner goes about removing the rest: section
/// "IpsApi:Retention" (IPSAPI_RETENTION__...). A number of days of 0 keeps that kind for good.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "IpsApi:Retention";

    /// <summary>Whether this node takes its turn at cleaning. One node of the cluster cleans at a time, whichever.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the cluster runs a pass (whichever node's turn it is).</summary>
    public int IntervalMinutes { get; set; } = 15;

    /// <summary>Most rows one statement removes; each batch is a transaction of its own.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>A pass stops after this long and the next one goes on, so a large backlog is worked off in turns.</summary>
    public int MaxPassMinutes { get; set; } = 10;

    /// <summary>
    /// A run's job log (the run, its details and task progress) this many days after the run ended; a job that is over
    /// (ran once, or was deleted) goes with the last of its runs, this many days after it ended.
    /// </summary>
    public int JobLogDays { get; set; } = 90;

    /// <summary>Notification emails and callbacks this many days after they were delivered.</summary>
    public int OutboxDeliveredDays { get; set; } = 7;

    /// <summary>Notification emails and callbacks this many days after they were given up.</summary>
    public int OutboxFailedDays { get; set; } = 30;

    /// <summary>
    /// How long something due may wait before the cleaner counts as behind: two intervals and a pass, time enough for
    /// the next pass to get to it even when the last one stopped at its limit.
    /// </summary>
    public TimeSpan AllowedLag => TimeSpan.FromMinutes((2 * IntervalMinutes) + MaxPassMinutes);

    public IEnumerable<string> Validate()
    {
        if (IntervalMinutes is < 1 or > 10_080)
        {
            yield return "IpsApi:Retention:IntervalMinutes must be between 1 and 10080 (a week).";
        }

        if (BatchSize is < 10 or > 100_000)
        {
            yield return "IpsApi:Retention:BatchSize must be between 10 and 100000.";
        }

        if (MaxPassMinutes < 1)
        {
            yield return "IpsApi:Retention:MaxPassMinutes must be at least 1.";
        }

        if (JobLogDays < 0 || OutboxDeliveredDays < 0 || OutboxFailedDays < 0)
        {
            yield return "IpsApi:Retention:JobLogDays, OutboxDeliveredDays and OutboxFailedDays must be 0 (keep for good) or more.";
        }
    }
}

internal sealed class RetentionOptionsValidation : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
