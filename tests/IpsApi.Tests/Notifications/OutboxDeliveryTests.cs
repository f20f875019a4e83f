using IpsApi.Jobs.Engine;
using IpsApi.Jobs.Notifications;
using MimeKit;

namespace IpsApi.Tests.Notifications;

/// <summary>The parts of delivery that need no server: retry timing, the MIME message, settings checks.</summary>
public sealed class OutboxDeliveryTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(9, 256)]
    [InlineData(10, 300)]
    [InlineData(1000, 300)]
    public void Retries_wait_twice_as_long_each_time_up_to_the_cap(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.DelayAfter(attempts, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_resent_row_is_the_same_message_with_the_same_message_id()
    {
        var row = EmailRow(42);
        var smtp = new SmtpOptions { From = "jobs@ips.example.test", FromName = "IPS" };

        var first = EmailDelivery.Build(row, smtp);
        var again = EmailDelivery.Build(row, smtp);

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(first.Date, again.Date);
        Assert.StartsWith("ipsapi.outbox.42.", first.MessageId, StringComparison.Ordinal);
        Assert.EndsWith("@ips.example.test", first.MessageId, StringComparison.Ordinal);
        Assert.NotEqual(first.MessageId, EmailDelivery.Build(EmailRow(43), smtp).MessageId);
        Assert.Equal("IPS job \"Nightly Publish\" succeeded", first.Subject);
        Assert.Equal("anna@example.test", Assert.IsType<MailboxAddress>(Assert.Single(first.To)).Address);
        Assert.Equal("jobs@ips.example.test", Assert.IsType<MailboxAddress>(Assert.Single(first.From)).Address);
        Assert.Equal("auto-generated", first.Headers["Auto-Submitted"]);
        Assert.NotNull(first.TextBody);
        Assert.NotNull(first.HtmlBody);
    }

    [Fact]
    public void A_row_with_an_unusable_recipient_fails_for_good()
    {
        var message = OutboxMessage.For(RunEmailComposer.Compose(
            Runs.Sample(recipient: "not an address"), RunMoment.Ended, Runs.Berlin));
        var row = new ClaimedRow(7, message.Kind, 4711, message.Payload, 1, Runs.Start);

        var error = Assert.Throws<PermanentDeliveryException>(() => EmailDelivery.Build(row, new SmtpOptions()));
        Assert.True(DeliveryErrors.IsPermanent(error));
    }

    [Fact]
    public void The_default_settings_are_valid()
    {
        Assert.Empty(new NotificationOptions().Validate());
    }

    [Fact]
    public void Bad_settings_are_each_named()
    {
        var problems = new NotificationOptions
        {
            PollSeconds = 0,
            LeaseSeconds = 10,
            TimeZone = "Mars/Olympus",
            Smtp = new SmtpOptions { From = "nobody", User = "mailer" },
        }.Validate().ToList();

        Assert.Contains(problems, p => p.Contains("PollSeconds", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("LeaseSeconds", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Mars/Olympus", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("IpsApi:Smtp:From", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("IpsApi:Smtp:Password", StringComparison.Ordinal));
    }

    private static ClaimedRow EmailRow(long id)
    {
        var message = OutboxMessage.For(RunEmailComposer.Compose(Runs.Sample(), RunMoment.Ended, Runs.Berlin));
        return new ClaimedRow(id, message.Kind, 4711, message.Payload, 1, Runs.Start.AddSeconds(80));
    }
}
