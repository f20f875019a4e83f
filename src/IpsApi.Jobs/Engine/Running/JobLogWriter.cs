using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.Store;

namespace IpsApi.Jobs.Engine.Running;

/// <summary>
/// The one way executors write the IPS job log of their run: each detail is stored at once (a client polling
/// getJobLogDetails sees it) and adds to the run's counts according to its log type. Messages are
/// <see cref="LogText"/>s: a catalog key with arguments, read back in the reader's language, or free text. A record
/// written while an item loop does an item is stored with the item's index (<see cref="JobRun.ForEachItemAsync"/>):
/// the run that takes over a cut run carries the records of the items it finished.
/// </summary>
/// <param name="locale">The job's locale: the language of <see cref="FirstErrors"/>, which go into its email.</param>
public sealed class JobLogWriter(long runId, RunStore store, string? locale = null)
{
    private readonly List<string> _firstErrors = [];

    /// <summary>The item the current flow of work is doing, set by the item loop for each item (null outside items).</summary>
    private static readonly AsyncLocal<LoopItem?> Current = new();

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
            // Executors may write from several tasks at once (parallel downloads).
            lock (_firstErrors)
            {
                if (_firstErrors.Count < 10)
                {
                    var text = LogCatalog.Render(message, locale);
                    _firstErrors.Add(assetName is null ? text : $"{assetName}: {text}");
                }
            }
        }

        return new JobLogEntry(logType, message, assetName, assetType, assetHandle, aux, count, Current.Value?.Index);
    }

    /// <summary>Makes the rest of the calling flow (an item's work) write as item <paramref name="index"/>.</summary>
    internal static LoopItem BeginItem(int index) => Current.Value = new LoopItem(index);

    /// <summary>
    /// Counts one transfer (a download of uploadUrlsJob) in the JobLog's transferSuccessCount or transferErrorCount.
    /// Transfers are counted apart from files: a body that arrived is a successful transfer even when the file
    /// is then refused, which is what tells a user whether the source or the file was at fault.
    /// </summary>
    public Task TransferAsync(bool succeeded, CancellationToken cancellationToken = default)
    {
        if (Current.Value is { } item)
        {
            item.Transfer = succeeded;
        }

        return store.CountTransferAsync(runId, succeeded, cancellationToken);
    }

    /// <summary>Records how many files the run will look at (TotalFileCount detail and count).</summary>
    public async Task TotalFilesAsync(int total, CancellationToken cancellationToken = default)
    {
        await store.SetTotalFilesAsync(runId, total, cancellationToken);
        await WriteAsync(JobLogTypes.TotalFileCount, total.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
    }
}

/// <summary>An item being done by an item loop: its index, and the transfer it counted.</summary>
internal sealed class LoopItem(int index)
{
    public int Index { get; } = index;

    public bool? Transfer { get; set; }
}
