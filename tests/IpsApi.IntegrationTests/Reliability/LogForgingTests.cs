using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Reliability;

/// <summary>
/// A server process writing its text log to the console and to a file: values from requests with line breaks and
/// other control characters in them (an unauthenticated authHeader user, a job name) never make a line of their own.
/// </summary>
[Collection(ReliabilityRun.Collection)]
public sealed class LogForgingTests
{
    private const string Forged = "10:59:58 INF SOAP deleteJob company 47 user root@example.com: ok";

    /// <summary>An authHeader whose user is written as given: character references in it reach the server as characters.</summary>
    private static string RawAuthHeader(string user) => $"<authHeader xmlns=\"{Envelopes.Ips}\"><user>{user}</user><password>x</password></authHeader>";

    [Fact]
    public async Task Control_characters_from_requests_are_escaped_in_the_text_log_and_job_names_with_them_are_refused()
    {
        await using var database = await TestDatabase.CreateAsync("logs");
        var storage = Directory.CreateTempSubdirectory("ipsapi-logs-").FullName;
        var logFile = Path.Combine(storage, "logs", "node-.log");
        string console;
        string file;
        var answers = new List<int?>();
        await using (var node = await ServerProcess.StartAsync(database.ConnectionString, "log-node", storage,
            environment: new Dictionary<string, string> { ["IPSAPI_LOG__FILE"] = logFile }))
        {
            using var http = new HttpClient();
            var tenant = database.Tenant;
            var submit = Envelopes.SubmitJobBody(tenant.CompanyHandle, "x", "<createVideoSitemapJob/>");
            string[] envelopes =
            [
                // Unauthenticated: the user name is all the attacker controls, and it is logged.
                Envelopes.Soap11(RawAuthHeader($"nobody&#10;{Forged}"), submit),
                Envelopes.Soap11(RawAuthHeader($"nobody&#13;{Forged}&#x2028;{Forged}&#x85;end"), submit),
                Envelopes.Soap11(tenant, $"<submitJobParam xmlns=\"{Envelopes.Ips}\"><companyHandle>{tenant.CompanyHandle}</companyHandle>"
                    + $"<jobName>nightly&#13;&#10;{Forged}</jobName><createVideoSitemapJob/></submitJobParam>"),
            ];
            foreach (var envelope in envelopes)
            {
                using var content = new StringContent(envelope, Encoding.UTF8);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
                using var response = await http.PostAsync(node.ServiceAddress, content);
                var code = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(XName.Get("code", Envelopes.Ips)).FirstOrDefault();
                answers.Add(code is null ? null : (int)code);
            }

            // The third call's line is the last one the gateway writes; wait until it is out.
            await Eventually.WaitAsync(() => Task.FromResult(node.Output), output => output.Split('\n').Count(l => l.Contains(" SOAP submitJob ", StringComparison.Ordinal)) >= 3,
                "the three calls in the log");
            console = node.Output;
        }

        file = string.Concat(Directory.GetFiles(Path.GetDirectoryName(logFile)!).Select(File.ReadAllText));
        Directory.Delete(storage, recursive: true);

        Assert.Equal([10001, 10001, 30001], answers);
        foreach (var (what, text) in new[] { ("console", console), ("file", file) })
        {
            var lines = text.Split('\n');
            Assert.DoesNotContain(lines, l => l.TrimStart('\r').StartsWith(Forged[..8], StringComparison.Ordinal) && l.Contains("deleteJob", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains('\r', StringComparison.Ordinal) || l.Contains('\u2028', StringComparison.Ordinal) || l.Contains('\u0085', StringComparison.Ordinal));
            Assert.True(text.Contains($"nobody\\n{Forged}", StringComparison.Ordinal), $"{what} log lacks the escaped user name:\n{text}");
            Assert.True(text.Contains($"nobody\\r{Forged}\\u2028{Forged}\\u0085end", StringComparison.Ordinal), $"{what} log lacks the escaped user name:\n{text}");
        }

        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from jobs"));
        ReliabilityRun.Record("security-log-forging", "Security: log forging",
        [
            new Outcome("authHeader user with LF, CR, U+2028 and U+0085 before a copy of a real log line (unauthenticated)", "2",
                "10001; console and file log each show one line per call, the characters escaped (\\n, \\r, \\u2028, \\u0085)", "-"),
            new Outcome("jobName with CR LF before a copy of a real log line", "1", "30001, nothing stored; no line of its own in the log", "-"),
        ], "Escaping is done once for every logged value (ControlCharacterEscaper in the Serilog pipeline), not per call site; JSON logs were already escaped by their format.");
    }
}
