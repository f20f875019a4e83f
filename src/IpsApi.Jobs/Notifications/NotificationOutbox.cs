using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace IpsApi.Jobs.Notifications;

/// <summary>
/// Where a run leaves its notifications. The rows are written with the runner's own connection and
/// transaction, so they exist exactly when the run's state they describe does; <see cref="OutboxSender"/>
/// delivers them after the commit (call <see cref="OutboxSender.Notify"/> then, to send at once).
/// </summary>
public sealed class NotificationOutbox(IOptions<NotificationOptions> options, ILogger<NotificationOutbox> logger)
{
    private readonly TimeZoneInfo _zone = options.Value.ResolveTimeZone();

    /// <summary>The start email, when the job's emailSetting is All. Returns how many messages were queued.</summary>
    public Task<int> EnqueueRunStartedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RunSummary run, CancellationToken cancellationToken) =>
        WriteAsync(connection, transaction, run, RunMessages.AtStart(run, _zone), NotificationRules.EmailAtStart(run), cancellationToken);

    /// <summary>
    /// The end email as the emailSetting asks, and the completion callback if the job names a URL. Returns how many
    /// messages were queued (the sender need not be woken for none).
    /// </summary>
    public Task<int> EnqueueRunEndedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RunSummary run, CancellationToken cancellationToken) =>
        WriteAsync(connection, transaction, run, RunMessages.AtEnd(run, _zone), NotificationRules.EmailAtEnd(run), cancellationToken);

    private async Task<int> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RunSummary run, IReadOnlyList<OutboxMessage> messages,
        bool emailWanted, CancellationToken cancellationToken)
    {
        if (emailWanted && !RunMessages.HasRecipient(run))
        {
            logger.LogWarning("Run {RunId} of {JobName} should send an email but its recipient has no address", run.RunId, run.JobName);
        }

        foreach (var message in messages)
        {
            await using var insert = new NpgsqlCommand(
                "insert into outbox (kind, run_id, payload) values (@kind, @run, @payload)", connection, transaction);
            insert.Parameters.AddWithValue("kind", message.Kind);
            insert.Parameters.AddWithValue("run", run.RunId);
            insert.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, message.Payload);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return messages.Count;
    }
}
