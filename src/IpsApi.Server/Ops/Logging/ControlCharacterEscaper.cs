using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace IpsApi.Server.Ops.Logging;

/// <summary>
/// Escapes control characters in every value an event carries (a user name from an authHeader, a job name, a path,
/// nested in structures or lists too) before any sink writes it: <c>\n</c>, <c>\r</c>, <c>\t</c>, and <c>\uXXXX</c>
/// for the rest and for the Unicode line separators. A value from a request can then never start a line of its own
/// in the text log, so no one can write a line that looks like the server's. Done once here, for every call site.
/// </summary>
public sealed class ControlCharacterEscaper : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var escaped = Escape(value);
            if (!ReferenceEquals(escaped, value))
            {
                (changed ??= []).Add(new LogEventProperty(name, escaped));
            }
        }

        foreach (var property in changed ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary>The value with its text escaped; the same instance when there was nothing to escape.</summary>
    public static LogEventPropertyValue Escape(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } => NeedsEscaping(text) ? new ScalarValue(Escape(text)) : value,
        // Objects logged as scalars (paths, URIs, ...) are written by their ToString.
        ScalarValue { Value: { } other } when other is not ValueType
            && Convert.ToString(other, CultureInfo.InvariantCulture) is { } text && NeedsEscaping(text) => new ScalarValue(Escape(text)),
        SequenceValue sequence => Changed(sequence.Elements, out var elements) ? new SequenceValue(elements) : value,
        StructureValue structure => Changed(structure.Properties.Select(p => p.Value).ToList(), out var values)
            ? new StructureValue(structure.Properties.Zip(values, (p, v) => new LogEventProperty(p.Name, v)), structure.TypeTag)
            : value,
        DictionaryValue dictionary => Changed(dictionary.Elements.Select(e => e.Value).ToList(), out var entries)
            || dictionary.Elements.Any(e => e.Key.Value is string key && NeedsEscaping(key))
            ? new DictionaryValue(dictionary.Elements.Select((e, i) =>
                new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)Escape(e.Key), entries[i])))
            : value,
        _ => value,
    };

    public static string Escape(string text)
    {
        if (!NeedsEscaping(text))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                _ when IsEscaped(c) => escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static bool NeedsEscaping(string text) => text.Any(IsEscaped);

    private static bool IsEscaped(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    private static bool Changed(IReadOnlyList<LogEventPropertyValue> values, out IReadOnlyList<LogEventPropertyValue> escaped)
    {
        var result = values.Select(Escape).ToList();
        escaped = result;
        return result.Where((v, i) => !ReferenceEquals(v, values[i])).Any();
    }
}
