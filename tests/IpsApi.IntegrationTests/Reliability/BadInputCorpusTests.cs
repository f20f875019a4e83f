using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Interop;

namespace IpsApi.IntegrationTests.Reliability;

/// <summary>
/// Replays tests/corpus (cases.tsv: each request file with its expected fault or run record) against a server
/// process, plus the 100 MiB bodies made here: every case answers as expected, a refused request leaves no row,
/// trigger or file behind, the process stays up and its memory stays flat from one pass over the corpus to the next.
/// </summary>
[Collection(ReliabilityRun.Collection)]
public sealed class BadInputCorpusTests
{
    private static readonly XNamespace Ips = SoapResponse.Ips;

    public static string CorpusRoot => Path.Combine(RepoPaths.Root, "tests", "corpus");

    public sealed record CorpusCase(string Path, string Expected, string What)
    {
        public bool IsRun => Expected.StartsWith("run ", StringComparison.Ordinal);

        public int? FaultCode => Expected.StartsWith("fault ", StringComparison.Ordinal) ? int.Parse(Expected[6..], System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public static IReadOnlyList<CorpusCase> LoadCases() =>
        File.ReadLines(Path.Combine(CorpusRoot, "cases.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => new CorpusCase(f[0], f[1], f[2]))
            .ToList();

    [Fact]
    public void The_corpus_has_at_least_200_cases_and_every_file_exists()
    {
        var cases = LoadCases();
        Assert.True(cases.Count >= 200, $"{cases.Count} cases");
        Assert.All(cases, c => Assert.True(File.Exists(Path.Combine(CorpusRoot, c.Path)), c.Path));
        Assert.Equal(cases.Count, cases.Select(c => c.Path).Distinct().Count());
    }

    [Fact]
    public async Task Every_case_answers_as_expected_stores_nothing_when_refused_and_the_server_stays_up_with_flat_memory()
    {
        await using var database = await TestDatabase.CreateAsync("corpus");
        var storage = Directory.CreateTempSubdirectory("ipsapi-corpus-").FullName;
        await using var files = await TestFileServer.StartAsync();
        foreach (var file in Directory.GetFiles(Path.Combine(CorpusRoot, "files"), "*", SearchOption.AllDirectories))
        {
            files.Add(Path.GetRelativePath(Path.Combine(CorpusRoot, "files"), file).Replace('\\', '/'), await File.ReadAllBytesAsync(file));
        }

        await using var node = await ServerProcess.StartAsync(database.ConnectionString, "node-corpus", storage, environment: new Dictionary<string, string>
        {
            ["IPSAPI_OUTBOUND__ALLOWLOOPBACK"] = "true",
            ["IPSAPI_DOWNLOADS__RETRIES"] = "0",
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var replay = new Replay(http, node, database, files, storage);
        var cases = LoadCases();
        var failures = new List<string>();
        var stopwatch = Stopwatch.StartNew();

        // Pass 1: everything, the requests refused at once first (nothing may appear while they are checked),
        // then the jobs whose runs must refuse their files.
        foreach (var c in cases.Where(c => !c.IsRun).OrderBy(c => c.FaultCode is null))
        {
            await replay.RefusedOrOkAsync(c, failures);
        }

        foreach (var big in BigBodies())
        {
            await replay.BigBodyAsync(big.Name, big.Send, failures);
        }

        var runs = new List<(CorpusCase Case, string Job)>();
        foreach (var c in cases.Where(c => c.IsRun))
        {
            runs.Add((c, await replay.SubmitRunAsync(c, failures)));
        }

        await replay.CheckRunsAsync(runs, failures);
        var firstPass = stopwatch.Elapsed;
        var afterFirst = await replay.SettledResidentBytesAsync();

        // Further passes over the refused requests: memory must not keep growing with them.
        var passes = ReliabilityRun.Size(1, 5);
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var c in cases.Where(c => !c.IsRun))
            {
                await replay.RefusedOrOkAsync(c, failures);
            }

            foreach (var big in BigBodies())
            {
                await replay.BigBodyAsync(big.Name, big.Send, failures);
            }
        }

        var afterLast = await replay.SettledResidentBytesAsync();
        Assert.False(node.HasExited, node.Output);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var growth = afterLast - afterFirst;
        // Generous: the runtime may still settle its heaps; a leak per request would show as hundreds of MiB.
        Assert.True(growth < 150L * 1024 * 1024, $"resident memory grew by {ReliabilityRun.Mib(growth)} over {passes} passes");

        var refused = cases.Count(c => c.FaultCode is not null);
        ReliabilityRun.Record("corpus", "Bad input corpus (tests/corpus)",
        [
            new Outcome($"{cases.Count} corpus cases ({string.Join(", ", cases.GroupBy(c => c.Path.Split('/')[0]).Select(g => $"{g.Key} {g.Count()}"))}) and {BigBodies().Count} generated 100 MiB bodies",
                $"1 + {passes} passes over the {refused + BigBodies().Count} refused requests, 1 over the {runs.Count} runs",
                "every expected fault code or run record; no row, trigger or file after a refused request; process up",
                $"first pass {firstPass.TotalSeconds:0} s; resident memory {ReliabilityRun.Mib(afterFirst)} after it, {ReliabilityRun.Mib(afterLast)} after the last ({(growth >= 0 ? "+" : "")}{ReliabilityRun.Mib(growth)})"),
        ]);
    }

    /// <summary>Requests too large to keep in the repository: made here, each over the 10 MiB default limit.</summary>
    private static IReadOnlyList<(string Name, Func<HttpClient, Uri, Task<HttpResponseMessage>> Send)> BigBodies()
    {
        const int size = 100 * 1024 * 1024;
        return
        [
            ("100 MiB body with Content-Length", (http, uri) => http.SendAsync(Post(uri, new ByteArrayContent(HugeEnvelope(size))))),
            ("100 MiB body chunked (no Content-Length)", (http, uri) => http.SendAsync(Post(uri, new StreamContent(new ChunkedOnly(HugeEnvelope(size)))))),
            ("100 MiB body gzip-encoded (a 100 KB bomb)", (http, uri) =>
            {
                var content = new ByteArrayContent(Gzip(HugeEnvelope(size)));
                content.Headers.ContentEncoding.Add("gzip");
                return http.SendAsync(Post(uri, content));
            }),
            ("100 MiB plain-XML request", (http, uri) => http.SendAsync(Post(new Uri(uri, "/scene7/api/IpsApiService"), new ByteArrayContent(HugeEnvelope(size))))),
        ];

        static HttpRequestMessage Post(Uri uri, HttpContent content)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
            return new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        }
    }

    private static byte[] HugeEnvelope(int size)
    {
        var head = Encoding.UTF8.GetBytes(Envelopes.Soap11(Envelopes.AuthHeader("x", "y"), "<submitJobParam xmlns=\"http://www.scene7.com/IpsApi/xsd\"><jobName>"));
        var bytes = new byte[size];
        head.CopyTo(bytes, 0);
        bytes.AsSpan(head.Length).Fill((byte)'x');
        return bytes;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>A stream whose length is unknown, so the client sends the body chunked.</summary>
    private sealed class ChunkedOnly(byte[] data) : MemoryStream(data, writable: false)
    {
        public override bool CanSeek => false;
    }

    /// <summary>Sends corpus cases to the node and checks what a client and an operator would see.</summary>
    private sealed class Replay(HttpClient http, ServerProcess node, TestDatabase database, TestFileServer files, string storage)
    {
        private int _sequence;

        public async Task RefusedOrOkAsync(CorpusCase c, List<string> failures)
        {
            var before = await StoredAsync();
            var (status, body) = await PostAsync(c, NextJobName());
            if (!IsSoapAnswer(body, out var document))
            {
                failures.Add($"{c.Path}: HTTP {status}, not a SOAP answer: {Clip(body)}");
                return;
            }

            var fault = FaultOf(document);
            if (c.FaultCode is { } expected)
            {
                if (fault?.Code != expected)
                {
                    failures.Add($"{c.Path} ({c.What}): expected fault {expected}, got {(fault is null ? "no fault" : $"{fault.Value.Code} {fault.Value.Reason}")}");
                    return;
                }

                if (Leaks(fault.Value.Reason) is { } leak)
                {
                    failures.Add($"{c.Path}: the reason shows '{leak}': {fault.Value.Reason}");
                }

                var after = await StoredAsync();
                if (Grew(before, after))
                {
                    failures.Add($"{c.Path}: refused but something was stored (jobs, Quartz jobs, triggers, assets, outbox, files): before {string.Join(",", before)}, after {string.Join(",", after)}");
                }
            }
            else if (fault is not null && fault.Value.Code == 30000)
            {
                failures.Add($"{c.Path} ({c.What}): server error {fault.Value.Reason}");
            }
        }

        public async Task BigBodyAsync(string name, Func<HttpClient, Uri, Task<HttpResponseMessage>> send, List<string> failures)
        {
            var before = await StoredAsync();
            try
            {
                using var response = await send(http, node.ServiceAddress);
                var body = await response.Content.ReadAsStringAsync();
                // The plain-XML endpoint answers the bare fault element, SOAP an envelope: both carry ips:code.
                var fault = IsSoapAnswer(body, out var document) || document.Root?.Name.LocalName == "ipsApiFault" ? FaultOf(document) : null;
                if (fault?.Code != 30003)
                {
                    failures.Add($"{name}: expected fault 30003, got HTTP {(int)response.StatusCode} {Clip(body)}");
                }
            }
            catch (HttpRequestException e)
            {
                // The server answered and closed while the client was still sending: acceptable only if nothing was kept.
                failures.Add($"{name}: the connection failed before an answer: {e.Message}");
            }

            if (Grew(before, await StoredAsync()))
            {
                failures.Add($"{name}: refused but something was stored");
            }
        }

        public async Task<string> SubmitRunAsync(CorpusCase c, List<string> failures)
        {
            var job = NextJobName();
            var (status, body) = await PostAsync(c, job);
            if (!IsSoapAnswer(body, out var document) || FaultOf(document) is not null)
            {
                failures.Add($"{c.Path} ({c.What}): the job should be accepted, got HTTP {status} {Clip(body)}");
            }

            return job;
        }

        public async Task CheckRunsAsync(List<(CorpusCase Case, string Job)> runs, List<string> failures)
        {
            await Eventually.WaitAsync(
                () => database.ScalarAsync<long>(
                    "select count(*) from job_runs where ended_at is not null and job_id in (select id from jobs where name = any(@names))",
                    ("names", runs.Select(r => r.Job).ToArray())),
                ended => ended >= runs.Count, $"{runs.Count} corpus runs to end", timeoutSeconds: 300);
            foreach (var (c, job) in runs)
            {
                var logType = c.Expected["run ".Length..];
                var found = await database.ScalarAsync<long>(
                    """
                    select count(*) from job_log_details d join job_runs r on r.id = d.run_id join jobs j on j.id = r.job_id
                    where j.name = @job and d.log_type = @type
                    """, ("job", job), ("type", logType));
                var state = await database.ScalarAsync<string>(
                    "select coalesce(max(r.state), '') from job_runs r join jobs j on j.id = r.job_id where j.name = @job", ("job", job));
                if (found == 0 || state != "Done")
                {
                    var seen = await database.ScalarAsync<string>(
                        """
                        select coalesce(string_agg(d.log_type || ': ' || d.message, ' | '), '') from job_log_details d
                        join job_runs r on r.id = d.run_id join jobs j on j.id = r.job_id where j.name = @job
                        """, ("job", job));
                    failures.Add($"{c.Path} ({c.What}): expected a Done run with {logType}, got {state}: {Clip(seen)}");
                }
            }

            // Every refused file left nothing: the only assets are those the corpus expects to be stored.
            var stored = await database.ScalarAsync<long>("select count(*) from assets");
            var expectedStored = runs.Count(r => r.Case.Expected == "run UploadSuccess");
            if (stored != expectedStored)
            {
                failures.Add($"{stored} assets stored, expected {expectedStored}");
            }

            var assetFiles = Directory.Exists(storage)
                ? Directory.GetFiles(storage, "*", SearchOption.AllDirectories).Count(f => f.Contains("/assets/", StringComparison.Ordinal))
                : 0;
            if (assetFiles != expectedStored)
            {
                failures.Add($"{assetFiles} original files under the storage root, expected {expectedStored}");
            }
        }

        /// <summary>Resident memory after the node has had a moment to settle (its GC runs on its own).</summary>
        public async Task<long> SettledResidentBytesAsync()
        {
            await Task.Delay(2000);
            return node.ResidentBytes();
        }

        private string NextJobName() => $"corpus-{Interlocked.Increment(ref _sequence)}";

        private async Task<(int Status, string Body)> PostAsync(CorpusCase c, string job)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(CorpusRoot, c.Path));
            bytes = Fill(bytes, new Dictionary<string, string>
            {
                ["@@USER@@"] = database.Tenant.Email,
                ["@@PASSWORD@@"] = database.Tenant.Password,
                ["@@COMPANY@@"] = database.Tenant.CompanyHandle,
                ["@@JOB@@"] = job,
                ["@@FILES@@"] = files.Url("/files").TrimEnd('/'),
                ["@@HTTP@@"] = files.BaseAddress.ToString().TrimEnd('/'),
            });
            using var request = new HttpRequestMessage(HttpMethod.Post, node.ServiceAddress) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
            using var response = await http.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        /// <summary>
        /// What a refused request must not add: jobs, Quartz jobs and triggers, queued jobs, assets, outbox messages, files. (Jobs
        /// accepted earlier may still run meanwhile and leave the queue: only growth counts.)
        /// </summary>
        private async Task<long[]> StoredAsync()
        {
            var rows = await database.ScalarAsync<string>(
                """
                select concat_ws(',', (select count(*) from jobs), (select count(*) from qrtz_job_details), (select count(*) from qrtz_triggers),
                                      (select count(*) from job_queue),
                                      (select count(*) from assets), (select count(*) from outbox))
                """);
            var fileCount = Directory.Exists(storage) ? Directory.GetFiles(storage, "*", SearchOption.AllDirectories).Length : 0;
            return [.. rows.Split(',').Select(long.Parse), fileCount];
        }

        private static bool Grew(long[] before, long[] after) => before.Zip(after).Any(p => p.Second > p.First);

        private static byte[] Fill(byte[] bytes, Dictionary<string, string> values)
        {
            foreach (var (placeholder, value) in values)
            {
                var from = Encoding.ASCII.GetBytes(placeholder);
                var to = Encoding.UTF8.GetBytes(value);
                var output = new List<byte>(bytes.Length);
                var span = bytes.AsSpan();
                int at;
                while ((at = span.IndexOf(from)) >= 0)
                {
                    output.AddRange(span[..at]);
                    output.AddRange(to);
                    span = span[(at + from.Length)..];
                }

                output.AddRange(span);
                bytes = [.. output];
            }

            return bytes;
        }

        private static bool IsSoapAnswer(string body, out XDocument document)
        {
            try
            {
                document = XDocument.Parse(body);
                return document.Root!.Name.LocalName == "Envelope";
            }
            catch (System.Xml.XmlException)
            {
                document = new XDocument();
                return false;
            }
        }

        private static (int Code, string Reason)? FaultOf(XDocument document)
        {
            var detail = document.Descendants(Ips + "code").FirstOrDefault()?.Parent;
            return detail is null ? null : ((int)detail.Element(Ips + "code")!, (string?)detail.Element(Ips + "reason") ?? "");
        }

        private static readonly string[] LeakSigns = ["   at ", "Exception:", "/work/", "/src/", "/tmp/", "Npgsql", "select ", "insert ", "root:x"];

        private static string? Leaks(string reason) =>
            LeakSigns.FirstOrDefault(leak => reason.Contains(leak, StringComparison.Ordinal));

        private static string Clip(string text) => text.Length > 400 ? text[..400] + "..." : text;
    }
}
