using System.Globalization;

namespace IpsApi.Jobs.Handles;

/// <summary>
/// The job handle clients get back and hand in again: <c>&lt;company&gt;|&lt;name&gt;|</c> for a submitted job,
/// <c>&lt;company&gt;|&lt;name&gt;|&lt;instance name&gt;|&lt;log id&gt;</c> for one of its runs. Opaque to clients.
/// A company handle and a job name may both contain '|', so a handle is read against the company handle it
/// must begin with (<see cref="TryParse(string?, string, out JobHandle)"/>), and the rest from both ends.
/// </summary>
public sealed record JobHandle(string CompanyHandle, string JobName, string? InstanceName = null, long? LogId = null)
{
    public override string ToString() => InstanceName is null
        ? $"{CompanyHandle}|{JobName}|"
        : $"{CompanyHandle}|{JobName}|{InstanceName}|{LogId}";

    /// <summary>Reads a handle that begins with the company handle <paramref name="companyHandle"/>.</summary>
    public static bool TryParse(string? text, string companyHandle, out JobHandle handle)
    {
        handle = null!;
        return !string.IsNullOrEmpty(text) && companyHandle.Length > 0
            && text.Length > companyHandle.Length + 1
            && text.StartsWith(companyHandle, StringComparison.Ordinal) && text[companyHandle.Length] == '|'
            && TryParseAfterCompany(companyHandle, text[(companyHandle.Length + 1)..], out handle);
    }

    /// <summary>Reads a handle whose company handle holds no '|' (what it was before its first '|').</summary>
    public static bool TryParse(string? text, out JobHandle handle)
    {
        handle = null!;
        var firstBar = text?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return firstBar > 0 && TryParse(text, text![..firstBar], out handle);
    }

    /// <summary>
    /// The company handles a job handle may begin with: what comes before each of its '|', longest first.
    /// </summary>
    public static IEnumerable<string> CompanyCandidates(string text)
    {
        for (var bar = text.LastIndexOf('|'); bar > 0; bar = text.LastIndexOf('|', bar - 1))
        {
            yield return text[..bar];
        }
    }

    private static bool TryParseAfterCompany(string company, string rest, out JobHandle handle)
    {
        handle = null!;
        if (rest.EndsWith('|'))
        {
            var name = rest[..^1];
            if (name.Length == 0)
            {
                return false;
            }

            handle = new JobHandle(company, name);
            return true;
        }

        // A run: the last two fields are the instance name and the numeric log id.
        var lastBar = rest.LastIndexOf('|');
        if (lastBar < 0 || !long.TryParse(rest[(lastBar + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var logId))
        {
            return false;
        }

        // The instance name is "<jobName>_<time>": split where what follows the bar starts with what precedes it,
        // so a job name containing '|' still parses.
        var beforeLog = rest[..lastBar];
        var instanceBar = beforeLog.LastIndexOf('|');
        for (var bar = beforeLog.IndexOf('|', StringComparison.Ordinal); bar >= 0; bar = beforeLog.IndexOf('|', bar + 1))
        {
            if (beforeLog.AsSpan(bar + 1).StartsWith(string.Concat(beforeLog.AsSpan(0, bar), "_"), StringComparison.Ordinal))
            {
                instanceBar = bar;
                break;
            }
        }

        if (instanceBar <= 0 || instanceBar == beforeLog.Length - 1)
        {
            return false;
        }

        handle = new JobHandle(company, beforeLog[..instanceBar], beforeLog[(instanceBar + 1)..], logId);
        return true;
    }
}
