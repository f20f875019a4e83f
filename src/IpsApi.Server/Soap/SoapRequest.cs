namespace IpsApi.Server.Soap;

/// <summary>What the caller put in authHeader, read before dispatch whatever namespace it came in.</summary>
public sealed record AuthHeaderValues
{
    public string? User { get; init; }

    public string? Password { get; init; }

    public string? AccessToken { get; init; }

    public string? Locale { get; init; }

    public string? AppName { get; init; }

    public string? AppVersion { get; init; }

    public bool? GzipResponse { get; init; }

    public int? FaultHttpStatusCode { get; init; }
}

/// <summary>
/// One IPS SOAP call as the gateway read it: envelope version, operation, the namespace its body came in
/// (the answer goes back in the same one), the authHeader, and the envelope with every
/// <c>IpsApi/xsd/&lt;version&gt;</c> namespace mapped to the unversioned one that the contracts use.
/// </summary>
public sealed record SoapRequest(
    SoapVersion Version,
    string Operation,
    string BodyNamespace,
    AuthHeaderValues Auth,
    byte[] CanonicalEnvelope);
