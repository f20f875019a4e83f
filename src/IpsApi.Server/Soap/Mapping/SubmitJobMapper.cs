using System.Text.RegularExpressions;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Mapping;
using IpsApi.Jobs.JobTypes;
using IpsApi.Wire;

namespace IpsApi.Server.Soap.Mapping;

/// <summary>
/// Validates a <c>submitJobParam</c> and turns it into a <see cref="JobDefinition"/>: its own fields here, its job
/// element by that job type's definition (<see cref="JobTypeCatalog"/>). Every problem is reported, not just the
/// first, so a client can fix its request in one go.
/// </summary>
public static partial class SubmitJobMapper
{
    /// <param name="param">The request body.</param>
    /// <param name="serverZone">The zone of <c>execTime</c> values without an offset.</param>
    public static ValidationResult<JobDefinition> Map(SubmitJobParam param, TimeZoneInfo serverZone) => Map(param, serverZone, out _);

    /// <param name="param">The request body.</param>
    /// <param name="serverZone">The zone of <c>execTime</c> values without an offset.</param>
    /// <param name="references">
    /// The assets, macros and set rules the job names, for the caller to look up in the database; collected even
    /// when there are problems, so those lookups are reported together with them.
    /// </param>
    public static ValidationResult<JobDefinition> Map(SubmitJobParam param, TimeZoneInfo serverZone, out JobReferences references)
    {
        ArgumentNullException.ThrowIfNull(param);
        ArgumentNullException.ThrowIfNull(serverZone);

        var reader = new WireReader(param.CompanyHandle);
        references = reader.References;
        var companyHandle = reader.RequiredString(param.CompanyHandle, "companyHandle");
        var jobName = reader.RequiredString(param.JobName, "jobName");
        CheckJobName(reader, jobName);
        CheckLocale(reader, param.Locale);
        var schedule = ReadSchedule(reader, param, serverZone);
        var spec = ReadJob(reader, param);

        if (reader.HasProblems || spec is null)
        {
            return ValidationResult<JobDefinition>.Failure(reader.Problems);
        }

        return ValidationResult<JobDefinition>.Success(new JobDefinition(
            companyHandle,
            jobName,
            param.UserHandle,
            param.Locale,
            schedule,
            param.Description,
            spec));
    }

    /// <summary>The longest job name accepted (docs/JOBS.md, "How jobs run"); a run's instance name adds 24 characters to it.</summary>
    public const int MaxJobNameLength = 256;

    // Job names are shown in logs, emails and the dashboard, and make instance names and handles: one line of
    // printable text of a bounded length.
    private static void CheckJobName(WireReader reader, string jobName)
    {
        if (jobName.Length > MaxJobNameLength)
        {
            reader.Invalid("jobName", $"{jobName.Length} characters, more than the {MaxJobNameLength} allowed");
        }

        if (jobName.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
        {
            reader.Invalid("jobName", "control characters (line breaks, tabs, ...) are not allowed");
        }
    }

    // ISO 639 language, optionally '-' and ISO 3166 country, exactly as the contract writes it ("en-US").
    // Java-style "en_US" is refused on purpose: the locale picks message and email templates by this key, and
    // one spelling per locale keeps that lookup simple. \z, not $, so a trailing newline does not pass.
    [GeneratedRegex(@"^[a-z]{2}(?:-[A-Z]{2})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex LocalePattern();

    private static void CheckLocale(WireReader reader, string? locale)
    {
        if (locale is not null && !LocalePattern().IsMatch(locale))
        {
            reader.Invalid("locale", $"{ValidationProblem.Quote(locale)} (expected ll or ll-CC, for example en-US)");
        }
    }

    private static JobSchedule ReadSchedule(WireReader reader, SubmitJobParam param, TimeZoneInfo serverZone)
    {
        // Some clients write an empty element for "no schedule"; that is not a schedule.
        var cron = string.IsNullOrWhiteSpace(param.ExecSchedule) ? null : param.ExecSchedule;
        if (param.ExecTime is not null && cron is not null)
        {
            reader.Invalid("execSchedule", "give execTime or execSchedule, not both");
        }

        if (cron is not null)
        {
            if (ExecScheduleNormalizer.TryNormalize(cron, out var expression, out var error))
            {
                return new JobSchedule.Cron(expression);
            }

            reader.Invalid("execSchedule", $"{ValidationProblem.Quote(cron)}: {error}");
            return new JobSchedule.RunNow();
        }

        // A time in the past is kept: the scheduler fires an overdue one-shot trigger at once.
        return param.ExecTime is { } execTime
            ? new JobSchedule.RunAt(ExecTimeConverter.ToInstant(execTime, serverZone))
            : new JobSchedule.RunNow();
    }

    private static JobSpec? ReadJob(WireReader reader, SubmitJobParam param)
    {
        // The schema allows any number of job elements; the server runs exactly one.
        var given = JobTypeCatalog.All.Where(type => type.IsIn(param)).ToList();
        if (given.Count == 0)
        {
            reader.Add(new ValidationProblem(
                ValidationProblem.InvalidParameterCode,
                "Exactly one job type element is required (none given)"));
            return null;
        }

        if (given.Count > 1)
        {
            reader.Add(new ValidationProblem(
                ValidationProblem.InvalidParameterCode,
                $"Exactly one job type element is required (given: {string.Join(", ", given.Select(type => type.ElementName))})"));
        }

        // Each given element is still read, so its own problems are reported along with the count.
        var specs = given.Select(type => type.Read(reader, param)).ToList();
        return specs.Count == 1 ? specs[0] : null;
    }
}
