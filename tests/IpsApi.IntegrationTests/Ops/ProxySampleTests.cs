using System.Text.RegularExpressions;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Interop;
using IpsApi.IntegrationTests.Reliability;

namespace IpsApi.IntegrationTests.Ops;

/// <summary>
/// The nginx sample of docs/OPERATIONS.md against the server it stands in front of: each path the server answers with metrics or
/// health, in any case, falls in the sample's blocking location; delivery and SOAP do not.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class ProxySampleTests(ServerFixture server)
{
    [Fact]
    public async Task The_readme_nginx_sample_blocks_metrics_and_health_in_any_case_the_server_answers()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "docs", "OPERATIONS.md"));
        var sample = readme[readme.IndexOf("```nginx", StringComparison.Ordinal)..];
        var publicServer = sample[..sample.IndexOf("server_name ops.", StringComparison.Ordinal)];
        var block = BlockingLocation().Match(publicServer);
        Assert.True(block.Success, "the public server block of the sample has no `location ~* <regex> { return 404; }`");
        // nginx's ~* is a case-insensitive PCRE match; these patterns read the same in .NET.
        var blocked = new Regex(block.Groups[1].Value, RegexOptions.IgnoreCase);

        string[] internalPaths = ["/metrics", "/METRICS", "/Metrics/", "/health/ready", "/HEALTH/READY", "/Health/Live"];
        foreach (var path in internalPaths)
        {
            using var direct = await server.Http.GetAsync(new Uri(server.BaseAddress, path));
            Assert.True(direct.IsSuccessStatusCode, $"the server itself answers {path} with {(int)direct.StatusCode}");
            Assert.True(blocked.IsMatch(path), $"the sample lets {path} through");
        }

        foreach (var path in new[] { "/scene7/services/IpsApiService", "/scene7/webservice/IpsApi.wsdl", "/is/image/c/metrics", "/exports/abc" })
        {
            Assert.False(blocked.IsMatch(path), $"the sample blocks {path}");
        }

        SecurityReview.Held(
            "The nginx sample of docs/OPERATIONS.md against `/METRICS`, `/Metrics/`, `/HEALTH/READY` and the other cases the server answers",
            $"{internalPaths.Length} paths",
            "the sample's `location ~* ^/(metrics\\|health)` blocks them all; SOAP, WSDL, delivery and exports pass");
    }

    [GeneratedRegex(@"location ~\* (\S+) \{ return 404; \}")]
    private static partial Regex BlockingLocation();
}
