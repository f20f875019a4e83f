using System.Xml.Linq;
using IpsApi.Server.Soap;
using static IpsApi.Tests.Soap.Envelopes;

namespace IpsApi.Tests.Soap;

/// <summary>Fault envelopes as IPS clients read them (docs/API.md, "The SOAP endpoint"), in SOAP 1.1 and 1.2.</summary>
public sealed class FaultWriterTests
{
    private static readonly XNamespace Env11 = Soap11;
    private static readonly XNamespace Env12 = Soap12;
    private static readonly XNamespace Ips = Types;

    public static TheoryData<string, string, string, int> Kinds => new()
    {
        { "authentication", "AuthenticationException", "authenticationFault", 10001 },
        { "authorization", "AuthorizationException", "authorizationFault", 20003 },
        { "ipsApi", "ipsApiFault", "ipsApiFault", 30002 },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Soap11_caller_fault_has_client_faultcode_faultstring_and_detail(string kind, string faultString, string detailName, int code)
    {
        var fault = Soap11Fault(FaultOf(kind));

        Assert.Equal(["faultcode", "faultstring", "detail"], fault.Elements().Select(e => e.Name.ToString()));
        AssertQName(fault.Element("faultcode")!, Soap11, "Client");
        Assert.Equal(faultString, fault.Element("faultstring")?.Value);
        var detail = Assert.Single(fault.Element("detail")!.Elements());
        AssertDetail(detail, detailName, code, FaultOf(kind).Reason);
    }

    [Fact]
    public void Soap11_server_failure_has_server_faultcode()
    {
        var fault = Soap11Fault(IpsFaultException.ServerError("Internal server error (error id 0123456789ab)"));

        AssertQName(fault.Element("faultcode")!, Soap11, "Server");
        Assert.Equal("ipsApiFault", fault.Element("faultstring")?.Value);
        AssertDetail(fault.Element("detail")!.Elements().Single(), "ipsApiFault", 30000, "Internal server error (error id 0123456789ab)");
    }

    [Fact]
    public void Soap11_missing_jobName_fault_is_the_shared_example()
    {
        var written = XDocument.Load(new MemoryStream(FaultWriter.Envelope(
            SoapVersion.Soap11, IpsFaultException.MissingParameter("Missing required parameter: jobName"))));
        var example = XDocument.Load(new MemoryStream(Example("missing-jobName.response.xml")));
        example.Nodes().OfType<XComment>().ToList().ForEach(c => c.Remove());

        Assert.True(XNode.DeepEquals(example.Root, written.Root), written.ToString());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Soap12_caller_fault_has_sender_code_reason_and_detail(string kind, string faultString, string detailName, int code)
    {
        var fault = Soap12Fault(FaultOf(kind));

        Assert.Equal([Env12 + "Code", Env12 + "Reason", Env12 + "Detail"], fault.Elements().Select(e => e.Name));
        AssertQName(fault.Element(Env12 + "Code")!.Element(Env12 + "Value")!, Soap12, "Sender");
        var text = fault.Element(Env12 + "Reason")!.Element(Env12 + "Text")!;
        Assert.Equal(faultString, text.Value);
        Assert.Equal("en", text.Attribute(XNamespace.Xml + "lang")?.Value);
        var detail = Assert.Single(fault.Element(Env12 + "Detail")!.Elements());
        AssertDetail(detail, detailName, code, FaultOf(kind).Reason);
    }

    [Fact]
    public void Soap12_server_failure_has_receiver_code()
    {
        var fault = Soap12Fault(IpsFaultException.ServerError("Internal server error (error id 0123456789ab)"));

        AssertQName(fault.Element(Env12 + "Code")!.Element(Env12 + "Value")!, Soap12, "Receiver");
        AssertDetail(fault.Element(Env12 + "Detail")!.Elements().Single(), "ipsApiFault", 30000, "Internal server error (error id 0123456789ab)");
    }

    [Fact]
    public void Reason_with_markup_characters_is_escaped_and_read_back_unchanged()
    {
        const string reason = "Invalid parameter jobName: 'a<b & c>' \"quoted\"";

        var fault = Soap11Fault(IpsFaultException.InvalidParameter(reason));

        Assert.Equal(reason, fault.Element("detail")!.Elements().Single().Element(Ips + "reason")?.Value);
    }

    [Theory]
    [InlineData("authentication", "AuthenticationException")]
    [InlineData("authorization", "AuthorizationException")]
    [InlineData("ipsApi", "ipsApiFault")]
    public void Faultstring_is_named_after_the_kind(string kind, string expected)
    {
        Assert.Equal(expected, FaultWriter.FaultString(FaultOf(kind).Kind));
    }

    private static IpsFaultException FaultOf(string kind) => kind switch
    {
        "authentication" => IpsFaultException.InvalidCredentials(),
        "authorization" => IpsFaultException.NoOperationPermission("submitJob"),
        _ => IpsFaultException.MissingParameter("Missing required parameter: jobName"),
    };

    private static XElement Soap11Fault(IpsFaultException fault) => FaultIn(SoapVersion.Soap11, Env11, fault);

    private static XElement Soap12Fault(IpsFaultException fault) => FaultIn(SoapVersion.Soap12, Env12, fault);

    private static XElement FaultIn(SoapVersion version, XNamespace env, IpsFaultException fault)
    {
        var envelope = XDocument.Load(new MemoryStream(FaultWriter.Envelope(version, fault)));
        Assert.Equal(env + "Envelope", envelope.Root!.Name);
        var body = Assert.Single(envelope.Root.Elements());
        Assert.Equal(env + "Body", body.Name);
        var element = Assert.Single(body.Elements());
        Assert.Equal(env + "Fault", element.Name);
        return element;
    }

    /// <summary>The element holds a QName whose prefix is bound to <paramref name="ns"/>.</summary>
    private static void AssertQName(XElement element, string ns, string localName)
    {
        var parts = element.Value.Split(':');
        Assert.Equal(2, parts.Length);
        Assert.Equal(ns, element.GetNamespaceOfPrefix(parts[0])?.NamespaceName);
        Assert.Equal(localName, parts[1]);
    }

    private static void AssertDetail(XElement detail, string name, int code, string reason)
    {
        Assert.Equal(Ips + name, detail.Name);
        Assert.Equal([Ips + "code", Ips + "reason"], detail.Elements().Select(e => e.Name));
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), detail.Element(Ips + "code")?.Value);
        Assert.Equal(reason, detail.Element(Ips + "reason")?.Value);
    }
}
