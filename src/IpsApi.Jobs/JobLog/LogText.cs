using System.Text.Json.Nodes;
using System.Text.Json;

namespace IpsApi.Jobs.JobLog;

/// <summary>
/// The message of a job log record: a key of <see cref="LogCatalog"/> with its arguments, so a client reads it
/// in its own language, or free text (an asset name, a count) that reads the same in every language.
/// <see cref="English"/> is what is stored as the message text: older readers and SQL see plain English.
/// </summary>
public sealed class LogText
{
    private LogText(string? key, IReadOnlyList<LogText> args, string english)
    {
        Key = key;
        Args = args;
        English = english;
    }

    /// <summary>The catalog key; null for free text.</summary>
    public string? Key { get; }

    /// <summary>What fills the template's {0}, {1}...: free text, or keyed texts rendered in the same language.</summary>
    public IReadOnlyList<LogText> Args { get; }

    /// <summary>The message in en-US, as stored in job_log_details.message.</summary>
    public string English { get; }

    /// <summary>Free text: shown as it is, in every language.</summary>
    public static LogText Plain(string text) => new(null, [], text);

    /// <summary>A catalog message; throws when the key is not in the catalog or the arguments do not fit it.</summary>
    public static LogText Of(string key, params LogText[] args)
    {
        var template = LogCatalog.EnglishTemplate(key)
            ?? throw new ArgumentException($"'{key}' is not a job log message key.", nameof(key));
        return new LogText(key, args, LogCatalog.Format(template, args.Select(a => a.English).ToArray()));
    }

    /// <summary>Free text is the common case for values (names, counts): a string stands for itself.</summary>
    public static implicit operator LogText(string text) => Plain(text);

    /// <summary>The arguments as stored in job_log_details.message_args; null when there are none.</summary>
    public string? ArgsJson() => Key is null || Args.Count == 0 ? null : ArgsNode(this).ToJsonString();

    /// <summary>
    /// A stored record back as a text. Whatever does not read back (no key, args that are not JSON) is the stored
    /// English text, so a record written by another version of the server still shows.
    /// </summary>
    public static LogText FromStored(string? key, string? argsJson, string english)
    {
        if (key is null)
        {
            return Plain(english);
        }

        try
        {
            var args = argsJson is null ? [] : ReadArgs(JsonNode.Parse(argsJson) as JsonArray);
            return new LogText(key, args, english);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return Plain(english);
        }
    }

    public override string ToString() => English;

    // Stored form: each argument is a JSON string (free text) or {"key": ..., "args": [...]}.
    private static JsonArray ArgsNode(LogText text) =>
        new(text.Args.Select(a => a.Key is null
            ? (JsonNode?)JsonValue.Create(a.English)
            : new JsonObject { ["key"] = a.Key, ["args"] = ArgsNode(a), ["text"] = a.English }).ToArray());

    private static List<LogText> ReadArgs(JsonArray? array)
    {
        var args = new List<LogText>();
        foreach (var node in array ?? new JsonArray())
        {
            args.Add(node switch
            {
                JsonObject o => new LogText(
                    (string?)o["key"], ReadArgs(o["args"] as JsonArray), (string?)o["text"] ?? ""),
                null => Plain(""),
                _ => Plain(node.GetValue<string>()),
            });
        }

        return args;
    }
}
