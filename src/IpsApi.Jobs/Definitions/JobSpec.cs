using System.Reflection;
using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>
/// What a job does: one derived record per job element of <c>submitJobParam</c>, each in its job type's folder
/// (JobTypes/) and named there by <see cref="JobElementAttribute"/>. The JSON discriminators are the wire element
/// names, so a stored definition reads like the request it came from.
/// </summary>
public abstract record JobSpec
{
    /// <summary>The job type clients see for this spec. Not stored: the discriminator says it already, and
    /// System.Text.Json does not inherit [JsonIgnore] to overrides, so each override carries its own.</summary>
    [JsonIgnore]
    public abstract JobType Type { get; }

    /// <summary>Who hears how a run went: the job element's emailSetting and the URL called when it ends.</summary>
    public virtual RunNotification Notification() => RunNotification.None;

    /// <summary>What a run's first and last log records are named after: Begin&lt;name&gt; and End&lt;name&gt;.</summary>
    public virtual string LogName() => Type.ToString();

    /// <summary>The run's <c>JobLog.jobSubType</c>; empty for most job types.</summary>
    public virtual string SubType() => "";
}

/// <summary>The emailSetting of a job, and its completion URL (httpCompletionUrl or postHttpUrl) if it has one.</summary>
public sealed record RunNotification(EmailSetting Email, string? CallbackUrl)
{
    public static RunNotification None { get; } = new(EmailSetting.None, null);
}

/// <summary>The job element of <c>submitJobParam</c> a <see cref="JobSpec"/> is read from, and its stored discriminator.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class JobElementAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>The element name of a spec type.</summary>
    /// <exception cref="InvalidOperationException">The spec type does not name its element.</exception>
    public static string NameOf(Type specType) =>
        specType.GetCustomAttribute<JobElementAttribute>()?.Name
        ?? throw new InvalidOperationException($"{specType.Name} has no [{nameof(JobElementAttribute)}].");
}
