namespace IpsApi.Server.Soap;

/// <summary>The two SOAP envelope versions on the one endpoint.</summary>
public sealed class SoapVersion
{
    public static readonly SoapVersion Soap11 = new(
        "http://schemas.xmlsoap.org/soap/envelope/", "soapenv", "text/xml; charset=utf-8", "Client", "Server");

    public static readonly SoapVersion Soap12 = new(
        "http://www.w3.org/2003/05/soap-envelope", "soap12", "application/soap+xml; charset=utf-8", "Sender", "Receiver");

    private SoapVersion(string envelopeNamespace, string prefix, string contentType, string callerFaultCode, string serverFaultCode)
    {
        EnvelopeNamespace = envelopeNamespace;
        Prefix = prefix;
        ContentType = contentType;
        CallerFaultCode = callerFaultCode;
        ServerFaultCode = serverFaultCode;
    }

    public string EnvelopeNamespace { get; }

    public string Prefix { get; }

    public string ContentType { get; }

    public string CallerFaultCode { get; }

    public string ServerFaultCode { get; }

    public static SoapVersion? FromEnvelopeNamespace(string ns) =>
        ns == Soap11.EnvelopeNamespace ? Soap11 : ns == Soap12.EnvelopeNamespace ? Soap12 : null;

    /// <summary>Before the envelope is read, the content type is the best guess for a fault.</summary>
    public static SoapVersion FromContentType(string? contentType) =>
        contentType?.Contains("application/soap+xml", StringComparison.OrdinalIgnoreCase) == true ? Soap12 : Soap11;
}
