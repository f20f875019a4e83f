namespace IpsApi.Jobs.JobLog;

/// <summary>An aux entry under a log detail (JobLogDetailAux).</summary>
public sealed record JobLogAux(string LogType, LogText Message, DateTimeOffset? DateCreated = null);

/// <summary>
/// One record of a run's job log as it is stored, with the count it adds to, and the item of the run's item loop it
/// belongs to (null: the run's own).
/// </summary>
public sealed record JobLogEntry(
    string LogType, LogText Message, string? AssetName, string? AssetType, string? AssetHandle, IReadOnlyList<JobLogAux>? Aux, RunCount Count,
    int? Item = null);
