namespace IpsApi.Jobs.Running;

/// <summary>An aux entry under a log detail (JobLogDetailAux).</summary>
public sealed record JobLogAux(string LogType, string Message, DateTimeOffset? DateCreated = null);

/// <summary>
/// The one way executors write the IPS job log of their run: each detail is stored at once (a client polling
/// getJobLogDetails sees it) and adds to the run's counts according to its log type.
/// </summary>
public sealed class JobLogWriter(long runId, RunStore store)
{
    private int _errors;
    private int _warnings;
    private readonly List<string> _firstErrors = [];

    public int ErrorCount => _errors;

    public int WarningCount => _warnings;

    /// <summary>The first ten error messages, for the notification email.</summary>
    public IReadOnlyList<string> FirstErrors => _firstErrors;

    public async Task WriteAsync(
        string logType,
        string message,
        string? assetName = null,
        string? assetType = null,
        string? assetHandle = null,
        IReadOnlyList<JobLogAux>? aux = null,
        CancellationToken cancellationToken = default)
    {
        var count = JobLogTypes.CountOf(logType);
        if (count == RunCount.FileError)
        {
            _errors++;
            if (_firstErrors.Count < 10)
            {
                _firstErrors.Add(assetName is null ? message : $"{assetName}: {message}");
            }
        }
        else if (count == RunCount.FileWarning)
        {
            _warnings++;
        }

        await store.AddDetailAsync(runId, new JobLogEntry(logType, message, assetName, assetType, assetHandle, aux, count), cancellationToken);
    }

    /// <summary>Records how many files the run will look at (TotalFileCount detail and count).</summary>
    public async Task TotalFilesAsync(int total, CancellationToken cancellationToken = default)
    {
        await store.SetTotalFilesAsync(runId, total, cancellationToken);
        await WriteAsync(JobLogTypes.TotalFileCount, total.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
    }
}

public sealed record JobLogEntry(
    string LogType, string Message, string? AssetName, string? AssetType, string? AssetHandle, IReadOnlyList<JobLogAux>? Aux, RunCount Count);
