using System.Text;
using System.Xml;
using IpsApi.Wire;

namespace IpsApi.Server.Soap;

/// <summary>
/// Writes IPS faults as IPS clients read them: faultcode Client/Server (1.2: Sender/Receiver), faultstring
/// the detail's name, and the detail element in the unversioned types namespace whatever the request used.
/// </summary>
public static class FaultWriter
{
    public static string FaultString(FaultKind kind) => kind switch
    {
        FaultKind.Authentication => "AuthenticationException",
        FaultKind.Authorization => "AuthorizationException",
        _ => "ipsApiFault",
    };

    private static string DetailElement(FaultKind kind) => kind switch
    {
        FaultKind.Authentication => "authenticationFault",
        FaultKind.Authorization => "authorizationFault",
        _ => "ipsApiFault",
    };

    /// <summary>Writes the Fault element (the content of the SOAP Body).</summary>
    public static void WriteFault(XmlWriter writer, SoapVersion version, IpsFaultException fault)
    {
        var env = version.EnvelopeNamespace;
        var code = $"{version.Prefix}:{(fault.IsServerFault ? version.ServerFaultCode : version.CallerFaultCode)}";
        writer.WriteStartElement(version.Prefix, "Fault", env);
        if (version == SoapVersion.Soap11)
        {
            writer.WriteElementString("faultcode", code);
            writer.WriteElementString("faultstring", FaultString(fault.Kind));
            writer.WriteStartElement("detail");
        }
        else
        {
            writer.WriteStartElement(version.Prefix, "Code", env);
            writer.WriteElementString(version.Prefix, "Value", env, code);
            writer.WriteEndElement();
            writer.WriteStartElement(version.Prefix, "Reason", env);
            writer.WriteStartElement(version.Prefix, "Text", env);
            writer.WriteAttributeString("xml", "lang", null, "en");
            writer.WriteString(FaultString(fault.Kind));
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement(version.Prefix, "Detail", env);
        }

        writer.WriteStartElement("ns1", DetailElement(fault.Kind), IpsNamespaces.Types);
        writer.WriteElementString("ns1", "code", IpsNamespaces.Types, fault.Code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteElementString("ns1", "reason", IpsNamespaces.Types, XmlSafe(fault.Reason));
        writer.WriteEndElement();
        writer.WriteEndElement(); // detail
        writer.WriteEndElement(); // Fault
    }

    /// <summary>
    /// The reason with every character XML cannot carry (control characters, lone surrogates) shown as U+FFFD:
    /// a reason quotes what the caller sent, and a fault must always be writable.
    /// </summary>
    public static string XmlSafe(string text)
    {
        StringBuilder? safe = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair || XmlConvert.IsXmlChar(c))
            {
                safe?.Append(c);
                if (pair)
                {
                    i++;
                    safe?.Append(text[i]);
                }

                continue;
            }

            safe ??= new StringBuilder(text, 0, i, text.Length);
            safe.Append('\uFFFD');
        }

        return safe?.ToString() ?? text;
    }

    /// <summary>A whole fault envelope, for faults raised before the request reaches SoapCore.</summary>
    public static byte[] Envelope(SoapVersion version, IpsFaultException fault)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartElement(version.Prefix, "Envelope", version.EnvelopeNamespace);
            writer.WriteStartElement(version.Prefix, "Body", version.EnvelopeNamespace);
            WriteFault(writer, version, fault);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }
}
