using System.Text.Json;

namespace IpsApi.Jobs.Notifications;

/// <summary>
/// The JSON body POSTed to a job's httpCompletionUrl / postHttpUrl when a run ends
/// (<c>Content-Type: application/json; charset=utf-8</c>):
/// <code>
/// {
///   "jobHandle": "47|Nightly|Nightly_2025-03-03-10:15:00.000|1234",
///   "jobName": "Nightly",
///   "originalName": "Nightly",
///   "companyHandle": "47",
///   "jobType": "ServerDirectoryPublish",
///   "instanceName": "Nightly_2025-03-03-10:15:00.000",
///   "outcome": "Succeeded",                       // or "Failed", "Stopped"
///   "counts": { "fileSuccess": 12, "fileError": 0, "fileWarning": 1, "fileDuplicate": 0,
///               "fileUpdate": 3, "totalFiles": 13, "fatalError": false },
///   "startedAt": "2025-03-03T09:15:00+00:00",     // UTC, ISO 8601
///   "endedAt": "2025-03-03T09:16:12.5+00:00"      // null if unknown
/// }
/// </code>
/// The request also carries <c>Idempotency-Key: ipsapi-&lt;outbox id&gt;-&lt;ms&gt;</c>, the same on every retry of
/// one callback, so a receiver can drop a repeat.
/// </summary>
internal sealed record CallbackDocument(
    string JobHandle, string JobName, string OriginalName, string CompanyHandle, string JobType, string InstanceName,
    string Outcome, RunCounts Counts, DateTimeOffset StartedAt, DateTimeOffset? EndedAt)
{
    public static string Serialize(RunSummary run) => JsonSerializer.Serialize(
        new CallbackDocument(
            run.JobHandle, run.JobName, run.OriginalName, run.CompanyHandle, run.JobType, run.InstanceName,
            run.Outcome.ToString(), run.Counts, run.StartedAt.ToUniversalTime(), run.EndedAt?.ToUniversalTime()),
        OutboxMessage.Json);
}
