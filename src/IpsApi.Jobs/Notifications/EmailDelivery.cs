using System.Globalization;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace IpsApi.Jobs.Notifications;

/// <summary>Turns an email row into a MIME message and hands it to SMTP or to the pickup folder.</summary>
internal static class EmailDelivery
{
    /// <summary>
    /// The message of a row. Everything comes from the row, so a resend after a crash (delivered, but not yet
    /// marked so) is the same message with the same Message-Id and Date, and receivers can tell it is a repeat.
    /// </summary>
    public static MimeMessage Build(ClaimedRow row, SmtpOptions smtp)
    {
        var payload = JsonSerializer.Deserialize<EmailPayload>(row.Payload, OutboxMessage.Json)
            ?? throw new PermanentDeliveryException("the email row has no payload");
        if (!MailboxAddress.TryParse(payload.To, out var to) || !to.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new PermanentDeliveryException($"the recipient address '{payload.To}' is not valid");
        }

        to.Name = payload.ToName;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, MailboxAddress.Parse(smtp.From).Address));
        message.To.Add(to);
        message.Subject = payload.Subject;
        message.Date = row.CreatedAt;
        message.MessageId = MessageId(row, smtp);
        // RFC 3834: tells vacation responders and mailing lists not to answer a machine.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add(HeaderId.ContentLanguage, payload.Locale);
        message.Body = new BodyBuilder { TextBody = payload.Text, HtmlBody = payload.Html }.ToMessageBody();
        return message;
    }

    /// <summary>Unique per row and stable across resends: the row id plus its creation time (ids restart with a new database).</summary>
    public static string MessageId(ClaimedRow row, SmtpOptions smtp)
    {
        var domain = string.IsNullOrWhiteSpace(smtp.MessageIdDomain)
            ? MailboxAddress.Parse(smtp.From).Domain
            : smtp.MessageIdDomain.Trim();
        return string.Create(CultureInfo.InvariantCulture,
            $"ipsapi.outbox.{row.Id}.{row.CreatedAt.ToUnixTimeMilliseconds()}@{(domain.Length > 0 ? domain : "ipsapi.local")}");
    }
}

/// <summary>Where one sender pass puts its emails.</summary>
internal interface IEmailChannel : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, ClaimedRow row, CancellationToken cancellationToken);
}

/// <summary>
/// One SMTP connection for a sender pass, opened on the first message. When the server cannot be reached,
/// the rest of the pass fails at once with the same error instead of waiting for a timeout per message.
/// </summary>
internal sealed class SmtpChannel(SmtpOptions options) : IEmailChannel
{
    private SmtpClient? _client;
    private Exception? _unreachable;

    public async Task SendAsync(MimeMessage message, ClaimedRow row, CancellationToken cancellationToken)
    {
        var client = await ConnectedAsync(cancellationToken);
        await client.SendAsync(message, cancellationToken);
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_unreachable is not null)
        {
            throw new IOException($"SMTP server {options.Host}:{options.Port} not reachable in this pass: {_unreachable.Message}", _unreachable);
        }

        if (_client is { IsConnected: true })
        {
            return _client;
        }

        _client?.Dispose();
        _client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(options.TimeoutSeconds).TotalMilliseconds };
        try
        {
            await _client.ConnectAsync(options.Host!, options.Port, Map(options.Security), cancellationToken);
            if (!string.IsNullOrEmpty(options.User))
            {
                await _client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _unreachable = e;
            throw;
        }

        return _client;
    }

    private static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    public async ValueTask DisposeAsync()
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception)
        {
            // The messages are sent; a failed QUIT changes nothing about them.
        }

        _client.Dispose();
    }
}

/// <summary>
/// Without an SMTP server the messages become .eml files in a folder (the development default, and a pickup
/// directory for a local MTA). Written to a hidden temp file and renamed, so a reader never sees half a
/// message; the name comes from the row, so a resend replaces the file instead of adding a second one.
/// </summary>
internal sealed class PickupFolderChannel(string folder) : IEmailChannel
{
    public async Task SendAsync(MimeMessage message, ClaimedRow row, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"{row.CreatedAt.UtcDateTime:yyyyMMdd-HHmmss}-{row.Id}.eml");
        var path = Path.Combine(folder, name);
        var temp = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16384, useAsync: true))
            {
                await message.WriteToAsync(stream, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
