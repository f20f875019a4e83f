using System.Text;
using System.Xml.Linq;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Tests.Soap;

/// <summary>Request envelopes as clients send them: short inline ones, and the shared examples.</summary>
internal static class Envelopes
{
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string Types = IpsNamespaces.Types;
    public const string Dated = Types + "/2014-04-03";
    public const int MaxDepth = 64;

    public static string Soap11Envelope(string body, string? header = null) =>
        $"<soapenv:Envelope xmlns:soapenv=\"{Soap11}\">"
        + (header is null ? "" : $"<soapenv:Header>{header}</soapenv:Header>")
        + $"<soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>";

    public static string Soap12Envelope(string body, string? header = null) =>
        $"<soap12:Envelope xmlns:soap12=\"{Soap12}\">"
        + (header is null ? "" : $"<soap12:Header>{header}</soap12:Header>")
        + $"<soap12:Body>{body}</soap12:Body></soap12:Envelope>";

    /// <summary>A getActiveJobs call whose header is <paramref name="header"/>.</summary>
    public static string WithHeader(string header) =>
        Soap11Envelope($"<getActiveJobsParam xmlns=\"{Types}\"/>", header);

    public static SoapRequest Read(string xml, int maxDepth = MaxDepth) =>
        EnvelopeReader.Read(Encoding.UTF8.GetBytes(xml), maxDepth);

    public static SoapRequest Read(byte[] xml, int maxDepth = MaxDepth) => EnvelopeReader.Read(xml, maxDepth);

    public static XDocument Canonical(SoapRequest request) => XDocument.Load(new MemoryStream(request.CanonicalEnvelope));

    public static XElement BodyElement(XDocument envelope) =>
        envelope.Root!.Elements().Single(e => e.Name.LocalName == "Body").Elements().Single();

    /// <summary>The envelope is refused as invalid request XML (30003, a caller mistake).</summary>
    public static IpsFaultException RejectedAsInvalidXml(byte[] xml, int maxDepth = MaxDepth)
    {
        var fault = Assert.Throws<IpsFaultException>(() => EnvelopeReader.Read(xml, maxDepth));
        Assert.Equal(FaultKind.IpsApi, fault.Kind);
        Assert.Equal(30003, fault.Code);
        Assert.False(fault.IsServerFault);
        Assert.StartsWith("Invalid request XML", fault.Reason, StringComparison.Ordinal);
        return fault;
    }

    public static IpsFaultException RejectedAsInvalidXml(string xml, int maxDepth = MaxDepth) =>
        RejectedAsInvalidXml(Encoding.UTF8.GetBytes(xml), maxDepth);

    /// <summary>A file of tests/IpsApi.IntegrationTests/Examples (copies of the shared examples).</summary>
    public static byte[] Example(string name) =>
        File.ReadAllBytes(Path.Combine(RepositoryRoot(), "tests", "IpsApi.IntegrationTests", "Examples", name));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IpsApi.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"IpsApi.sln not found above {AppContext.BaseDirectory}");
    }
}
