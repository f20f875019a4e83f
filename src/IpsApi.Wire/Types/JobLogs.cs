// The job log types getJobLogs, getJobLogDetails and getAssetJobLogs answer with.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>The log of one job run, with its counts.</summary>
[XmlType("JobLog", Namespace = IpsNamespaces.Types)]
public class JobLog
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("jobHandle", Order = 2)]
    public string? JobHandle { get; set; }

    [XmlElement("jobName", Order = 3)]
    public string? JobName { get; set; }

    [XmlElement("originalJobName", Order = 4)]
    public string? OriginalJobName { get; set; }

    [XmlElement("submitUserEmail", Order = 5)]
    public string? SubmitUserEmail { get; set; }

    [XmlElement("logType", Order = 6)]
    public string? LogType { get; set; }

    [XmlElement("jobSubType", Order = 7)]
    public string? JobSubType { get; set; }

    [XmlElement("startDate", Order = 8)]
    public DateTime? StartDate { get; set; }

    public bool ShouldSerializeStartDate() => StartDate.HasValue;

    [XmlElement("endDate", Order = 9)]
    public DateTime? EndDate { get; set; }

    public bool ShouldSerializeEndDate() => EndDate.HasValue;

    [XmlElement("description", Order = 10)]
    public string? Description { get; set; }

    [XmlElement("fileSuccessCount", Order = 11)]
    public int? FileSuccessCount { get; set; }

    public bool ShouldSerializeFileSuccessCount() => FileSuccessCount.HasValue;

    [XmlElement("fileErrorCount", Order = 12)]
    public int? FileErrorCount { get; set; }

    public bool ShouldSerializeFileErrorCount() => FileErrorCount.HasValue;

    [XmlElement("fileWarningCount", Order = 13)]
    public int? FileWarningCount { get; set; }

    public bool ShouldSerializeFileWarningCount() => FileWarningCount.HasValue;

    [XmlElement("fileDuplicateCount", Order = 14)]
    public int? FileDuplicateCount { get; set; }

    public bool ShouldSerializeFileDuplicateCount() => FileDuplicateCount.HasValue;

    [XmlElement("fileUpdateCount", Order = 15)]
    public int? FileUpdateCount { get; set; }

    public bool ShouldSerializeFileUpdateCount() => FileUpdateCount.HasValue;

    [XmlElement("totalFileCount", Order = 16)]
    public int? TotalFileCount { get; set; }

    public bool ShouldSerializeTotalFileCount() => TotalFileCount.HasValue;

    [XmlElement("transferSuccessCount", Order = 17)]
    public int? TransferSuccessCount { get; set; }

    public bool ShouldSerializeTransferSuccessCount() => TransferSuccessCount.HasValue;

    [XmlElement("transferErrorCount", Order = 18)]
    public int? TransferErrorCount { get; set; }

    public bool ShouldSerializeTransferErrorCount() => TransferErrorCount.HasValue;

    [XmlElement("transferWarningCount", Order = 19)]
    public int? TransferWarningCount { get; set; }

    public bool ShouldSerializeTransferWarningCount() => TransferWarningCount.HasValue;

    [XmlElement("fatalError", Order = 20)]
    public bool? FatalError { get; set; }

    public bool ShouldSerializeFatalError() => FatalError.HasValue;

    [XmlElement("detailTotalRows", Order = 21)]
    public int? DetailTotalRows { get; set; }

    public bool ShouldSerializeDetailTotalRows() => DetailTotalRows.HasValue;

    [XmlElement("detailArray", Order = 22)]
    public JobLogDetailArray? DetailArray { get; set; }
}

/// <summary>A list of <see cref="JobLog"/>.</summary>
[XmlType("JobLogArray", Namespace = IpsNamespaces.Types)]
public class JobLogArray
{
    [XmlElement("items", Order = 1)]
    public List<JobLog> Items { get; set; } = new();
}

/// <summary>One entry of a job log.</summary>
[XmlType("JobLogDetail", Namespace = IpsNamespaces.Types)]
public class JobLogDetail
{
    [XmlElement("logMessage", Order = 1)]
    public string? LogMessage { get; set; }

    [XmlElement("logType", Order = 2)]
    public string? LogType { get; set; }

    [XmlElement("dateCreated", Order = 3)]
    public DateTime? DateCreated { get; set; }

    public bool ShouldSerializeDateCreated() => DateCreated.HasValue;

    [XmlElement("assetName", Order = 4)]
    public string? AssetName { get; set; }

    [XmlElement("assetType", Order = 5)]
    public string? AssetType { get; set; }

    [XmlElement("assetHandle", Order = 6)]
    public string? AssetHandle { get; set; }

    [XmlElement("auxArray", Order = 7)]
    public JobLogDetailAuxArray? AuxArray { get; set; }
}

/// <summary>A list of <see cref="JobLogDetail"/>.</summary>
[XmlType("JobLogDetailArray", Namespace = IpsNamespaces.Types)]
public class JobLogDetailArray
{
    [XmlElement("items", Order = 1)]
    public List<JobLogDetail> Items { get; set; } = new();
}

/// <summary>An auxiliary message of a job log entry.</summary>
[XmlType("JobLogDetailAux", Namespace = IpsNamespaces.Types)]
public class JobLogDetailAux
{
    [XmlElement("logMessage", Order = 1)]
    public string? LogMessage { get; set; }

    [XmlElement("logType", Order = 2)]
    public string? LogType { get; set; }

    [XmlElement("dateCreated", Order = 3)]
    public DateTime? DateCreated { get; set; }

    public bool ShouldSerializeDateCreated() => DateCreated.HasValue;
}

/// <summary>A list of <see cref="JobLogDetailAux"/>.</summary>
[XmlType("JobLogDetailAuxArray", Namespace = IpsNamespaces.Types)]
public class JobLogDetailAuxArray
{
    [XmlElement("items", Order = 1)]
    public List<JobLogDetailAux> Items { get; set; } = new();
}

/// <summary>A job log entry about one asset.</summary>
[XmlType("AssetJobLog", Namespace = IpsNamespaces.Types)]
public class AssetJobLog
{
    [XmlElement("jobHandle", Order = 1)]
    public string? JobHandle { get; set; }

    [XmlElement("jobName", Order = 2)]
    public string? JobName { get; set; }

    [XmlElement("logMessage", Order = 3)]
    public string? LogMessage { get; set; }

    [XmlElement("logType", Order = 4)]
    public string? LogType { get; set; }

    [XmlElement("submitUserEmail", Order = 5)]
    public string? SubmitUserEmail { get; set; }

    [XmlElement("logDate", Order = 6)]
    public DateTime? LogDate { get; set; }

    public bool ShouldSerializeLogDate() => LogDate.HasValue;

    [XmlElement("auxArray", Order = 7)]
    public JobLogDetailAuxArray? AuxArray { get; set; }
}

/// <summary>A list of <see cref="AssetJobLog"/>.</summary>
[XmlType("AssetJobLogArray", Namespace = IpsNamespaces.Types)]
public class AssetJobLogArray
{
    [XmlElement("items", Order = 1)]
    public List<AssetJobLog> Items { get; set; } = new();
}
