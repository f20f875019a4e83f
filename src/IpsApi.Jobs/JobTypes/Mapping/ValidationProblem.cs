using System.Globalization;
using System.Text;

namespace IpsApi.Jobs.JobTypes.Mapping;

/// <summary>One thing wrong with a request, as an <c>ipsApiFault</c> code and reason.</summary>
/// <param name="Code">30001 (invalid parameter) or 30002 (missing parameter).</param>
/// <param name="Message">The reason sent to the client. It may quote the client's own value, never server data.</param>
public sealed record ValidationProblem(int Code, string Message)
{
    public const int InvalidParameterCode = 30001;
    public const int MissingParameterCode = 30002;

    /// <summary>A required value is absent or blank: "Missing required parameter: <paramref name="path"/>".</summary>
    public static ValidationProblem Missing(string path) =>
        new(MissingParameterCode, $"Missing required parameter: {path}");

    /// <summary>A value is there but wrong: "Invalid parameter <paramref name="path"/>: <paramref name="reason"/>".</summary>
    public static ValidationProblem Invalid(string path, string reason) =>
        new(InvalidParameterCode, $"Invalid parameter {path}: {reason}");

    /// <summary>
    /// A client value made safe to quote in a reason: shortened, and with control characters escaped, because
    /// the reason goes into an XML fault and characters such as NUL cannot be written there at all.
    /// </summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        const int maxLength = 120;
        var text = new StringBuilder(value.Length + 2);
        text.Append('\'');
        foreach (var c in value.Length > maxLength ? value.AsSpan(0, maxLength) : value.AsSpan())
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        text.Append('\'');
        if (value.Length > maxLength)
        {
            text.Append("...");
        }

        return text.ToString();
    }
}
