using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Database;
using IpsApi.Jobs.Notifications;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace IpsApi.IntegrationTests.Notifications;

/// <summary>Emails from the outbox into a real SMTP server's mailbox, or into the pickup folder.</summary>
[Collection(NotificationCollection.Name)]
public sealed class EmailDeliveryTests(NotificationFixture fixture)
{
    [Fact]
    public async Task A_runs_end_email_reaches_the_recipient_in_the_jobs_language()
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        await using var services = fixture.Services(SmtpSettings(smtp));
        var sender = services.GetRequiredService<OutboxSender>();
        await sender.StartAsync(CancellationToken.None);
        var runId = NotificationFixture.NewRunId();

        await fixture.EnqueueEndAsync(services, NotificationFixture.Run(runId, locale: "de-DE",
            counts: new RunCounts(1200, 0, 1, 0, 2, 1203, false)));
        var message = Assert.Single(await smtp.WaitForMessagesAsync(1));
        await sender.StopAsync(CancellationToken.None);

        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal("anna@example.test", to.Address);
        Assert.Equal("Anna Berg", to.Name);
        Assert.Equal("anna@example.test", message.Headers["X-RcptTo"]);
        Assert.Equal("ips-jobs@example.test", Assert.IsType<MailboxAddress>(Assert.Single(message.From)).Address);
        Assert.Equal($"IPS-Job „Nightly {runId}“ erfolgreich abgeschlossen", message.Subject);
        Assert.Contains("Hallo Anna Berg,", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Jobname: Nightly {runId}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Dateien insgesamt: 1.203", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Warnungen: 1", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Montag, 3. März 2025 10:15:00 (UTC+01:00)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("erfolgreich abgeschlossen", message.HtmlBody, StringComparison.Ordinal);
        var row = Assert.Single(await fixture.RowsAsync(runId));
        Assert.True(row.Delivered);
        Assert.Equal(1, row.Attempts);
        Assert.StartsWith($"ipsapi.outbox.{row.Id}.", message.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emails_written_while_smtp_is_down_arrive_once_each_when_it_is_back()
    {
        await using var smtp = SmtpServerFixture.Create();
        await using var services = fixture.Services(SmtpSettings(smtp));
        var sender = services.GetRequiredService<OutboxSender>();
        await sender.StartAsync(CancellationToken.None);
        var runIds = Enumerable.Range(0, 3).Select(_ => NotificationFixture.NewRunId()).ToArray();

        foreach (var runId in runIds)
        {
            await fixture.EnqueueEndAsync(services, NotificationFixture.Run(runId));
        }

        // Every message has been tried against the dead server, and is waiting for its next attempt.
        var failing = await Eventually.WaitAsync(() => fixture.RowsAsync(runIds),
            rows => rows.Count == 3 && rows.All(r => r.Attempts >= 2 && r.LastError is not null), "attempts against the dead SMTP server");
        Assert.All(failing, r => Assert.False(r.Delivered || r.Failed));
        Assert.Contains(failing, r => r.LastError!.Contains("refused", StringComparison.OrdinalIgnoreCase));

        await smtp.StartAsync(CancellationToken.None);
        var rows = await fixture.SettledAsync(runIds);
        await sender.StopAsync(CancellationToken.None);

        Assert.All(rows, r => Assert.True(r.Delivered));
        var messages = smtp.Messages();
        Assert.Equal(3, messages.Count);
        Assert.Equal(3, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(runIds.Select(id => $"IPS job \"Nightly {id}\" succeeded").Order(), messages.Select(m => m.Subject).Order());
    }

    [Fact]
    public async Task Two_senders_on_one_database_deliver_each_message_once()
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        await using var nodeA = fixture.Services(SmtpSettings(smtp));
        await using var nodeB = fixture.Services(SmtpSettings(smtp));
        var senders = new[] { nodeA, nodeB }.Select(s => s.GetRequiredService<OutboxSender>()).ToList();
        foreach (var sender in senders)
        {
            await sender.StartAsync(CancellationToken.None);
        }

        var runIds = Enumerable.Range(0, 20).Select(_ => NotificationFixture.NewRunId()).ToArray();
        for (var i = 0; i < runIds.Length; i++)
        {
            // Each enqueue wakes one node; the other finds rows by polling, so both take part.
            await fixture.EnqueueEndAsync(i % 2 == 0 ? nodeA : nodeB, NotificationFixture.Run(runIds[i]));
        }

        var rows = await fixture.SettledAsync(runIds);
        await smtp.WaitForMessagesAsync(20);
        foreach (var sender in senders)
        {
            await sender.StopAsync(CancellationToken.None);
        }

        Assert.All(rows, r => Assert.True(r.Delivered));
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        var messages = smtp.Messages();
        Assert.Equal(20, messages.Count);
        Assert.Equal(20, messages.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task An_email_that_cannot_be_delivered_is_given_up_after_the_last_attempt()
    {
        await using var smtp = SmtpServerFixture.Create();
        await using var services = fixture.Services(new Dictionary<string, string?>(SmtpSettings(smtp))
        {
            ["IpsApi:Notifications:MaxAttempts"] = "3",
        });
        var sender = services.GetRequiredService<OutboxSender>();
        await sender.StartAsync(CancellationToken.None);
        var runId = NotificationFixture.NewRunId();

        await fixture.EnqueueEndAsync(services, NotificationFixture.Run(runId));
        var row = Assert.Single(await fixture.SettledAsync(runId));
        await sender.StopAsync(CancellationToken.None);

        Assert.True(row.Failed);
        Assert.False(row.Delivered);
        Assert.Equal(3, row.Attempts);
        Assert.NotNull(row.LastError);
    }

    [Fact]
    public async Task Notify_wakes_the_sender_without_waiting_for_the_next_poll()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ipsapi-pickup-{Guid.NewGuid():N}");
        try
        {
            await using var services = fixture.Services(new Dictionary<string, string?>
            {
                ["IpsApi:Notifications:PickupFolder"] = folder,
                ["IpsApi:Notifications:PollSeconds"] = "3600",
            });
            var sender = services.GetRequiredService<OutboxSender>();
            await sender.StartAsync(CancellationToken.None);
            var runId = NotificationFixture.NewRunId();
            // Let the first pass find nothing, so only the signal can bring the sender back within the hour.
            await Task.Delay(300);

            await fixture.EnqueueEndAsync(services, NotificationFixture.Run(runId));
            var row = Assert.Single(await fixture.SettledAsync(runId));
            await sender.StopAsync(CancellationToken.None);

            Assert.True(row.Delivered);
            Assert.Single(Directory.GetFiles(folder, "*.eml"));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Without_an_smtp_host_the_email_is_an_eml_file_in_the_data_folder()
    {
        var data = Path.Combine(Path.GetTempPath(), $"ipsapi-data-{Guid.NewGuid():N}");
        try
        {
            await using var services = fixture.Services(new Dictionary<string, string?> { ["IpsApi:Data"] = data });
            var sender = services.GetRequiredService<OutboxSender>();
            await sender.StartAsync(CancellationToken.None);
            var runId = NotificationFixture.NewRunId();

            await fixture.EnqueueEndAsync(services, NotificationFixture.Run(runId, "Error", "ja-JP", outcome: RunOutcome.Failed));
            await fixture.SettledAsync(runId);
            await sender.StopAsync(CancellationToken.None);

            var mail = Path.Combine(data, "mail");
            var file = Assert.Single(Directory.GetFiles(mail));
            Assert.EndsWith(".eml", file, StringComparison.Ordinal);
            var message = await MimeMessage.LoadAsync(file);
            Assert.Equal($"IPS ジョブ「Nightly {runId}」: 失敗", message.Subject);
            Assert.Equal("anna@example.test", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
            Assert.Contains("Anna Berg 様", message.TextBody, StringComparison.Ordinal);
            var row = Assert.Single(await fixture.RowsAsync(runId));
            Assert.StartsWith($"ipsapi.outbox.{row.Id}.", message.MessageId, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_start_and_an_end_email_for_emailSetting_All()
    {
        await using var smtp = await SmtpServerFixture.StartAsync();
        await using var services = fixture.Services(SmtpSettings(smtp));
        var sender = services.GetRequiredService<OutboxSender>();
        await sender.StartAsync(CancellationToken.None);
        var runId = NotificationFixture.NewRunId();
        var run = NotificationFixture.Run(runId, "All", "fr-FR");

        await using (var work = await UnitOfWork.BeginAsync(fixture.Db, CancellationToken.None))
        {
            await services.GetRequiredService<NotificationOutbox>().EnqueueRunStartedAsync(work, run, CancellationToken.None);
            await work.CommitAsync(CancellationToken.None);
        }

        sender.Notify();
        await fixture.EnqueueEndAsync(services, run);
        var messages = await smtp.WaitForMessagesAsync(2);
        await sender.StopAsync(CancellationToken.None);

        Assert.Equal(
            [$"Tâche IPS «\u00A0Nightly {runId}\u00A0» démarrée", $"Tâche IPS «\u00A0Nightly {runId}\u00A0» réussie"],
            messages.Select(m => m.Subject).Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, string?> SmtpSettings(SmtpServerFixture smtp) => new()
    {
        ["IpsApi:Smtp:Host"] = "127.0.0.1",
        ["IpsApi:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
