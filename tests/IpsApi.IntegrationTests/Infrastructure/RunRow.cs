namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>A run as stored, with what getActiveJobs and getJobLogs will show of it.</summary>
public sealed record RunRow(
    long Id, string InstanceName, string State, string LogType, int Progress, string ServerName,
    DateTimeOffset TriggerTime, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    int FileSuccess, int FileError, int FileWarning, int TotalFiles, bool FatalError, bool Recovering,
    int FileDuplicate = 0, int FileUpdate = 0);

public sealed record DetailRow(string LogType, string Message, string? AssetName, string? AssetType);
