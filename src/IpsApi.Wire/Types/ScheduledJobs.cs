// The scheduled-job types getScheduledJobs answers with.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>A scheduled job and its trigger, with its job definition.</summary>
[XmlType("ScheduledJob", Namespace = IpsNamespaces.Types)]
public partial class ScheduledJob : IJobElements
{
    // The job elements (Order 13 to 25) are declared with their job types, in Types/Jobs/.

    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }

    [XmlElement("name", Order = 3)]
    public string? Name { get; set; }

    [XmlElement("originalName", Order = 4)]
    public string? OriginalName { get; set; }

    [XmlElement("type", Order = 5)]
    public string? Type { get; set; }

    [XmlElement("submitUserEmail", Order = 6)]
    public string? SubmitUserEmail { get; set; }

    [XmlElement("locale", Order = 7)]
    public string? Locale { get; set; }

    [XmlElement("description", Order = 8)]
    public string? Description { get; set; }

    [XmlElement("execSchedule", Order = 9)]
    public string? ExecSchedule { get; set; }

    [XmlElement("nextFireTime", Order = 10)]
    public DateTime? NextFireTime { get; set; }

    public bool ShouldSerializeNextFireTime() => NextFireTime.HasValue;

    [XmlElement("timeZone", Order = 11)]
    public string? TimeZone { get; set; }

    [XmlElement("triggerState", Order = 12)]
    public string? TriggerState { get; set; }
}

/// <summary>A list of <see cref="ScheduledJob"/>.</summary>
[XmlType("ScheduledJobArray", Namespace = IpsNamespaces.Types)]
public class ScheduledJobArray
{
    [XmlElement("items", Order = 1)]
    public List<ScheduledJob> Items { get; set; } = new();
}
