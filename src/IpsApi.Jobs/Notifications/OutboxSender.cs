using IpsApi.Jobs.Engine;
using IpsApi.Jobs.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IpsApi.Jobs.Notifications;

/// <summary>
/// Delivers the outbox: emails over SMTP (or into the pickup folder) and completion callbacks over HTTP.
/// It wakes when <see cref="Notify"/> is called (the runner does after committing a run's messages) and
/// every <see cref="NotificationOptions.PollSeconds"/> for rows written by other nodes, retries that came
/// due, and rows left by a crash. Every node may run one against the same database: a row is claimed by one
/// sender at a time (see <see cref="OutboxStore.ClaimAsync"/>), so each message is sent once; only a crash
/// between sending and recording it can repeat it, with the same Message-Id / Idempotency-Key.
/// </summary>
public sealed class OutboxSender : BackgroundService
{
    private readonly OutboxStore _store;
    private readonly CallbackDelivery _callbacks;
    private readonly NotificationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxSender> _logger;
    private readonly SemaphoreSlim _signal = new(0, 1);

    public OutboxSender(
        NpgsqlDataSource dataSource, IOptions<NotificationOptions> options, IHttpClientFactory httpClients,
        OutboundUrlPolicy outboundPolicy, TimeProvider time, ILogger<OutboxSender> logger)
    {
        _store = new OutboxStore(dataSource);
        _callbacks = new CallbackDelivery(httpClients, outboundPolicy);
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>New rows are committed: look now instead of at the next poll. Cheap; call it freely.</summary>
    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers every row committed before it is taken.
        }
    }

    /// <summary>One pass: claims the rows that are due and tries each once. Returns how many it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var rows = await _store.ClaimAsync(_options.BatchSize, _options.Lease, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var claimed = _time.GetTimestamp();
        await using IEmailChannel email = _options.Smtp.HasHost
            ? new SmtpChannel(_options.Smtp)
            : new PickupFolderChannel(_options.PickupFolder ?? Path.GetFullPath(Path.Combine(".data", "mail")));
        for (var i = 0; i < rows.Count; i++)
        {
            // Stop well before the lease lapses and hand the rest back, so no other sender takes a row still in hand.
            if (cancellationToken.IsCancellationRequested || _time.GetElapsedTime(claimed) > _options.Lease / 2)
            {
                await _store.ReleaseAsync(rows.Skip(i).Select(r => r.Id).ToArray(), CancellationToken.None);
                break;
            }

            try
            {
                await DeliverAsync(rows[i], email, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: the next start (or another node) takes the rest at once, not after the lease.
                await _store.ReleaseAsync(rows.Skip(i + 1).Select(r => r.Id).ToArray(), CancellationToken.None);
                throw;
            }
        }

        return rows.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.SenderEnabled)
        {
            _logger.LogInformation("Outbox sender is off on this node (IpsApi:Notifications:SenderEnabled)");
            return;
        }

        _logger.LogInformation("Outbox sender started: email {Route}, poll every {Seconds} s",
            _options.Smtp.HasHost ? $"via SMTP {_options.Smtp.Host}:{_options.Smtp.Port}" : $"to {_options.PickupFolder}",
            _options.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is away or similar: nothing is lost, the rows wait for the next pass.
                _logger.LogWarning(e, "Outbox pass failed; next try in {Seconds} s", _options.PollSeconds);
            }

            if (claimed < _options.BatchSize)
            {
                await WaitAsync(stoppingToken);
            }
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _signal.Dispose();
    }

    private async Task DeliverAsync(ClaimedRow row, IEmailChannel email, CancellationToken cancellationToken)
    {
        try
        {
            switch (row.Kind)
            {
                case OutboxMessage.Email:
                    await email.SendAsync(EmailDelivery.Build(row, _options.Smtp), row, cancellationToken);
                    break;
                case OutboxMessage.Callback:
                    await _callbacks.PostAsync(row, _options.CallbackTimeout, cancellationToken);
                    break;
                default:
                    throw new PermanentDeliveryException($"unknown outbox kind '{row.Kind}'");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _store.ReleaseAsync([row.Id], CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            await RecordFailureAsync(row, e);
            return;
        }

        // Not the pass's token: once sent, the row must say so, or it would be sent again.
        await _store.MarkDeliveredAsync(row.Id, CancellationToken.None);
        _logger.LogInformation("Delivered {Kind} {OutboxId} of run {RunId} (attempt {Attempt})", row.Kind, row.Id, row.RunId, row.Attempts);
    }

    private async Task RecordFailureAsync(ClaimedRow row, Exception error)
    {
        var permanent = DeliveryErrors.IsPermanent(error);
        var description = DeliveryErrors.Describe(error);
        var retryIn = Backoff.DelayAfter(row.Attempts, _options.RetryBase, _options.RetryMax);
        var gaveUp = await _store.MarkFailedAsync(
            row.Id, description, permanent, retryIn, _options.MaxAttempts, _options.MaxAge, CancellationToken.None);
        if (gaveUp)
        {
            _logger.LogError("Gave up on {Kind} {OutboxId} of run {RunId} after {Attempts} attempt(s): {Error}",
                row.Kind, row.Id, row.RunId, row.Attempts, description);
        }
        else
        {
            _logger.LogWarning("{Kind} {OutboxId} of run {RunId} failed (attempt {Attempts}), retry in {RetrySeconds} s: {Error}",
                row.Kind, row.Id, row.RunId, row.Attempts, retryIn.TotalSeconds, description);
        }
    }

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _signal.WaitAsync(_options.PollInterval, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down; the loop ends.
        }
    }
}
