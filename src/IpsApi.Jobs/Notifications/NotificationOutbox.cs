using IpsApi.Jobs.Database;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace IpsApi.Jobs.Notifications;

/// <summary>
/// Where a run leaves its notifications: the outbox table. The rows are written in the runner's own unit of work,
/// so they exist exactly when the run's state they describe does; <see cref="OutboxSender"/>
/// delivers them after the commit (call <see cref="OutboxSender.Notify"/> then, to send at once).
/// </summary>
public sealed class NotificationOutbox(IOptions<NotificationOptions> options, ILogger<NotificationOutbox> logger)
{
    private readonly TimeZoneInfo _zone = options.Value.ResolveTimeZone();

    /// <summary>The start email, when the job's emailSetting is All. Returns how many messages were queued.</summary>
    public Task<int> EnqueueRunStartedAsync(
        UnitOfWork work, RunSummary run, CancellationToken cancellationToken) =>
        WriteAsync(work, run, RunMessages.AtStart(run, _zone), NotificationRules.EmailAtStart(run), cancellationToken);

    /// <summary>
    /// The end email as the emailSetting asks, and the completion callback if the job names a URL. Returns how many
    /// messages were queued (the sender need not be woken for none).
    /// </summary>
    public Task<int> EnqueueRunEndedAsync(
        UnitOfWork work, RunSummary run, CancellationToken cancellationToken) =>
        WriteAsync(work, run, RunMessages.AtEnd(run, _zone), NotificationRules.EmailAtEnd(run), cancellationToken);

    private async Task<int> WriteAsync(
        UnitOfWork work, RunSummary run, IReadOnlyList<OutboxMessage> messages,
        bool emailWanted, CancellationToken cancellationToken)
    {
        if (emailWanted && !RunMessages.HasRecipient(run))
        {
            logger.LogWarning("Run {RunId} of {JobName} should send an email but its recipient has no address", run.RunId, run.JobName);
        }

        foreach (var message in messages)
        {
            await using var insert = work.Command("insert into outbox (kind, run_id, payload) values (@kind, @run, @payload)");
            insert.Parameters.AddWithValue("kind", message.Kind);
            insert.Parameters.AddWithValue("run", run.RunId);
            insert.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, message.Payload);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return messages.Count;
    }
}
