namespace IpsApi.Jobs.Handles;

/// <summary>
/// The job handle clients get back and hand in again: <c>&lt;company&gt;|&lt;name&gt;|</c> for a submitted job,
/// <c>&lt;company&gt;|&lt;name&gt;|&lt;instance name&gt;|&lt;log id&gt;</c> for one of its runs. Opaque to clients;
/// a job name may itself contain '|', so parsing works from both ends.
/// </summary>
public sealed record JobHandle(string CompanyHandle, string JobName, string? InstanceName = null, long? LogId = null)
{
    public override string ToString() => InstanceName is null
        ? $"{CompanyHandle}|{JobName}|"
        : $"{CompanyHandle}|{JobName}|{InstanceName}|{LogId}";

    public static bool TryParse(string? text, out JobHandle handle)
    {
        handle = null!;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var firstBar = text.IndexOf('|', StringComparison.Ordinal);
        if (firstBar <= 0)
        {
            return false;
        }

        var company = text[..firstBar];
        var rest = text[(firstBar + 1)..];
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
        if (lastBar < 0 || !long.TryParse(rest[(lastBar + 1)..], out var logId))
        {
            return false;
        }

        var beforeLog = rest[..lastBar];
        var instanceBar = beforeLog.LastIndexOf('|');
        if (instanceBar <= 0 || instanceBar == beforeLog.Length - 1)
        {
            return false;
        }

        handle = new JobHandle(company, beforeLog[..instanceBar], beforeLog[(instanceBar + 1)..], logId);
        return true;
    }
}
