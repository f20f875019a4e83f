using Quartz;

namespace IpsApi.Server.Soap.Mapping;

/// <summary>
/// Turns a client's <c>execSchedule</c> into the Quartz expression we store and schedule
/// (<c>sec min hour day-of-month month day-of-week [year]</c>), or says why it cannot.
/// </summary>
internal static class ExecScheduleNormalizer
{
    private const string DayOfWeekLeftOut = "?";

    /// <param name="text">The expression as the client sent it (not blank).</param>
    /// <param name="expression">The normalised expression, when this returns true.</param>
    /// <param name="error">Why the expression is refused, when this returns false.</param>
    public static bool TryNormalize(string text, out string expression, out string error)
    {
        // Blanks are not significant in cron, and real systems stored expressions with stray ones
        // ("00 00 00 * * " has a trailing blank).
        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        expression = string.Empty;
        switch (fields.Length)
        {
            case 6:
            case 7:
                return TryQuartz(fields, out expression, out error);
            case 5:
                return TryFiveFields(fields, out expression, out error);
            default:
                error = $"{fields.Length} field(s); expected 6 or 7 (second minute hour day-of-month month "
                    + "day-of-week [year]) or the 5-field crontab form";
                return false;
        }
    }

    private static bool TryFiveFields(string[] fields, out string expression, out string error)
    {
        // First the standard five-field crontab reading (minute hour day-of-month month day-of-week). Quartz
        // converts it itself, seconds 0 in front and crontab's day-of-week numbers (0-7, Sunday 0 or 7) moved to
        // Quartz's (1-7, Sunday 1), so "0 9 * * 1-5" stays Monday to Friday.
        if (TryParse(string.Join(' ', fields), CronFormat.Unix, out var converted, out var crontabError))
        {
            return TryQuartz(converted.Split(' ', StringSplitOptions.RemoveEmptyEntries), out expression, out error);
        }

        // Then Quartz with the day of week left off, which is what real IPS systems stored: "00 00 00 * * " is
        // midnight every day, and cannot be crontab (day-of-month 00).
        if (TryQuartz([.. fields, DayOfWeekLeftOut], out expression, out _))
        {
            error = string.Empty;
            return true;
        }

        expression = string.Empty;
        error = crontabError;
        return false;
    }

    private static bool TryQuartz(string[] fields, out string expression, out string error)
    {
        SettleDayFields(fields);
        var candidate = string.Join(' ', fields);
        expression = TryParse(candidate, CronFormat.Quartz, out _, out error) ? candidate : string.Empty;
        return expression.Length > 0;
    }

    /// <param name="quartzForm">The expression as Quartz writes it back (Quartz form, upper case names).</param>
    private static bool TryParse(string text, CronFormat format, out string quartzForm, out string error)
    {
        try
        {
            quartzForm = CronExpression.Parse(text, format).CronExpressionString;
            error = string.Empty;
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            // Quartz's own message is the useful reason for the client ("Minute and Second values must be ...").
            quartzForm = string.Empty;
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Quartz's classic rule: exactly one of day-of-month and day-of-week is '?'. Clients write '*' for
    /// "any" in both; the '*' that adds nothing becomes '?'. Two specific values are left for Quartz to judge.
    /// </summary>
    private static void SettleDayFields(string[] fields)
    {
        const int dayOfMonth = 3;
        const int dayOfWeek = 5;
        if (fields[dayOfMonth] == "?" || fields[dayOfWeek] == "?")
        {
            return;
        }

        if (fields[dayOfWeek] == "*")
        {
            fields[dayOfWeek] = "?";
        }
        else if (fields[dayOfMonth] == "*")
        {
            fields[dayOfMonth] = "?";
        }
    }
}
