// The running-job types getActiveJobs answers with.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>A running (or waiting) job, with its job definition.</summary>
[XmlType("ActiveJob", Namespace = IpsNamespaces.Types)]
public partial class ActiveJob : IJobElements
{
    // The job elements (Order 18 to 31, uploadPostJob (25) aside) are declared with their job types, in Types/Jobs/.

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

    [XmlElement("state", Order = 6)]
    public string? State { get; set; }

    [XmlElement("submitUserEmail", Order = 7)]
    public string? SubmitUserEmail { get; set; }

    [XmlElement("locale", Order = 8)]
    public string? Locale { get; set; }

    [XmlElement("description", Order = 9)]
    public string? Description { get; set; }

    [XmlElement("serverName", Order = 10)]
    public string? ServerName { get; set; }

    [XmlElement("startDate", Order = 11)]
    public DateTime? StartDate { get; set; }

    public bool ShouldSerializeStartDate() => StartDate.HasValue;

    [XmlElement("triggerTime", Order = 12)]
    public DateTime? TriggerTime { get; set; }

    public bool ShouldSerializeTriggerTime() => TriggerTime.HasValue;

    [XmlElement("totalSize", Order = 13)]
    public int? TotalSize { get; set; }

    public bool ShouldSerializeTotalSize() => TotalSize.HasValue;

    [XmlElement("progress", Order = 14)]
    public int? Progress { get; set; }

    public bool ShouldSerializeProgress() => Progress.HasValue;

    [XmlElement("progressMessage", Order = 15)]
    public string? ProgressMessage { get; set; }

    [XmlElement("lastProgressUpdate", Order = 16)]
    public DateTime? LastProgressUpdate { get; set; }

    public bool ShouldSerializeLastProgressUpdate() => LastProgressUpdate.HasValue;

    [XmlElement("taskProgressArray", Order = 17)]
    public TaskProgressArray? TaskProgressArray { get; set; }

    [XmlElement("uploadPostJob", Order = 25)]
    public UploadPostJob? UploadPostJob { get; set; }
}

/// <summary>A list of <see cref="ActiveJob"/>.</summary>
[XmlType("ActiveJobArray", Namespace = IpsNamespaces.Types)]
public class ActiveJobArray
{
    [XmlElement("items", Order = 1)]
    public List<ActiveJob> Items { get; set; } = new();
}

/// <summary>Progress of one task of a running job.</summary>
[XmlType("TaskProgress", Namespace = IpsNamespaces.Types)]
public class TaskProgress
{
    [XmlElement("taskType", Order = 1)]
    public string? TaskType { get; set; }

    [XmlElement("taskState", Order = 2)]
    public string? TaskState { get; set; }

    [XmlElement("numProcessed", Order = 3)]
    public int? NumProcessed { get; set; }

    public bool ShouldSerializeNumProcessed() => NumProcessed.HasValue;

    [XmlElement("numProcessing", Order = 4)]
    public int? NumProcessing { get; set; }

    public bool ShouldSerializeNumProcessing() => NumProcessing.HasValue;

    [XmlElement("numPending", Order = 5)]
    public int? NumPending { get; set; }

    public bool ShouldSerializeNumPending() => NumPending.HasValue;

    [XmlElement("progress", Order = 6)]
    public double? Progress { get; set; }

    public bool ShouldSerializeProgress() => Progress.HasValue;

    [XmlElement("progressMessage", Order = 7)]
    public string? ProgressMessage { get; set; }

    [XmlElement("lastProgressUpdate", Order = 8)]
    public DateTime? LastProgressUpdate { get; set; }

    public bool ShouldSerializeLastProgressUpdate() => LastProgressUpdate.HasValue;

    [XmlElement("taskItemProgressArray", Order = 9)]
    public TaskItemProgressArray? TaskItemProgressArray { get; set; }
}

/// <summary>A list of <see cref="TaskProgress"/>.</summary>
[XmlType("TaskProgressArray", Namespace = IpsNamespaces.Types)]
public class TaskProgressArray
{
    [XmlElement("items", Order = 1)]
    public List<TaskProgress> Items { get; set; } = new();
}

/// <summary>Progress of one item of a task.</summary>
[XmlType("TaskItemProgress", Namespace = IpsNamespaces.Types)]
public class TaskItemProgress
{
    [XmlElement("itemName", Order = 1)]
    public string? ItemName { get; set; }

    [XmlElement("progress", Order = 2)]
    public double? Progress { get; set; }

    public bool ShouldSerializeProgress() => Progress.HasValue;

    [XmlElement("progressMessage", Order = 3)]
    public string? ProgressMessage { get; set; }

    [XmlElement("lastProgressUpdate", Order = 4)]
    public DateTime? LastProgressUpdate { get; set; }

    public bool ShouldSerializeLastProgressUpdate() => LastProgressUpdate.HasValue;
}

/// <summary>A list of <see cref="TaskItemProgress"/>.</summary>
[XmlType("TaskItemProgressArray", Namespace = IpsNamespaces.Types)]
public class TaskItemProgressArray
{
    [XmlElement("items", Order = 1)]
    public List<TaskItemProgress> Items { get; set; } = new();
}
