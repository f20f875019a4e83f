namespace IpsApi.Jobs.Net;

/// <summary>Whether an outbound request may go ahead, and if not, why (one line, fit for a log or a job log).</summary>
public sealed record OutboundDecision(bool Allowed, string? Reason)
{
    public static OutboundDecision Allow { get; } = new(true, null);

    public static OutboundDecision Refuse(string reason) => new(false, reason);
}

/// <summary>Raised when <see cref="OutboundUrlPolicy"/> refuses a request; retrying will not change the answer.</summary>
public sealed class OutboundRequestRefusedException : Exception
{
    public OutboundRequestRefusedException()
    {
    }

    public OutboundRequestRefusedException(string message)
        : base(message)
    {
    }

    public OutboundRequestRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The refusal inside an exception chain, as HttpClient wraps what a connect callback throws.</summary>
    public static OutboundRequestRefusedException? FindIn(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OutboundRequestRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
