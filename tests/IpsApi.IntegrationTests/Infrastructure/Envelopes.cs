using System.Security;

namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>Hand-written envelopes, as the many clients that write their XML by hand send them.</summary>
public static class Envelopes
{
    public const string Ips = "http://www.scene7.com/IpsApi/xsd";

    public static string AuthHeader(string? user, string? password, string extra = "") =>
        $"<authHeader xmlns=\"{Ips}\">"
        + (user is null ? "" : $"<user>{SecurityElement.Escape(user)}</user>")
        + (password is null ? "" : $"<password>{SecurityElement.Escape(password)}</password>")
        + extra + "</authHeader>";

    public static string Soap11(TestTenant tenant, string body, string extraAuth = "") =>
        Soap11(AuthHeader(tenant.Email, tenant.Password, extraAuth), body);

    public static string Soap11(string header, string body) =>
        "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
        + $"<soapenv:Header>{header}</soapenv:Header><soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>";

    public static string Soap12(TestTenant tenant, string body) =>
        "<soap12:Envelope xmlns:soap12=\"http://www.w3.org/2003/05/soap-envelope\">"
        + $"<soap12:Header>{AuthHeader(tenant.Email, tenant.Password)}</soap12:Header><soap12:Body>{body}</soap12:Body></soap12:Envelope>";

    /// <summary>A valid submitJobParam; <paramref name="inner"/> replaces everything after jobName.</summary>
    public static string SubmitJobBody(string companyHandle, string jobName, string? inner = null) =>
        $"<submitJobParam xmlns=\"{Ips}\"><companyHandle>{SecurityElement.Escape(companyHandle)}</companyHandle>"
        + $"<jobName>{SecurityElement.Escape(jobName)}</jobName>"
        + (inner ?? "<imageServingPublishJob><publishType>Full</publishType><emailSetting>Error</emailSetting></imageServingPublishJob>")
        + "</submitJobParam>";
}
