namespace IpsApi.Server.Soap;

/// <summary>The three fault details of the IPS API; each has its own faultstring.</summary>
public enum FaultKind
{
    Authentication,
    Authorization,
    IpsApi,
}

/// <summary>
/// A fault to answer with: detail element, code and reason as the IPS API defines them. Reasons are written for the
/// caller and never carry stack traces, SQL or server paths.
/// </summary>
public sealed class IpsFaultException(FaultKind kind, int code, string reason, bool isServerFault = false)
    : Exception(reason)
{
    public FaultKind Kind { get; } = kind;

    public int Code { get; } = code;

    public string Reason { get; } = reason;

    /// <summary>The server failed, not the caller: soapenv:Server / soap12:Receiver.</summary>
    public bool IsServerFault { get; } = isServerFault;

    public static IpsFaultException NoCredentials() =>
        new(FaultKind.Authentication, 10000, "No credentials: send authHeader user and password, or HTTP Basic authorization");

    public static IpsFaultException InvalidCredentials() =>
        new(FaultKind.Authentication, 10001, "Invalid credentials");

    public static IpsFaultException InvalidUser() =>
        new(FaultKind.Authentication, 10002, "Invalid user: the account is disabled");

    public static IpsFaultException InvalidCompany(string handle) =>
        new(FaultKind.Authorization, 20000, $"Invalid company: {handle}");

    public static IpsFaultException InvalidRequestUser(string handle) =>
        new(FaultKind.Authorization, 20002, $"Invalid request user: {handle}");

    public static IpsFaultException NoOperationPermission(string operation) =>
        new(FaultKind.Authorization, 20003, $"No permission for operation {operation}");

    public static IpsFaultException IllegalCompany(string handle) =>
        new(FaultKind.Authorization, 20006, $"Illegal company: the user is not a member of company {handle}");

    public static IpsFaultException InvalidParameter(string reason) => new(FaultKind.IpsApi, 30001, reason);

    public static IpsFaultException MissingParameter(string reason) => new(FaultKind.IpsApi, 30002, reason);

    public static IpsFaultException InvalidRequestXml(string reason) => new(FaultKind.IpsApi, 30003, reason);

    /// <summary>An operation of the IPS API that this server does not implement.</summary>
    public static IpsFaultException NotSupported(string operation) => ServerError(
        $"Operation {operation} is part of the IPS API but is not supported by this server");

    public static IpsFaultException ServerError(string reason) => new(FaultKind.IpsApi, 30000, reason, isServerFault: true);

    /// <summary>The call outlived its deadline (IpsApi:Soap:CallTimeoutSeconds) and the database does not answer.</summary>
    public static IpsFaultException CallTimedOut(TimeSpan after) => ServerError(
        $"The database is not answering: the call was given up after {after.TotalSeconds:0.#} s; try again later "
        + "(a job submitted meanwhile may or may not have been stored: look for it before submitting it again)");
}
