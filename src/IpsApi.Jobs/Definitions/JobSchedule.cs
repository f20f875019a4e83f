using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>When a job runs: now, once at an instant, or on a cron schedule in the server's zone.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(RunNow), "runNow")]
[JsonDerivedType(typeof(RunAt), "runAt")]
[JsonDerivedType(typeof(Cron), "cron")]
public abstract record JobSchedule
{
    // The private constructor closes the hierarchy: these three are all the schedules there are.
    private JobSchedule()
    {
    }

    /// <summary>Neither <c>execTime</c> nor <c>execSchedule</c> was given.</summary>
    public sealed record RunNow : JobSchedule;

    /// <summary>
    /// A one-shot run at <paramref name="At"/> (<c>execTime</c>). An instant in the past is kept as given;
    /// the scheduler fires it at once.
    /// </summary>
    public sealed record RunAt(DateTimeOffset At) : JobSchedule;

    /// <summary>
    /// A recurring run (<c>execSchedule</c>), as the normalised Quartz expression
    /// (<c>sec min hour day-of-month month day-of-week [year]</c>) in the server's zone.
    /// </summary>
    public sealed record Cron(string Expression) : JobSchedule;
}
