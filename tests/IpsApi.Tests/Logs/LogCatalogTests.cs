using System.Text.RegularExpressions;
using IpsApi.Jobs.JobLog;

namespace IpsApi.Tests.Logs;

/// <summary>Job log messages: stored as key and arguments, read in the caller's language.</summary>
public sealed partial class LogCatalogTests
{
    public static TheoryData<string, string> KeysAndLocales()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in LogKeys.All)
        {
            foreach (var locale in LogCatalog.Locales)
            {
                data.Add(key, locale);
            }
        }

        return data;
    }

    [Fact]
    public void The_catalog_speaks_the_five_languages_of_the_server()
    {
        Assert.Equal(["en-US", "de-DE", "fr-FR", "ja-JP", "zh-TW"], LogCatalog.Locales);
    }

    [Theory]
    [MemberData(nameof(KeysAndLocales))]
    public void Every_key_has_a_text_in_every_locale_with_the_placeholders_of_the_English(string key, string locale)
    {
        var template = LogCatalog.Template(key, locale);
        var english = LogCatalog.Template(key, "en-US");

        Assert.False(string.IsNullOrWhiteSpace(template), $"{key} has no {locale} text");
        Assert.Equal(Placeholders(english!), Placeholders(template!));
        if (locale != "en-US" && key != LogKeys.NoAppName)
        {
            Assert.NotEqual(english, template);
        }
    }

    [Fact]
    public void The_keys_are_unique()
    {
        Assert.Equal(LogKeys.All.Count, LogKeys.All.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_English_text_stays_word_for_word_what_the_server_wrote_before_keys()
    {
        Assert.Equal("publish now started on node-1", LogText.Of(LogKeys.RunStarted, "publish now", "node-1").English);
        Assert.Equal("publish now ended: Done", LogText.Of(LogKeys.RunEndedDone, "publish now").English);
        Assert.Equal("The run was interrupted: node node-crash stopped while it ran. The job was started again.",
            LogText.Of(LogKeys.RunInterrupted, "node-crash").English);
        Assert.Equal("Job type MetadataPublish is not supported yet by this server; nothing was done.",
            LogText.Of(LogKeys.JobTypeNotSupported, "MetadataPublish").English);
        Assert.Equal("The run was stopped by request.", LogText.Of(LogKeys.RunStoppedByRequest).English);
        Assert.Equal("The run was paused by request.", LogText.Of(LogKeys.RunPausedByRequest).English);
        Assert.Equal("The job failed: IOException (error id 0123456789ab; the server log has the details).",
            LogText.Of(LogKeys.JobFailed, "IOException", "0123456789ab").English);
        Assert.Equal("Published", LogText.Of(LogKeys.Published).English);
        Assert.Equal("Removed: no longer in the server directory", LogText.Of(LogKeys.RemovedFromPublish).English);
        Assert.Equal("Not published: permission denied",
            LogText.Of(LogKeys.NotPublished, LogText.Of(LogKeys.ReasonPermissionDenied)).English);
        Assert.Equal("Not removed: input/output error", LogText.Of(LogKeys.NotRemoved, LogText.Of(LogKeys.ReasonInputOutput)).English);
        Assert.Equal("(no appName given)", LogText.Of(LogKeys.NoAppName).English);
        Assert.Equal("Uploaded", LogText.Of(LogKeys.Uploaded).English);
        Assert.Equal("Replaced the existing asset", LogText.Of(LogKeys.ReplacedExisting).English);
        Assert.Equal("An asset with this name exists; overwrite is false", LogText.Of(LogKeys.DuplicateSkipped).English);
        Assert.Equal("Not uploaded: the file could not be processed (IOException)",
            LogText.Of(LogKeys.NotUploaded, LogText.Of(LogKeys.ReasonNotProcessable, "IOException")).English);
        Assert.Equal("Not downloaded from http://example.test/a.png: the server answered 404 Not Found",
            LogText.Of(LogKeys.NotDownloaded, "http://example.test/a.png", LogText.Of(LogKeys.DownloadHttpStatus, "404", "Not Found")).English);
        Assert.Equal("Option not supported, ignored: pdfOptions/extractLinks (links are not extracted)",
            LogText.Of(LogKeys.OptionNotSupported, LogText.Of(LogKeys.OptionPdfExtractLinks)).English);
    }

    [Theory]
    [InlineData("de-DE", "spring auf node-1 gestartet")]
    [InlineData("de-AT", "spring auf node-1 gestartet")]
    [InlineData("de", "spring auf node-1 gestartet")]
    [InlineData("de_DE", "spring auf node-1 gestartet")]
    [InlineData("fr-FR", "Démarrage de spring sur node-1")]
    [InlineData("fr-CA", "Démarrage de spring sur node-1")]
    [InlineData("ja-JP", "spring を node-1 で開始しました")]
    [InlineData("zh-TW", "spring 已在 node-1 上開始執行")]
    [InlineData("zh-CN", "spring 已在 node-1 上開始執行")]
    [InlineData("en-GB", "spring started on node-1")]
    [InlineData("pt-BR", "spring started on node-1")]
    [InlineData("", "spring started on node-1")]
    [InlineData(null, "spring started on node-1")]
    public void A_message_is_read_in_the_callers_language_else_one_of_the_same_language_else_English(string? locale, string expected)
    {
        Assert.Equal(expected, LogCatalog.Render(LogText.Of(LogKeys.RunStarted, "spring", "node-1"), locale));
    }

    [Fact]
    public void A_reason_inside_a_message_is_read_in_the_same_language()
    {
        var text = LogText.Of(LogKeys.NotPublished, LogText.Of(LogKeys.ReasonPermissionDenied));

        Assert.Equal("Nicht veröffentlicht: Zugriff verweigert", LogCatalog.Render(text, "de-DE"));
        Assert.Equal("Non publié\u00A0: permission refusée", LogCatalog.Render(text, "fr-FR"));
    }

    [Fact]
    public void Free_text_reads_the_same_in_every_language()
    {
        Assert.Equal("publish now", LogCatalog.Render("publish now", "ja-JP"));
        Assert.Equal("publish now", LogCatalog.Render(LogText.FromStored(null, null, "publish now"), "de-DE"));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("ja-JP")]
    [InlineData("zh-TW")]
    public void A_stored_message_reads_back_as_it_was_written(string locale)
    {
        LogText[] written =
        [
            LogText.Of(LogKeys.RunStarted, "{0} odd \"name\"", "node-1"),
            LogText.Of(LogKeys.NotRemoved, LogText.Of(LogKeys.ReasonPathTooLong)),
            LogText.Of(LogKeys.RemovedFromPublish),
            "free text",
        ];

        foreach (var text in written)
        {
            var stored = LogText.FromStored(text.Key, text.ArgsJson(), text.English);
            Assert.Equal(LogCatalog.Render(text, locale), LogCatalog.Render(stored, locale));
        }
    }

    [Fact]
    public void A_key_this_server_does_not_know_shows_the_stored_English()
    {
        var stored = LogText.FromStored("export.ready.v2", "[\"https://example.test/a.zip\"]", "Export ready");

        Assert.Equal("Export ready", LogCatalog.Render(stored, "de-DE"));
    }

    [Fact]
    public void Stored_arguments_that_do_not_fit_the_template_show_the_stored_English()
    {
        Assert.Equal("x started on y", LogCatalog.Render(LogText.FromStored(LogKeys.RunStarted, "[\"x\"]", "x started on y"), "de-DE"));
        Assert.Equal("x started on y", LogCatalog.Render(LogText.FromStored(LogKeys.RunStarted, "not json", "x started on y"), "de-DE"));
        Assert.Equal("x started on y", LogCatalog.Render(LogText.FromStored(LogKeys.RunStarted, "[1, 2]", "x started on y"), "de-DE"));
    }

    [Fact]
    public void A_key_outside_the_catalog_cannot_be_written()
    {
        Assert.Throws<ArgumentException>(() => LogText.Of("no.such.key"));
    }

    [Theory]
    [InlineData("de-CH", "de-DE")]
    [InlineData("ZH-hk", "zh-TW")]
    [InlineData("ja", "ja-JP")]
    [InlineData("xx-YY", "en-US")]
    public void Resolve_names_the_catalog_locale_a_caller_gets(string locale, string expected)
    {
        Assert.Equal(expected, LogCatalog.Resolve(locale));
    }

    private static string[] Placeholders(string template) =>
        PlaceholderPattern().Matches(template).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
