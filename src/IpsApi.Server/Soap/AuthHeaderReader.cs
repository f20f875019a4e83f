using System.Text;
using System.Xml;

namespace IpsApi.Server.Soap;

/// <summary>
/// Reads the authHeader SOAP header in the two forms clients send: one element per field
/// (<c>&lt;user&gt;u@x&lt;/user&gt;</c>), or an Apache SOAP map, which PHP's SoapClient writes for an array it has no
/// type for (a header whose namespace the WSDL does not declare it in):
/// <c>&lt;item&gt;&lt;key&gt;user&lt;/key&gt;&lt;value&gt;u@x&lt;/value&gt;&lt;/item&gt;</c>, unqualified, with or without
/// xsi:type attributes (<c>xsi:type="ns2:Map"</c> on the header in the encoded style). A map is not copied into the
/// canonical envelope: its entries are written there as fields, so that everything after the gateway sees one form.
/// Depths are those of the envelope: the header at 2, its fields or map items at 3, an item's key and value at 4.
/// </summary>
internal sealed class AuthHeaderReader
{
    public const string ApacheSoapNamespace = "http://xml.apache.org/xml-soap";
    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    private readonly StringBuilder _text = new();
    private readonly List<KeyValuePair<string, string>> _mapEntries = [];
    private bool _inside;
    private string? _field;
    private bool _inItem;
    private string? _itemPart;
    private bool _nil;
    private string? _key;
    private string? _value;

    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>True while inside a map item, whose nodes are not copied.</summary>
    public bool InMapItem => _inItem;

    /// <summary>At a Header child: whether it is the authHeader (an empty one has no fields to read).</summary>
    public bool Enter(XmlReader reader)
    {
        var isAuthHeader = reader.LocalName == "authHeader" && EnvelopeReader.IsIpsTypesNamespace(reader.NamespaceURI);
        _inside = isAuthHeader && !reader.IsEmptyElement;
        return isAuthHeader;
    }

    /// <summary>The encoded style's <c>xsi:type="…:Map"</c> on the header names a type the contract does not know.</summary>
    public static bool IsMapType(XmlReader attribute)
    {
        if (attribute.LocalName != "type" || attribute.NamespaceURI != XsiNamespace)
        {
            return false;
        }

        var value = attribute.Value.Trim();
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return value[(colon + 1)..] == "Map" && attribute.LookupNamespace(colon < 0 ? "" : value[..colon]) == ApacheSoapNamespace;
    }

    /// <summary>At an element below the header: reads it, and says whether it is copied.</summary>
    public bool StartElement(XmlReader reader)
    {
        if (!_inside || reader.Depth < 3)
        {
            return true;
        }

        if (reader.Depth == 3)
        {
            _text.Clear();
            if (reader.LocalName == "item")
            {
                _inItem = true;
                _key = _value = null;
                return false;
            }

            _field = reader.LocalName;
            return true;
        }

        if (!_inItem)
        {
            return true;
        }

        if (reader.Depth == 4 && reader.LocalName is "key" or "value")
        {
            _itemPart = reader.LocalName;
            _nil = reader.GetAttribute("nil", XsiNamespace) is { } nil && nil.Trim() is "true" or "1";
            _text.Clear();
        }

        return false;
    }

    /// <summary>Text below the header: kept for the field or item being read; says whether it is copied.</summary>
    public bool Text(string value)
    {
        if (_field is not null || _itemPart is not null)
        {
            _text.Append(value);
        }

        return !_inItem;
    }

    /// <summary>
    /// At the end of an element (or right after an empty one): finishes a field or item; before the header's own end,
    /// writes the map's entries as fields. Says whether the end is copied.
    /// </summary>
    public bool EndElement(int depth, XmlWriter writer, string headerNamespace)
    {
        if (!_inside)
        {
            return true;
        }

        if (_inItem)
        {
            if (depth == 4 && _itemPart is not null)
            {
                var text = _nil ? null : _text.ToString();
                if (_itemPart == "key")
                {
                    _key = text;
                }
                else
                {
                    _value = text;
                }

                _itemPart = null;
            }
            else if (depth == 3)
            {
                if (!string.IsNullOrWhiteSpace(_key) && _value is not null)
                {
                    Fields[_key.Trim()] = _value;
                    _mapEntries.Add(new(_key.Trim(), _value));
                }

                _inItem = false;
            }

            return false;
        }

        if (depth == 3 && _field is not null)
        {
            Fields[_field] = _text.ToString();
            _field = null;
        }
        else if (depth == 2)
        {
            foreach (var (key, value) in _mapEntries.Where(e => IsName(e.Key)))
            {
                writer.WriteElementString(key, headerNamespace, value);
            }

            _mapEntries.Clear();
            _inside = false;
        }

        return true;
    }

    private static bool IsName(string key)
    {
        try
        {
            XmlConvert.VerifyNCName(key);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
