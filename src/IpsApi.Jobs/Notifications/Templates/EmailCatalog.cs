using System.Globalization;

namespace IpsApi.Jobs.Notifications.Templates;

/// <summary>The languages emails are written in, and which one a job's locale gets.</summary>
internal static class EmailCatalog
{
    public const string DefaultLocale = "en-US";

    // Order matters for the language fallback: the first entry of a language is its default (zh → zh-TW).
    private static readonly EmailTexts[] Languages =
    [
        EnglishTexts.EnUs,
        GermanTexts.DeDe,
        FrenchTexts.FrFr,
        JapaneseTexts.JaJp,
        ChineseTexts.ZhTw,
        ChineseTexts.ZhCn,
    ];

    public static IReadOnlyList<string> Locales { get; } = Languages.Select(t => t.Locale).ToArray();

    /// <summary>
    /// The texts for <paramref name="locale"/>: that locale, else one of the same language (de-AT → de-DE;
    /// zh-HK → zh-TW and zh-SG → zh-CN, by script), else en-US. The culture formats dates and numbers: the
    /// requested one when .NET knows it (so de-AT dates look Austrian), else the texts' own.
    /// </summary>
    public static (EmailTexts Texts, CultureInfo Culture) Resolve(string? locale)
    {
        var name = (locale ?? "").Trim().Replace('_', '-');
        var culture = TryGetCulture(name);
        var texts = Find(name, culture) ?? Languages[0];
        return (texts, culture ?? CultureInfo.GetCultureInfo(texts.Locale));
    }

    private static EmailTexts? Find(string name, CultureInfo? culture)
    {
        var exact = Array.Find(Languages, t => string.Equals(t.Locale, name, StringComparison.OrdinalIgnoreCase));
        if (exact is not null || name.Length == 0)
        {
            return exact;
        }

        // The culture's parents are its script and language (zh-HK → zh-Hant → zh, de-AT → de): the nearest
        // one that a catalog locale shares picks it.
        if (culture is not null)
        {
            for (var ancestor = culture; ancestor.Name.Length > 0; ancestor = ancestor.Parent)
            {
                var match = Array.Find(Languages, t => Ancestors(t.Locale).Contains(ancestor.Name, StringComparer.OrdinalIgnoreCase));
                if (match is not null)
                {
                    return match;
                }
            }
        }

        var language = name.Split('-')[0];
        return Array.Find(Languages, t => t.Locale.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> Ancestors(string locale)
    {
        for (var c = CultureInfo.GetCultureInfo(locale); c.Name.Length > 0; c = c.Parent)
        {
            yield return c.Name;
        }
    }

    private static CultureInfo? TryGetCulture(string name)
    {
        if (name.Length == 0)
        {
            return null;
        }

        try
        {
            // Predefined only: .NET would otherwise invent a culture for any well-formed tag (xx-YY).
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
