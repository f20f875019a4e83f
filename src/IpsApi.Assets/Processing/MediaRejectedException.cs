namespace IpsApi.Assets.Processing;

/// <summary>
/// The file can't or mustn't be processed: it is corrupt, of an unsupported kind, over a configured limit or
/// hostile (a decompression bomb, a zip-slip entry). <see cref="Exception.Message"/> is the reason and is safe
/// to show to a client: it never contains a server path. <see cref="Detail"/> carries what a tool said, for the
/// server log only.
/// </summary>
public sealed class MediaRejectedException : Exception
{
    public MediaRejectedException(string reason)
        : base(reason)
    {
    }

    public MediaRejectedException(string reason, string? detail, Exception? innerException = null)
        : base(reason, innerException)
    {
        Detail = detail;
    }

    /// <summary>Diagnostic text for the server log (tool output, library message); may contain paths.</summary>
    public string? Detail { get; }
}
