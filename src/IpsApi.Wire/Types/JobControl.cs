// stopJob, pauseJob, resumeJob, executeJob, deleteJob: (companyHandle, jobHandle) in, nothing out.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>Request body of <c>stopJob</c>.</summary>
[XmlRoot("stopJobParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class StopJobParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }
}

/// <summary>Response body of <c>stopJob</c> (empty).</summary>
[XmlRoot("stopJobReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class StopJobReturn
{
}

/// <summary>Request body of <c>pauseJob</c>.</summary>
[XmlRoot("pauseJobParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class PauseJobParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }
}

/// <summary>Response body of <c>pauseJob</c> (empty).</summary>
[XmlRoot("pauseJobReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class PauseJobReturn
{
}

/// <summary>Request body of <c>resumeJob</c>.</summary>
[XmlRoot("resumeJobParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class ResumeJobParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }
}

/// <summary>Response body of <c>resumeJob</c> (empty).</summary>
[XmlRoot("resumeJobReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class ResumeJobReturn
{
}

/// <summary>Request body of <c>executeJob</c>.</summary>
[XmlRoot("executeJobParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class ExecuteJobParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }
}

/// <summary>Response body of <c>executeJob</c> (empty).</summary>
[XmlRoot("executeJobReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class ExecuteJobReturn
{
}

/// <summary>Request body of <c>deleteJob</c>.</summary>
[XmlRoot("deleteJobParam", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class DeleteJobParam
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }
}

/// <summary>Response body of <c>deleteJob</c> (empty).</summary>
[XmlRoot("deleteJobReturn", Namespace = IpsNamespaces.Types)]
[XmlType(AnonymousType = true, Namespace = IpsNamespaces.Types)]
public class DeleteJobReturn
{
}
