// submitJob request and response, and the upload-by-POST elements.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Request body of <c>submitJob</c>: the job definition and when to run it.</summary>
[XmlRoot("submitJobParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public partial class SubmitJobParam : IJobElements
{
    // The job elements (Order 8 to 20) are declared with their job types, in Types/Jobs/.

    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("userHandle", Order = 2)]
    public string? UserHandle { get; set; }

    [XmlElement("jobName", Order = 3)]
    public string? JobName { get; set; }

    [XmlElement("locale", Order = 4)]
    public string? Locale { get; set; }

    [XmlElement("execTime", Order = 5)]
    public DateTime? ExecTime { get; set; }

    public bool ShouldSerializeExecTime() => ExecTime.HasValue;

    [XmlElement("execSchedule", Order = 6)]
    public string? ExecSchedule { get; set; }

    [XmlElement("description", Order = 7)]
    public string? Description { get; set; }
}

/// <summary>Response body of <c>submitJob</c>.</summary>
[XmlRoot("submitJobReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class SubmitJobReturn
{
    [XmlElement("jobHandle", Order = 1)]
    public string? JobHandle { get; set; }
}

/// <summary>Parameters of an upload by HTTP POST (not an operation of this service; kept for <see cref="UploadPostJob"/>).</summary>
[XmlRoot("uploadPostParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class UploadPostParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobName", Order = 2)]
    public string? JobName { get; set; }

    [XmlElement("jobHandle", Order = 3)]
    public string? JobHandle { get; set; }

    [XmlElement("locale", Order = 4)]
    public string? Locale { get; set; }

    [XmlElement("description", Order = 5)]
    public string? Description { get; set; }

    [XmlElement("destFolder", Order = 6)]
    public string? DestFolder { get; set; }

    [XmlElement("fileName", Order = 7)]
    public string? FileName { get; set; }

    [XmlElement("endJob", Order = 8)]
    public bool? EndJob { get; set; }

    public bool ShouldSerializeEndJob() => EndJob.HasValue;

    [XmlElement("uploadParams", Order = 9)]
    public UploadPostJob? UploadParams { get; set; }
}

/// <summary>Result of an upload by HTTP POST.</summary>
[XmlRoot("uploadPostReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class UploadPostReturn
{
    [XmlElement("jobHandle", Order = 1)]
    public string? JobHandle { get; set; }
}
