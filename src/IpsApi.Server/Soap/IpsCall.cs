using IpsApi.Jobs.Accounts;

namespace IpsApi.Server.Soap;

/// <summary>
/// One authenticated SOAP call, kept in the HttpContext features from the gateway to the service and back:
/// who calls, in which locale, and (filled in on the way) the company acted on and the fault answered.
/// </summary>
public sealed class IpsCall(SoapRequest request, User user, string locale)
{
    public SoapRequest Request { get; } = request;

    public User User { get; } = user;

    /// <summary>The operation locale: authHeader locale, else Accept-Language, else the server default.</summary>
    public string Locale { get; } = locale;

    /// <summary>The company the operation acted on, for the request log.</summary>
    public string? CompanyHandle { get; set; }

    /// <summary>The job the operation submitted or acted on, for the request log (what an operator searches for).</summary>
    public string? JobHandle { get; set; }

    /// <summary>The fault SoapCore answered with, if any; the gateway sets the HTTP status from it.</summary>
    public IpsFaultException? Fault { get; set; }

    public static IpsCall Of(HttpContext context) =>
        context.Features.Get<IpsCall>() ?? throw new InvalidOperationException("The SOAP gateway did not run for this request.");
}
