using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.Store;
using IpsApi.Wire;

namespace IpsApi.Server.Soap.Mapping;

/// <summary>
/// Runs and their records as the wire's JobLog, JobLogDetail and AssetJobLog. Messages are rendered in the
/// caller's locale; dates go out in UTC.
/// </summary>
internal static class JobLogWire
{
    public static JobLog Of(JobLogRun run) => new()
    {
        CompanyHandle = run.CompanyHandle,
        JobHandle = run.Handle.ToString(),
        JobName = run.JobName,
        OriginalJobName = run.OriginalName,
        SubmitUserEmail = run.SubmitUserEmail,
        LogType = run.LogType,
        JobSubType = run.JobSubType,
        StartDate = run.StartedAt.UtcDateTime,
        EndDate = run.EndedAt?.UtcDateTime,
        Description = run.Description,
        FileSuccessCount = run.Counts.FileSuccess,
        FileErrorCount = run.Counts.FileError,
        FileWarningCount = run.Counts.FileWarning,
        FileDuplicateCount = run.Counts.FileDuplicate,
        FileUpdateCount = run.Counts.FileUpdate,
        TotalFileCount = run.Counts.TotalFiles,
        TransferSuccessCount = run.Counts.TransferSuccess,
        TransferErrorCount = run.Counts.TransferError,
        TransferWarningCount = run.Counts.TransferWarning,
        FatalError = run.FatalError,
    };

    public static JobLog Of(JobLogWithDetails page, string locale)
    {
        var log = Of(page.Run);
        log.DetailTotalRows = page.TotalDetails;
        log.DetailArray = new JobLogDetailArray { Items = page.Details.Select(d => Detail(d, locale)).ToList() };
        return log;
    }

    public static AssetJobLog Of(AssetJobLogRow row, string locale) => new()
    {
        JobHandle = row.RunHandle.ToString(),
        JobName = row.JobName,
        LogMessage = LogCatalog.Render(row.Detail.Message, locale),
        LogType = row.Detail.LogType,
        SubmitUserEmail = row.SubmitUserEmail,
        LogDate = row.Detail.CreatedAt.UtcDateTime,
        AuxArray = Aux(row.Detail.Aux, locale),
    };

    private static JobLogDetail Detail(JobLogDetailRow detail, string locale) => new()
    {
        LogMessage = LogCatalog.Render(detail.Message, locale),
        LogType = detail.LogType,
        DateCreated = detail.CreatedAt.UtcDateTime,
        AssetName = detail.AssetName,
        AssetType = detail.AssetType,
        AssetHandle = detail.AssetHandle,
        AuxArray = Aux(detail.Aux, locale),
    };

    // An empty list is left out rather than sent as an empty element: the element is optional.
    private static JobLogDetailAuxArray? Aux(IReadOnlyList<JobLogAux> aux, string locale) => aux.Count == 0
        ? null
        : new JobLogDetailAuxArray
        {
            Items = aux.Select(a => new JobLogDetailAux
            {
                LogMessage = LogCatalog.Render(a.Message, locale),
                LogType = a.LogType,
                DateCreated = a.DateCreated?.UtcDateTime,
            }).ToList(),
        };
}
