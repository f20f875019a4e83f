using System.Text.Json;
using IpsApi.Jobs.Net;
using MailKit.Net.Smtp;
using MimeKit;

namespace IpsApi.Jobs.Notifications;

/// <summary>A delivery that can never succeed as it stands (refused address, malformed row): not retried.</summary>
public sealed class PermanentDeliveryException : Exception
{
    public PermanentDeliveryException()
    {
    }

    public PermanentDeliveryException(string message)
        : base(message)
    {
    }

    public PermanentDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>How a failed delivery is judged and described in <c>outbox.last_error</c>.</summary>
internal static class DeliveryErrors
{
    private const int MaxLength = 1000;

    public static bool IsPermanent(Exception exception) => exception switch
    {
        PermanentDeliveryException or JsonException or ParseException => true,
        _ when OutboundRequestRefusedException.FindIn(exception) is not null => true,
        // 5xx for the recipient or the message itself: the server will say the same next time.
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } smtp
            => (int)smtp.StatusCode >= 500,
        _ => false,
    };

    /// <summary>
    /// One line for the row. Messages of these exceptions name hosts, ports and status codes, never the SMTP
    /// password; callback URLs (which may carry tokens) are left out by the callers.
    /// </summary>
    public static string Describe(Exception exception)
    {
        var text = exception switch
        {
            PermanentDeliveryException p => p.Message,
            _ when OutboundRequestRefusedException.FindIn(exception) is { } refused => refused.Message,
            SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode}: {smtp.Message}",
            _ when exception.InnerException is { } inner => $"{exception.GetType().Name}: {exception.Message} ({inner.GetType().Name}: {inner.Message})",
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
        text = text.ReplaceLineEndings(" ");
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }
}
