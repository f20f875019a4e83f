using System.Text.Json;

namespace IpsApi.Jobs.Notifications;

/// <summary>One row to write into the outbox: its kind and its payload as JSON.</summary>
internal sealed record OutboxMessage(string Kind, string Payload)
{
    public const string Email = "email";
    public const string Callback = "callback";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OutboxMessage For(EmailPayload email) => new(Email, JsonSerializer.Serialize(email, Json));

    public static OutboxMessage For(CallbackPayload callback) => new(Callback, JsonSerializer.Serialize(callback, Json));
}

/// <summary>An email as composed when the run wrote it; sender address and Message-Id are added on delivery.</summary>
/// <param name="Moment">"started" or "ended".</param>
/// <param name="Locale">The locale whose texts were used.</param>
internal sealed record EmailPayload(
    string Moment, string Locale, string To, string ToName, string Subject, string Text, string? Html);

/// <summary>A completion callback: where to POST, and the exact JSON body (kept as text, so it is sent byte for byte).</summary>
internal sealed record CallbackPayload(string Url, string Body);
