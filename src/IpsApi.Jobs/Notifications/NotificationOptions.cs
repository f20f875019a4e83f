using Microsoft.Extensions.Options;
using MimeKit;

namespace IpsApi.Jobs.Notifications;

/// <summary>
/// How the outbox is delivered: section <c>IpsApi:Notifications</c> (IPSAPI_NOTIFICATIONS__POLLSECONDS, ...),
/// with the SMTP server in <see cref="Smtp"/> from section <c>IpsApi:Smtp</c> (IPSAPI_SMTP__HOST, ...).
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "IpsApi:Notifications";
    public const string SmtpSection = "IpsApi:Smtp";

    /// <summary>Run the sender on this node. Off: rows wait for the other nodes.</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>How often the sender looks for due rows without being told (rows of other nodes, retries, a restart).</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>Rows one sender claims at a time.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>How long a claim holds a row; after that another sender may take it (the claimer died).</summary>
    public double LeaseSeconds { get; set; } = 300;

    /// <summary>Wait before the first retry; it doubles with every failed attempt up to <see cref="RetryMaxSeconds"/>.</summary>
    public double RetryBaseSeconds { get; set; } = 1;

    public double RetryMaxSeconds { get; set; } = 300;

    /// <summary>Give up (failed_at) after this many attempts...</summary>
    public int MaxAttempts { get; set; } = 100;

    /// <summary>...or when a message is this old, whichever comes first.</summary>
    public double MaxAgeHours { get; set; } = 48;

    public double CallbackTimeoutSeconds { get; set; } = 30;

    /// <summary>Where emails go as .eml files when no SMTP host is set; default <c>&lt;IpsApi:Data&gt;/mail</c>.</summary>
    public string? PickupFolder { get; set; }

    /// <summary>Zone of the times in emails; default <c>IpsApi:TimeZone</c>, else the machine's.</summary>
    public string? TimeZone { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollSeconds);

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan RetryBase => TimeSpan.FromSeconds(RetryBaseSeconds);

    public TimeSpan RetryMax => TimeSpan.FromSeconds(RetryMaxSeconds);

    public TimeSpan MaxAge => TimeSpan.FromHours(MaxAgeHours);

    public TimeSpan CallbackTimeout => TimeSpan.FromSeconds(CallbackTimeoutSeconds);

    public TimeZoneInfo ResolveTimeZone() =>
        string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Every problem with the settings, each as one line.</summary>
    public IEnumerable<string> Validate()
    {
        if (PollSeconds is <= 0 or > 3600)
        {
            yield return $"{Section}:PollSeconds must be more than 0 and at most 3600.";
        }

        if (BatchSize is < 1 or > 1000)
        {
            yield return $"{Section}:BatchSize must be between 1 and 1000.";
        }

        if (RetryBaseSeconds <= 0 || RetryMaxSeconds < RetryBaseSeconds)
        {
            yield return $"{Section}:RetryBaseSeconds must be more than 0 and RetryMaxSeconds at least as much.";
        }

        if (MaxAttempts < 1 || MaxAgeHours <= 0)
        {
            yield return $"{Section}:MaxAttempts must be at least 1 and MaxAgeHours more than 0.";
        }

        if (CallbackTimeoutSeconds <= 0 || Smtp.TimeoutSeconds <= 0)
        {
            yield return $"{Section}:CallbackTimeoutSeconds and {SmtpSection}:TimeoutSeconds must be more than 0.";
        }

        // A delivery must end well inside the lease, or a second sender could take the row meanwhile.
        var slowest = Math.Max(CallbackTimeoutSeconds, Smtp.TimeoutSeconds);
        if (LeaseSeconds < 4 * slowest)
        {
            yield return $"{Section}:LeaseSeconds must be at least 4 times the longest timeout ({4 * slowest} s).";
        }

        if (!string.IsNullOrWhiteSpace(TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return $"{Section}:TimeZone '{TimeZone}' is not a known time zone.";
        }

        if (Smtp.Port is < 0 or > 65535)
        {
            yield return $"{SmtpSection}:Port must be between 0 (the default for the security mode) and 65535.";
        }

        if (!MailboxAddress.TryParse(Smtp.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            yield return $"{SmtpSection}:From '{Smtp.From}' is not an email address.";
        }

        if (!string.IsNullOrEmpty(Smtp.User) && Smtp.Password is null)
        {
            yield return $"{SmtpSection}:User is set but {SmtpSection}:Password is not.";
        }
    }
}

public enum SmtpSecurity
{
    /// <summary>Plain SMTP, no TLS even when the server offers it.</summary>
    None,

    /// <summary>STARTTLS, required.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,

    /// <summary>TLS on connect for port 465, else STARTTLS when the server offers it.</summary>
    Auto,
}

/// <summary>The SMTP server (section <c>IpsApi:Smtp</c>). No <see cref="Host"/>: emails go to the pickup folder.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>0 picks the usual port for <see cref="Security"/> (25, 587 for StartTls, 465 for SslOnConnect).</summary>
    public int Port { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? User { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "ips-jobs@localhost";

    public string FromName { get; set; } = "IPS Job Server";

    /// <summary>Timeout of each SMTP operation (connect, each command, the message).</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Right-hand side of Message-Ids; default the domain of <see cref="From"/>.</summary>
    public string? MessageIdDomain { get; set; }

    public bool HasHost => !string.IsNullOrWhiteSpace(Host);
}

internal sealed class NotificationOptionsValidation : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
