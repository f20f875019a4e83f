using System.Text.Json;
using IpsApi.Jobs.Notifications;
using IpsApi.Jobs.Notifications.Templates;

namespace IpsApi.Tests.Notifications;

/// <summary>What the recipient reads: subject and body in the job's language, with the run's facts.</summary>
public sealed class EmailCompositionTests
{
    [Theory]
    [InlineData("en-US", "succeeded", "failed", "stopped", "Files in total")]
    [InlineData("de-DE", "erfolgreich abgeschlossen", "fehlgeschlagen", "abgebrochen", "Dateien insgesamt")]
    [InlineData("fr-FR", "réussie", "en échec", "arrêtée", "Fichiers au total")]
    [InlineData("ja-JP", "成功", "失敗", "停止", "ファイル総数")]
    [InlineData("zh-TW", "已成功完成", "失敗", "已停止", "檔案總數")]
    [InlineData("zh-CN", "已成功完成", "失败", "已停止", "文件总数")]
    public void Each_locale_names_the_job_and_the_outcome_in_its_language(
        string locale, string succeeded, string failed, string stopped, string totalLabel)
    {
        foreach (var (outcome, word) in new[] { (RunOutcome.Succeeded, succeeded), (RunOutcome.Failed, failed), (RunOutcome.Stopped, stopped) })
        {
            var email = End(Runs.Sample(outcome: outcome, locale: locale));

            Assert.Equal(locale, email.Locale);
            Assert.Contains("Nightly Publish", email.Subject, StringComparison.Ordinal);
            Assert.Contains(word, email.Subject, StringComparison.Ordinal);
            Assert.Contains("Nightly Publish", email.Text, StringComparison.Ordinal);
            Assert.Contains(word, email.Text, StringComparison.Ordinal);
            Assert.Contains(totalLabel, email.Text, StringComparison.Ordinal);
            Assert.Contains(word, email.Html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en-US", "started")]
    [InlineData("de-DE", "gestartet")]
    [InlineData("fr-FR", "démarrée")]
    [InlineData("ja-JP", "開始")]
    [InlineData("zh-TW", "已開始")]
    public void The_start_email_says_the_job_started_and_that_another_follows(string locale, string startedWord)
    {
        var email = RunEmailComposer.Compose(Runs.Sample("All", locale: locale), RunMoment.Started, Runs.Berlin);
        var texts = EmailCatalog.Resolve(locale).Texts;

        Assert.Contains(startedWord, email.Subject, StringComparison.Ordinal);
        Assert.Contains("Nightly Publish", email.Subject, StringComparison.Ordinal);
        Assert.Contains(texts.EndWillFollow, email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(texts.TotalFiles, email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-AT", "de-DE")]
    [InlineData("de", "de-DE")]
    [InlineData("DE_de", "de-DE")]
    [InlineData("fr-CA", "fr-FR")]
    [InlineData("ja", "ja-JP")]
    [InlineData("zh-HK", "zh-TW")]
    [InlineData("zh-SG", "zh-CN")]
    [InlineData("en-GB", "en-US")]
    [InlineData("xx-YY", "en-US")]
    [InlineData("es-ES", "en-US")]
    [InlineData("", "en-US")]
    [InlineData("not a locale", "en-US")]
    public void A_locale_without_texts_of_its_own_falls_back_to_its_language_then_to_english(string locale, string used)
    {
        Assert.Equal(used, EmailCatalog.Resolve(locale).Texts.Locale);
        Assert.Equal(used, End(Runs.Sample(locale: locale)).Locale);
    }

    [Fact]
    public void An_austrian_job_reads_german_with_austrian_dates()
    {
        var (texts, culture) = EmailCatalog.Resolve("de-AT");
        var email = End(Runs.Sample(locale: "de-AT"));

        Assert.Equal("de-AT", culture.Name);
        Assert.StartsWith("IPS-Job „Nightly Publish“", email.Subject, StringComparison.Ordinal);
        Assert.Contains(texts.Greeting.Replace("{0}", "Anna Berg", StringComparison.Ordinal), email.Text, StringComparison.Ordinal);
        // Austrian German says "Jänner" for January; March is the same as in Germany.
        Assert.Contains("3. März 2025", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "Monday, March 3, 2025", "10:15:00")]
    [InlineData("de-DE", "Montag, 3. März 2025", "10:15:00")]
    [InlineData("fr-FR", "lundi 3 mars 2025", "10:15:00")]
    [InlineData("ja-JP", "2025年3月3日", "10:15:00")]
    [InlineData("zh-TW", "2025年3月3日", "10:15:00")]
    public void Times_are_in_the_server_zone_and_written_the_way_the_locale_writes_them(string locale, string date, string time)
    {
        var email = End(Runs.Sample(locale: locale));

        // 09:15 UTC is 10:15 in Berlin in March (winter time).
        Assert.Contains(date, email.Text, StringComparison.Ordinal);
        Assert.Contains(time, email.Text, StringComparison.Ordinal);
        Assert.Contains("(UTC+01:00)", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_and_recipient_are_in_the_email()
    {
        var email = End(Runs.Sample(counts: new RunCounts(1234, 2, 3, 4, 5, 1248, false), errors: ["a", "b"]));

        Assert.Equal("anna@example.test", email.To);
        Assert.Equal("Anna Berg", email.ToName);
        Assert.StartsWith("Hello Anna Berg,", email.Text, StringComparison.Ordinal);
        Assert.Contains("Files in total: 1,248", email.Text, StringComparison.Ordinal);
        Assert.Contains("Succeeded: 1,234", email.Text, StringComparison.Ordinal);
        Assert.Contains("Errors: 2", email.Text, StringComparison.Ordinal);
        Assert.Contains("Warnings: 3", email.Text, StringComparison.Ordinal);
        Assert.Contains("Duplicates skipped: 4", email.Text, StringComparison.Ordinal);
        Assert.Contains("Updated: 5", email.Text, StringComparison.Ordinal);
        Assert.Contains("Job type: ServerDirectoryPublish", email.Text, StringComparison.Ordinal);
        Assert.Contains("IPS job \"Nightly Publish\" completed with errors", email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_ten_errors_are_listed_and_the_rest_counted()
    {
        var errors = Enumerable.Range(1, 12).Select(i => $"file{i:00}.tif: cannot read\nsecond line").ToList();
        var email = End(Runs.Sample("Error", counts: Runs.Clean with { FileError = 25 }, errors: errors));

        Assert.Contains("- file01.tif: cannot read second line", email.Text, StringComparison.Ordinal);
        Assert.Contains("- file10.tif", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("file11.tif", email.Text, StringComparison.Ordinal);
        Assert.Contains("…and 15 more.", email.Text, StringComparison.Ordinal);
        Assert.Contains("<li>file10.tif: cannot read second line</li>", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fatal_error_is_said_in_so_many_words()
    {
        var email = End(Runs.Sample("Error", RunOutcome.Failed,
            Runs.Clean with { FatalError = true }, locale: "de-DE", errors: ["Job type Export is not supported yet by this server."]));

        Assert.Equal("IPS-Job „Nightly Publish“ fehlgeschlagen", email.Subject);
        Assert.Contains("Ein schwerwiegender Fehler hat den Job beendet.", email.Text, StringComparison.Ordinal);
        Assert.Contains("- Job type Export is not supported yet by this server.", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_from_the_client_are_escaped_in_the_html()
    {
        var email = End(Runs.Sample(jobName: "<b>Q&A</b>", errors: ["<script>x</script>"], counts: Runs.Clean with { FileError = 1 }));

        Assert.Contains("&lt;b&gt;Q&amp;A&lt;/b&gt;", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<b>Q&A</b>", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_callback_body_has_the_documented_shape()
    {
        var run = Runs.Sample(outcome: RunOutcome.Stopped, counts: new RunCounts(1, 2, 3, 4, 5, 15, false),
            callbackUrl: "https://hooks.example.test/done");
        var message = Assert.Single(RunMessages.AtEnd(run, Runs.Berlin), m => m.Kind == "callback");
        var payload = JsonDocument.Parse(message.Payload).RootElement;
        Assert.Equal("https://hooks.example.test/done", payload.GetProperty("url").GetString());

        var body = JsonDocument.Parse(payload.GetProperty("body").GetString()!).RootElement;
        Assert.Equal(run.JobHandle, body.GetProperty("jobHandle").GetString());
        Assert.Equal("Nightly Publish", body.GetProperty("jobName").GetString());
        Assert.Equal("Nightly Publish", body.GetProperty("originalName").GetString());
        Assert.Equal("47", body.GetProperty("companyHandle").GetString());
        Assert.Equal("ServerDirectoryPublish", body.GetProperty("jobType").GetString());
        Assert.Equal("Stopped", body.GetProperty("outcome").GetString());
        var counts = body.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("fileSuccess").GetInt32());
        Assert.Equal(2, counts.GetProperty("fileError").GetInt32());
        Assert.Equal(3, counts.GetProperty("fileWarning").GetInt32());
        Assert.Equal(4, counts.GetProperty("fileDuplicate").GetInt32());
        Assert.Equal(5, counts.GetProperty("fileUpdate").GetInt32());
        Assert.Equal(15, counts.GetProperty("totalFiles").GetInt32());
        Assert.False(counts.GetProperty("fatalError").GetBoolean());
        Assert.Equal(Runs.Start, body.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(TimeSpan.Zero, body.GetProperty("startedAt").GetDateTimeOffset().Offset);
        Assert.Equal(run.EndedAt, body.GetProperty("endedAt").GetDateTimeOffset());
    }

    private static EmailPayload End(RunSummary run) => RunEmailComposer.Compose(run, RunMoment.Ended, Runs.Berlin);
}
