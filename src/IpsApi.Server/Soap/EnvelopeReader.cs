using System.Globalization;
using System.Text;
using System.Xml;
using IpsApi.Server.Operations;
using IpsApi.Wire;

namespace IpsApi.Server.Soap;

/// <summary>
/// Reads a request envelope once, safely (no DTD, no entities, bounded size and depth), checks its shape,
/// picks out the operation and authHeader, and writes a copy whose IPS namespaces are the unversioned one.
/// Anything wrong is an <see cref="IpsFaultException"/> 30003 that says what, never how the server failed.
/// </summary>
public static class EnvelopeReader
{
    /// <summary>True for the unversioned types namespace and every dated or beta one below it.</summary>
    public static bool IsIpsTypesNamespace(string ns) =>
        ns == IpsNamespaces.Types
        || (ns.Length > IpsNamespaces.Types.Length + 1
            && ns.StartsWith(IpsNamespaces.Types + "/", StringComparison.Ordinal)
            && ns.IndexOf('/', IpsNamespaces.Types.Length + 1) < 0);

    /// <summary>No DTD, no entities, no resolver, no more characters than the body has bytes: for every request document.</summary>
    internal static XmlReaderSettings SafeReaderSettings(int maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = true,
    };

    /// <summary>
    /// A UTF-8 document (no UTF-16 byte order mark, no other encoding declared) must be valid UTF-8 from its first
    /// byte to its last: the XML reader alone lets an incomplete sequence at the very end pass unnoticed.
    /// </summary>
    internal static void RequireValidUtf8(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return;
        }

        var prolog = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 200)]);
        var declared = System.Text.RegularExpressions.Regex.Match(prolog, @"^(?:\xEF\xBB\xBF)?\s*<\?xml[^>]*encoding\s*=\s*[""']([^""']+)[""']");
        if (declared.Success && !declared.Groups[1].Value.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            throw IpsFaultException.InvalidRequestXml("Invalid request XML: the body is not valid UTF-8");
        }
    }

    private static string Canonical(string ns) => IsIpsTypesNamespace(ns) ? IpsNamespaces.Types : ns;

    public static SoapRequest Read(ReadOnlyMemory<byte> body, int maxDepth)
    {
        try
        {
            return ReadCore(body, maxDepth);
        }
        catch (XmlException e)
        {
            throw IpsFaultException.InvalidRequestXml($"Invalid request XML: {e.Message}");
        }
        catch (DecoderFallbackException)
        {
            throw IpsFaultException.InvalidRequestXml("Invalid request XML: the body is not valid in its declared encoding");
        }
    }

    private static SoapRequest ReadCore(ReadOnlyMemory<byte> body, int maxDepth)
    {
        RequireValidUtf8(body.Span);
        using var input = new MemoryStream(body.ToArray(), writable: false);
        using var reader = XmlReader.Create(input, SafeReaderSettings(body.Length));
        using var output = new MemoryStream(body.Length + 256);
        using var writer = XmlWriter.Create(output, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            OmitXmlDeclaration = true,
            CheckCharacters = false,
        });

        SoapVersion? version = null;
        string? section = null;             // "Header" or "Body" while inside one
        string? operation = null, bodyNamespace = null;
        var auth = new AuthHeaderReader();

        while (reader.Read())
        {
            if (reader.Depth > maxDepth)
            {
                throw IpsFaultException.InvalidRequestXml($"Invalid request XML: elements are nested deeper than {maxDepth} levels");
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    Func<XmlReader, bool>? skipAttribute = null;
                    switch (reader.Depth)
                    {
                        case 0:
                            version = SoapVersion.FromEnvelopeNamespace(reader.NamespaceURI);
                            if (reader.LocalName != "Envelope" || version is null)
                            {
                                throw IpsFaultException.InvalidRequestXml(
                                    "Invalid request XML: the root element is not a SOAP 1.1 or 1.2 Envelope");
                            }

                            break;
                        case 1:
                            if (reader.NamespaceURI != version!.EnvelopeNamespace || reader.LocalName is not ("Header" or "Body"))
                            {
                                throw IpsFaultException.InvalidRequestXml(
                                    $"Invalid request XML: unexpected element {reader.LocalName} in the Envelope");
                            }

                            section = reader.LocalName;
                            break;
                        case 2 when section == "Body":
                            if (operation is not null)
                            {
                                throw IpsFaultException.InvalidRequestXml(
                                    "Invalid request XML: the SOAP Body must hold exactly one element");
                            }

                            operation = OperationOf(reader.LocalName, reader.NamespaceURI);
                            bodyNamespace = reader.NamespaceURI;
                            break;
                        case 2 when section == "Header":
                            if (auth.Enter(reader))
                            {
                                skipAttribute = AuthHeaderReader.IsMapType;
                            }

                            break;
                    }

                    var copied = auth.StartElement(reader);
                    if (copied)
                    {
                        NamespaceMapping.CopyStartElement(reader, writer, Canonical, skipAttribute);
                    }

                    if (reader.IsEmptyElement && auth.EndElement(reader.Depth, writer, Canonical(reader.NamespaceURI)) && copied)
                    {
                        writer.WriteEndElement();
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (auth.EndElement(reader.Depth, writer, Canonical(reader.NamespaceURI)))
                    {
                        writer.WriteFullEndElement();
                    }

                    if (reader.Depth == 1)
                    {
                        section = null;
                    }

                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    if (reader.Depth <= 2 && !string.IsNullOrWhiteSpace(reader.Value))
                    {
                        throw IpsFaultException.InvalidRequestXml("Invalid request XML: text directly inside the Envelope, Header or Body");
                    }

                    if (auth.Text(reader.Value))
                    {
                        writer.WriteString(reader.Value);
                    }

                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (!auth.InMapItem)
                    {
                        writer.WriteWhitespace(reader.Value);
                    }

                    break;
            }
        }

        writer.Flush();
        if (operation is null)
        {
            throw IpsFaultException.InvalidRequestXml("Invalid request XML: the SOAP Body holds no operation element");
        }

        return new SoapRequest(version!, operation, bodyNamespace!, ToAuthValues(auth.Fields), output.ToArray());
    }

    private static string OperationOf(string localName, string ns)
    {
        const string suffix = "Param";
        var name = localName.EndsWith(suffix, StringComparison.Ordinal) ? localName[..^suffix.Length] : null;
        if (IsIpsTypesNamespace(ns) && name is not null)
        {
            if (OperationCatalog.Instance.Find(name) is not null)
            {
                return name;
            }

            if (IpsOperationNames.Documented.Contains(name))
            {
                throw IpsFaultException.NotSupported(name);
            }
        }

        throw IpsFaultException.InvalidRequestXml(
            $"Invalid request XML: unknown operation element {localName}" + (IsIpsTypesNamespace(ns) ? "" : $" in namespace '{ns}'"));
    }

    private static AuthHeaderValues ToAuthValues(Dictionary<string, string> fields)
    {
        string? Get(string name) => fields.TryGetValue(name, out var value) ? value : null;

        return new AuthHeaderValues
        {
            User = Get("user"),
            Password = Get("password"),
            AccessToken = Get("accessToken"),
            Locale = Get("locale"),
            AppName = Get("appName"),
            AppVersion = Get("appVersion"),
            GzipResponse = Get("gzipResponse") is { } gzip ? ParseBoolean(gzip, "gzipResponse") : null,
            FaultHttpStatusCode = Get("faultHttpStatusCode") is { } status ? ParseStatus(status) : null,
        };
    }

    private static bool ParseBoolean(string text, string field) => text.Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw IpsFaultException.InvalidParameter($"Invalid parameter authHeader/{field}: '{text}' is not a boolean"),
    };

    private static int ParseStatus(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 200 and <= 599
            ? status
            : throw IpsFaultException.InvalidParameter($"Invalid parameter authHeader/faultHttpStatusCode: '{text}' is not an HTTP status");
}
