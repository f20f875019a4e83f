using System.Text.RegularExpressions;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Interop.Golden;

/// <summary>
/// What differs between two replays of the same golden request, and only that, replaced by a placeholder
/// (the rule tests/golden/README.md documents): the handles of the folders the scene made, and the id of a folder
/// the request made; the test company's name and handle, the caller's email and user handle; every xsd:dateTime;
/// the time stamp in a run's instance name; and the run id that ends a run's job handle.
/// </summary>
public static partial class GoldenNormaliser
{
    /// <param name="folderHandles">The folders the scene made, by placeholder name (<see cref="GoldenScene.FolderHandles"/>).</param>
    public static string Normalise(string answer, TestTenant tenant, IReadOnlyDictionary<string, string> folderHandles)
    {
        // Folder handles first, whole (they hold the company handle): one the scene made by its name, any other
        // folder of the company is one the request made. The company's name never holds its handle ("Company <id>", "c<id>").
        var names = folderHandles.ToDictionary(f => f.Value, f => $"{{{{{f.Key}}}}}", StringComparer.Ordinal);
        var text = Regex.Replace(answer, $@"f\|{Regex.Escape(tenant.CompanyHandle)}\|\d+(?!\d)",
            m => names.GetValueOrDefault(m.Value, "f|{{company}}|{{newFolderId}}"));
        if (tenant.CompanyName.Length > 0)
        {
            text = text.Replace(tenant.CompanyName, "{{companyName}}", StringComparison.Ordinal);
        }

        return RunId().Replace(
            InstanceStamp().Replace(
                DateTime().Replace(
                    text.Replace(tenant.CompanyHandle, "{{company}}", StringComparison.Ordinal)
                        .Replace(tenant.Email, "{{user}}", StringComparison.Ordinal)
                        .Replace(tenant.UserHandle, "{{userHandle}}", StringComparison.Ordinal),
                    "{{timestamp}}"),
                "_{{instance}}"),
            "$1{{runId}}");
    }

    /// <summary>The placeholders of a golden request, filled with the values of this replay.</summary>
    public static string Fill(string request, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(request, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? System.Security.SecurityElement.Escape(value)
            : throw new InvalidOperationException($"golden request uses {m.Value}, which this case does not set"));

    // xsd:dateTime as the server writes it: seconds, optional fraction, optional zone.
    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex DateTime();

    // <jobName>_<yyyy-MM-dd-HH:mm:ss.SSS>, the instance name of docs/JOBS.md, "How jobs run".
    [GeneratedRegex(@"_\d{4}-\d{2}-\d{2}-\d{2}:\d{2}:\d{2}\.\d{3}")]
    private static partial Regex InstanceStamp();

    // <company>|<name>|<instance>|<run id>
    [GeneratedRegex(@"(_\{\{instance\}\}\|)\d+")]
    private static partial Regex RunId();

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();
}
