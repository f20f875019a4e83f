using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Serialization;
using IpsApi.Wire;

namespace IpsApi.Tests.Definitions;

/// <summary>Serialises wire objects the way the SOAP endpoint does, for comparing what a client would read.</summary>
internal static class WireXml
{
    // XmlSerializer built with a root override is not cached by the framework, and each one emits an assembly.
    private static readonly ConcurrentDictionary<(Type, string), XmlSerializer> _serializers = new();

    public static string Of(object value, string elementName)
    {
        var serializer = _serializers.GetOrAdd(
            (value.GetType(), elementName),
            key => new XmlSerializer(key.Item1, new XmlRootAttribute(key.Item2) { Namespace = IpsNamespaces.Types }));
        var text = new StringWriter();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            serializer.Serialize(writer, value);
        }

        return text.ToString();
    }
}
