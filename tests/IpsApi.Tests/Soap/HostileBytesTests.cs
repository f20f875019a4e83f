using System.Text;
using System.Xml.Linq;
using IpsApi.Server.Soap;
using static IpsApi.Tests.Soap.Envelopes;

namespace IpsApi.Tests.Soap;

/// <summary>What the reliability corpus found: bytes the XML reader let through, and reasons a fault could not carry.</summary>
public sealed class HostileBytesTests
{
    private static readonly string Valid = Soap11Envelope($"<getActiveJobsParam xmlns=\"{Types}\"/>");

    [Fact]
    public void An_incomplete_utf8_sequence_after_the_envelope_is_30003()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid).Concat(new byte[] { 0xE2, 0x82 }).ToArray();

        var fault = RejectedAsInvalidXml(bytes);

        Assert.Contains("UTF-8", fault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_declared_in_another_encoding_is_left_to_the_xml_reader()
    {
        var latin1 = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
            + Soap11Envelope($"<submitJobParam xmlns=\"{Types}\"><jobName>Café</jobName></submitJobParam>"));

        Assert.Equal("submitJob", Read(latin1).Operation);
    }

    [Fact]
    public void A_reason_with_control_characters_is_written_with_replacement_characters()
    {
        var fault = new IpsFaultException(FaultKind.IpsApi, 30001, "Invalid parameter destPath: 'a\u0001b\uD800c'");

        var envelope = XDocument.Parse(Encoding.UTF8.GetString(FaultWriter.Envelope(SoapVersion.Soap11, fault)));

        Assert.Equal("Invalid parameter destPath: 'a\uFFFDb\uFFFDc'", envelope.Descendants(XName.Get("reason", Types)).Single().Value);
    }

    [Fact]
    public void A_reason_with_a_surrogate_pair_keeps_it()
    {
        Assert.Equal("emoji \U0001F600", FaultWriter.XmlSafe("emoji \U0001F600"));
    }
}
