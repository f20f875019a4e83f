using IpsApi.Jobs.JobTypes;
using D = IpsApi.Jobs.Definitions;
using W = IpsApi.Wire;

namespace IpsApi.Server.Soap.Mapping;

/// <summary>
/// Domain back to wire: the job element of a stored definition, as <c>getActiveJobs</c> and
/// <c>getScheduledJobs</c> echo it. Each job type echoes its own element (<see cref="JobTypeCatalog"/>).
/// </summary>
public static class JobDefinitionEcho
{
    /// <summary>
    /// The wire job element of <paramref name="definition"/>: an instance of the wire class of its element
    /// (<see cref="W.UploadUrlsJob"/> for <c>uploadUrlsJob</c>, and so on); <see cref="ElementName"/> names it.
    /// </summary>
    public static object ToWire(D.JobDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return ToWire(definition.Spec);
    }

    /// <inheritdoc cref="ToWire(D.JobDefinition)"/>
    public static object ToWire(D.JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return JobTypeCatalog.Of(spec).Echo(spec);
    }

    /// <summary>The wire element name of a spec ("uploadUrlsJob", ...).</summary>
    public static string ElementName(D.JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return JobTypeCatalog.Of(spec).ElementName;
    }

    /// <summary>Puts the job element of <paramref name="spec"/> into what carries it (an ActiveJob, a ScheduledJob).</summary>
    public static void EchoInto(D.JobSpec spec, W.IJobElements carrier)
    {
        ArgumentNullException.ThrowIfNull(spec);
        JobTypeCatalog.Of(spec).EchoInto(spec, carrier);
    }

    /// <summary>
    /// The whole request back: the job element in its place, the schedule as <c>execTime</c> (in UTC) or
    /// <c>execSchedule</c> (normalised), and the other fields as submitted.
    /// </summary>
    public static W.SubmitJobParam ToSubmitJobParam(D.JobDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var param = new W.SubmitJobParam
        {
            CompanyHandle = definition.CompanyHandle,
            UserHandle = definition.NotifyUserHandle,
            JobName = definition.JobName,
            Locale = definition.Locale,
            ExecTime = definition.Schedule is D.JobSchedule.RunAt at ? at.At.UtcDateTime : null,
            ExecSchedule = definition.Schedule is D.JobSchedule.Cron cron ? cron.Expression : null,
            Description = definition.Description,
        };
        EchoInto(definition.Spec, param);
        return param;
    }
}
