using IpsApi.Jobs.Running.Messages;

namespace IpsApi.Jobs.Running;

/// <summary>An aux entry under a log detail (JobLogDetailAux).</summary>
public sealed record JobLogAux(string LogType, LogText Message, DateTimeOffset? DateCreated = null);

/// <summary>
/// The one way executors write the IPS job log of their run: each detail is stored at once (a client polling
/// getJobLogDetails sees it) and adds to the run's counts according to its log type. Messages are
/// <see cref="LogText"/>s: a catalog key with arguments, read back in the reader's language, or free text.
/// </summary>
/// <param name="locale">The job's locale: the language of <see cref="FirstErrors"/>, which go into its email.</param>
public sealed class JobLogWriter(long runId, RunStore store, string? locale = null)
{
    private int _errors;
    private int _warnings;
    private readonly List<string> _firstErrors = [];

    public int ErrorCount => _errors;

    public int WarningCount => _warnings;

    /// <summary>The first ten error messages, for the notification email.</summary>
    public IReadOnlyList<string> FirstErrors => _firstErrors;

    public Task WriteAsync(
        string logType,
        LogText message,
        string? assetName = null,
        string? assetType = null,
        string? assetHandle = null,
        IReadOnlyList<JobLogAux>? aux = null,
        CancellationToken cancellationToken = default)
    {
        var entry = Count(logType, message, assetName, assetType, assetHandle, aux);
        return store.AddDetailAsync(runId, entry, cancellationToken);
    }

    private JobLogEntry Count(
        string logType, LogText message, string? assetName, string? assetType, string? assetHandle, IReadOnlyList<JobLogAux>? aux)
    {
        var count = JobLogTypes.CountOf(logType);
        if (count == RunCount.FileError)
        {
            _errors++;
            if (_firstErrors.Count < 10)
            {
                var text = LogCatalog.Render(message, locale);
                _firstErrors.Add(assetName is null ? text : $"{assetName}: {text}");
            }
        }
        else if (count == RunCount.FileWarning)
        {
            _warnings++;
        }

        return new JobLogEntry(logType, message, assetName, assetType, assetHandle, aux, count);
    }

    /// <summary>
    /// Counts one transfer (a download of uploadUrlsJob) in the JobLog's transferSuccessCount or transferErrorCount.
    /// Transfers are counted apart from files: a body that arrived is a successful transfer even when the file
    /// is then refused, which is what tells a user whether the source or the file was at fault.
    /// </summary>
    public Task TransferAsync(bool succeeded, CancellationToken cancellationToken = default) =>
        store.CountTransferAsync(runId, succeeded, cancellationToken);

    /// <summary>Records how many files the run will look at (TotalFileCount detail and count).</summary>
    public async Task TotalFilesAsync(int total, CancellationToken cancellationToken = default)
    {
        await store.SetTotalFilesAsync(runId, total, cancellationToken);
        await WriteAsync(JobLogTypes.TotalFileCount, total.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
    }
}

public sealed record JobLogEntry(
    string LogType, LogText Message, string? AssetName, string? AssetType, string? AssetHandle, IReadOnlyList<JobLogAux>? Aux, RunCount Count);
