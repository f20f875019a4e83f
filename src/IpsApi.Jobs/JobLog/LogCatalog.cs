using System.Globalization;

namespace IpsApi.Jobs.JobLog;

/// <summary>
/// The job log messages in every language the server speaks. Records are stored with their key and arguments
/// and rendered when a client reads them, in the caller's locale: that locale, else one of the same language
/// (de-AT → de-DE, zh-CN → zh-TW), else en-US; a key a language lacks falls back to English, and a key the
/// catalog does not know (written by another version of the server) to the stored English text.
/// </summary>
public static class LogCatalog
{
    public const string DefaultLocale = "en-US";

    // The first entry of a language is the one its other locales get.
    private static readonly (string Locale, IReadOnlyDictionary<string, string> Texts)[] Languages =
    [
        (DefaultLocale, EnglishLogTexts.EnUs),
        ("de-DE", GermanLogTexts.DeDe),
        ("fr-FR", FrenchLogTexts.FrFr),
        ("ja-JP", JapaneseLogTexts.JaJp),
        ("zh-TW", ChineseLogTexts.ZhTw),
    ];

    public static IReadOnlyList<string> Locales { get; } = Languages.Select(l => l.Locale).ToArray();

    /// <summary>The catalog locale that <paramref name="locale"/> (e.g. "de-AT", "de_DE", "ja") is answered in.</summary>
    public static string Resolve(string? locale) => Find(locale).Locale;

    /// <summary>The template of a key in exactly that catalog locale; null when it has none.</summary>
    public static string? Template(string key, string locale) =>
        Array.Find(Languages, l => string.Equals(l.Locale, locale, StringComparison.OrdinalIgnoreCase)).Texts?.GetValueOrDefault(key);

    /// <summary>The message in the caller's language; arguments that are messages themselves follow it.</summary>
    public static string Render(LogText text, string? locale) => Render(text, Find(locale).Texts);

    internal static string? EnglishTemplate(string key) => EnglishLogTexts.EnUs.GetValueOrDefault(key);

    internal static string Format(string template, string[] args) =>
        string.Format(CultureInfo.InvariantCulture, template, args);

    private static string Render(LogText text, IReadOnlyDictionary<string, string> texts)
    {
        if (text.Key is null)
        {
            return text.English;
        }

        var template = texts.GetValueOrDefault(text.Key) ?? EnglishTemplate(text.Key);
        if (template is null)
        {
            return text.English;
        }

        try
        {
            return Format(template, text.Args.Select(a => Render(a, texts)).ToArray());
        }
        catch (FormatException)
        {
            // Fewer stored arguments than the template asks for: the record predates this template.
            return text.English;
        }
    }

    private static (string Locale, IReadOnlyDictionary<string, string> Texts) Find(string? locale)
    {
        var name = (locale ?? "").Trim().Replace('_', '-');
        var exact = Array.Find(Languages, l => string.Equals(l.Locale, name, StringComparison.OrdinalIgnoreCase));
        if (exact.Texts is not null)
        {
            return exact;
        }

        var language = name.Split('-')[0];
        var sameLanguage = Array.Find(Languages, l => language.Length > 0
            && l.Locale.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase));
        return sameLanguage.Texts is not null ? sameLanguage : Languages[0];
    }
}
