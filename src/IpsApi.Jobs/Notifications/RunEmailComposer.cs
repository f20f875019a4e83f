using System.Globalization;
using System.Text;
using IpsApi.Jobs.Notifications.Templates;

namespace IpsApi.Jobs.Notifications;

internal enum RunMoment
{
    Started,
    Ended,
}

/// <summary>
/// Writes a run's email in the job's language: a plain text body and the same content as simple HTML.
/// Times are shown in the server's time zone with their UTC offset, dates and numbers in the job's culture.
/// </summary>
internal static class RunEmailComposer
{
    public const int MaxErrorsListed = 10;
    private const int MaxErrorLength = 500;

    public static EmailPayload Compose(RunSummary run, RunMoment moment, TimeZoneInfo zone)
    {
        var (texts, culture) = EmailCatalog.Resolve(run.Locale);
        var outcome = OutcomeWord(run, texts);
        var subject = moment == RunMoment.Started
            ? Format(culture, texts.SubjectStarted, run.JobName)
            : Format(culture, texts.SubjectEnded, run.JobName, outcome);
        var greeting = string.IsNullOrWhiteSpace(run.RecipientName)
            ? texts.GreetingWithoutName
            : Format(culture, texts.Greeting, run.RecipientName.Trim());
        var intro = moment == RunMoment.Started
            ? Format(culture, texts.IntroStarted, run.JobName)
            : Format(culture, texts.IntroEnded, run.JobName, outcome);

        var details = new List<(string Label, string Value)> { (texts.JobName, run.JobName) };
        if (!string.Equals(run.OriginalName, run.JobName, StringComparison.Ordinal) && run.OriginalName.Length > 0)
        {
            details.Add((texts.OriginalName, run.OriginalName));
        }

        details.Add((texts.JobType, run.JobType));
        details.Add((texts.Company, run.CompanyHandle));
        details.Add((texts.Instance, run.InstanceName));
        if (moment == RunMoment.Ended)
        {
            details.Add((texts.Outcome, outcome));
        }

        details.Add((texts.StartedAt, FormatTime(run.StartedAt, zone, culture)));
        if (moment == RunMoment.Ended && run.EndedAt is { } ended)
        {
            details.Add((texts.EndedAt, FormatTime(ended, zone, culture)));
        }

        var counts = moment == RunMoment.Started ? [] : new List<(string Label, string Value)>
        {
            (texts.TotalFiles, Number(run.Counts.TotalFiles, culture)),
            (texts.FileSuccess, Number(run.Counts.FileSuccess, culture)),
            (texts.FileError, Number(run.Counts.FileError, culture)),
            (texts.FileWarning, Number(run.Counts.FileWarning, culture)),
            (texts.FileDuplicate, Number(run.Counts.FileDuplicate, culture)),
            (texts.FileUpdate, Number(run.Counts.FileUpdate, culture)),
        };

        var errors = moment == RunMoment.Started ? [] : run.FirstErrors.Select(Clean).Where(e => e.Length > 0).Take(MaxErrorsListed).ToList();
        var hidden = run.Counts.FileError - errors.Count;
        var content = new EmailContent(
            greeting,
            moment == RunMoment.Started ? [intro, texts.EndWillFollow] : [intro],
            details,
            counts,
            moment == RunMoment.Ended && run.Counts.FatalError ? texts.FatalError : null,
            errors.Count > 0 ? texts.FirstErrors : null,
            errors,
            errors.Count > 0 && hidden > 0 ? Format(culture, texts.MoreErrors, Number(hidden, culture)) : null,
            texts.Footer);

        return new EmailPayload(
            moment == RunMoment.Started ? "started" : "ended", texts.Locale, run.RecipientEmail.Trim(), run.RecipientName.Trim(),
            subject, RenderText(content, texts.LabelSeparator), RenderHtml(content, texts.Locale, subject));
    }

    public static string OutcomeWord(RunSummary run, EmailTexts texts) => run.Outcome switch
    {
        RunOutcome.Failed => texts.Failed,
        RunOutcome.Stopped => texts.Stopped,
        _ when NotificationRules.HadErrors(run) => texts.CompletedWithErrors,
        _ => texts.Succeeded,
    };

    private static string RenderText(EmailContent content, string separator)
    {
        var text = new StringBuilder();
        text.Append(content.Greeting).Append('\n').Append('\n');
        foreach (var paragraph in content.Intro)
        {
            text.Append(paragraph).Append('\n');
        }

        foreach (var block in new[] { content.Details, content.Counts })
        {
            if (block.Count > 0)
            {
                text.Append('\n');
                foreach (var (label, value) in block)
                {
                    text.Append(label).Append(separator).Append(value).Append('\n');
                }
            }
        }

        if (content.FatalError is not null)
        {
            text.Append('\n').Append(content.FatalError).Append('\n');
        }

        if (content.ErrorsHeading is not null)
        {
            text.Append('\n').Append(content.ErrorsHeading).Append('\n');
            foreach (var error in content.Errors)
            {
                text.Append("- ").Append(error).Append('\n');
            }

            if (content.MoreErrors is not null)
            {
                text.Append(content.MoreErrors).Append('\n');
            }
        }

        // "-- " on its own line is the signature separator mail readers recognise.
        text.Append('\n').Append("-- ").Append('\n').Append(content.Footer).Append('\n');
        return text.ToString();
    }

    private static string RenderHtml(EmailContent content, string locale, string subject)
    {
        // Only the markup characters: the part is UTF-8, so accented and CJK text stays readable in the source.
        static string E(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(locale)).Append("\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(E(subject)).Append("</title></head>\n<body style=\"font-family:sans-serif;font-size:14px\">\n");
        html.Append("<p>").Append(E(content.Greeting)).Append("</p>\n");
        foreach (var paragraph in content.Intro)
        {
            html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
        }

        foreach (var block in new[] { content.Details, content.Counts })
        {
            if (block.Count > 0)
            {
                html.Append("<table style=\"border-collapse:collapse;margin-bottom:1em\">\n");
                foreach (var (label, value) in block)
                {
                    html.Append("<tr><th style=\"text-align:left;font-weight:normal;color:#555;padding:2px 16px 2px 0\">")
                        .Append(E(label)).Append("</th><td style=\"padding:2px 0\">").Append(E(value)).Append("</td></tr>\n");
                }

                html.Append("</table>\n");
            }
        }

        if (content.FatalError is not null)
        {
            html.Append("<p><strong>").Append(E(content.FatalError)).Append("</strong></p>\n");
        }

        if (content.ErrorsHeading is not null)
        {
            html.Append("<p>").Append(E(content.ErrorsHeading)).Append("</p>\n<ul>\n");
            foreach (var error in content.Errors)
            {
                html.Append("<li>").Append(E(error)).Append("</li>\n");
            }

            html.Append("</ul>\n");
            if (content.MoreErrors is not null)
            {
                html.Append("<p>").Append(E(content.MoreErrors)).Append("</p>\n");
            }
        }

        html.Append("<hr>\n<p style=\"color:#777;font-size:12px\">").Append(E(content.Footer)).Append("</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Format(CultureInfo culture, string format, params object[] values) =>
        string.Format(culture, format, values);

    private static string Number(int value, CultureInfo culture) => value.ToString("N0", culture);

    private static string FormatTime(DateTimeOffset time, TimeZoneInfo zone, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(time, zone);
        return $"{local.ToString("F", culture)} (UTC{local.ToString("zzz", CultureInfo.InvariantCulture)})";
    }

    /// <summary>One line, of a length a mail reader shows in full.</summary>
    private static string Clean(string error)
    {
        var line = string.Join(' ', error.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= MaxErrorLength ? line : string.Concat(line.AsSpan(0, MaxErrorLength - 1), "…");
    }

    private sealed record EmailContent(
        string Greeting,
        IReadOnlyList<string> Intro,
        IReadOnlyList<(string Label, string Value)> Details,
        IReadOnlyList<(string Label, string Value)> Counts,
        string? FatalError,
        string? ErrorsHeading,
        IReadOnlyList<string> Errors,
        string? MoreErrors,
        string Footer);
}
