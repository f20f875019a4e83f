using System.Text.RegularExpressions;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Interop.Golden;

/// <summary>
/// What differs between two replays of the same golden request, and only that, replaced by a placeholder
/// (the rule tests/golden/README.md documents): the asset and folder handles the scene made; the test company's
/// name and handle, the caller's email and user handle; every xsd:dateTime; the time stamp in a run's instance name; and the
/// run id that ends a run's job handle.
/// </summary>
public static partial class GoldenNormaliser
{
    public static string Normalise(string answer, TestTenant tenant, IReadOnlyDictionary<string, string>? values = null) =>
        RunId().Replace(
            InstanceStamp().Replace(
                DateTime().Replace(
                    Handles(answer, values).Replace(tenant.CompanyName.Length > 0 ? tenant.CompanyName : tenant.CompanyHandle, tenant.CompanyName.Length > 0 ? "{{companyName}}" : "{{company}}", StringComparison.Ordinal)
                        .Replace(tenant.CompanyHandle, "{{company}}", StringComparison.Ordinal)
                        .Replace(tenant.Email, "{{user}}", StringComparison.Ordinal)
                        .Replace(tenant.UserHandle, "{{userHandle}}", StringComparison.Ordinal),
                    "{{timestamp}}"),
                "_{{instance}}"),
            "$1{{runId}}");

    /// <summary>The scene's asset and folder handles ({{asset1}}, {{folder0}}, ...) back to their placeholders, longest first.</summary>
    private static string Handles(string answer, IReadOnlyDictionary<string, string>? values)
    {
        foreach (var (name, value) in (values ?? new Dictionary<string, string>())
                     .Where(v => v.Key.StartsWith("asset", StringComparison.Ordinal) || v.Key.StartsWith("folder", StringComparison.Ordinal))
                     .OrderByDescending(v => v.Value.Length))
        {
            answer = answer.Replace(System.Security.SecurityElement.Escape(value), $"{{{{{name}}}}}", StringComparison.Ordinal);
        }

        return answer;
    }

    /// <summary>The placeholders of a golden request, filled with the values of this replay.</summary>
    public static string Fill(string request, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(request, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? System.Security.SecurityElement.Escape(value)
            : throw new InvalidOperationException($"golden request uses {m.Value}, which this case does not set"));

    // xsd:dateTime as the server writes it: seconds, optional fraction, optional zone.
    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex DateTime();

    // <jobName>_<yyyy-MM-dd-HH:mm:ss.SSS>, CONTRACT.md's instance name.
    [GeneratedRegex(@"_\d{4}-\d{2}-\d{2}-\d{2}:\d{2}:\d{2}\.\d{3}")]
    private static partial Regex InstanceStamp();

    // <company>|<name>|<instance>|<run id>
    [GeneratedRegex(@"(_\{\{instance\}\}\|)\d+")]
    private static partial Regex RunId();

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();
}
