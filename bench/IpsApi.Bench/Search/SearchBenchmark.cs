using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using IpsApi.Assets.Store;
using IpsApi.Bench.Jobs;
using Npgsql;

namespace IpsApi.Bench.Search;

/// <summary>
/// Finding assets at the size real companies have: a company of 1,000,000 generated asset rows (no files) in
/// 10,000 folders, and four calls integrations make, each with 16 clients through the server (a child process, as
/// in production) beside a baseline: the one SQL statement the operation runs, as the server's AssetCatalog builds
/// it, executed directly through Npgsql by as many connections, without HTTP, SOAP, authentication or XML. Each
/// baseline statement's plan (EXPLAIN ANALYZE on the generated data) goes into the results with the figures.
/// </summary>
public static class SearchBenchmark
{
    private const string CompanyName = "Benchmark";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(SearchOptions options, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("ipsapi-bench-search-").FullName;
        var result = new SearchResult(options) { LoadBefore = MachineInfo.LoadAverage() };
        try
        {
            await using var database = await BenchDatabase.CreateAsync(options.AdminConnectionString, cancellationToken);
            result.PostgresVersion = await database.ScalarAsync<string>("select 'PostgreSQL ' || current_setting('server_version')", cancellationToken);
            var storage = Directory.CreateDirectory(Path.Combine(scratch, "storage")).FullName;
            await using var node = await ChildProcess.StartAsync("node", [database.ConnectionString, "node1", storage, "seed"], cancellationToken);
            var companyId = await database.ScalarAsync<long>($"select id from companies where handle = '{BenchNode.Company}'", cancellationToken);

            Console.WriteLine($"Generating {options.Assets:N0} assets in {options.Folders:N0} folders...");
            var clock = Stopwatch.StartNew();
            await GenerateAsync(database, companyId, options, cancellationToken);
            result.Generation = clock.Elapsed;
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds:0} s");

            var catalog = new AssetCatalog(database.DataSource);
            var endpoint = new Uri(node.Address, "/scene7/services/IpsApiService");
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
            foreach (var operation in SearchOperations.All(options, companyId, CompanyName).Where(o => options.Parts.Contains(o.Part)))
            {
                Console.WriteLine($"{operation.Title}: {options.Clients} clients, {options.Seconds} s each...");
                Task<string?> ServerCall(int client, int i) => PostAsync(http, endpoint, operation, client, i);
                async Task<string?> BaselineCall(int client, int i)
                {
                    await using var command = operation.Statement(catalog, client, i);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    var rows = 0;
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rows++;
                    }

                    return rows == 0 ? "the statement found nothing" : null;
                }

                await CallLoad.RunAsync(options.Clients, WarmUp, ServerCall, cancellationToken);
                var server = await CallLoad.RunAsync(options.Clients, TimeSpan.FromSeconds(options.Seconds), ServerCall, cancellationToken);
                await CallLoad.RunAsync(options.Clients, WarmUp, BaselineCall, cancellationToken);
                var baseline = await CallLoad.RunAsync(options.Clients, TimeSpan.FromSeconds(options.Seconds), BaselineCall, cancellationToken);
                foreach (var (measure, what) in new[] { (server, "server"), (baseline, "baseline") })
                {
                    if (measure.Failed > 0)
                    {
                        throw new BenchmarkFailedException($"{operation.Title}: {measure.Failed} {what} calls failed; first: {measure.FirstFailure}");
                    }
                }

                var plan = await PlanAsync(operation.Statement(catalog, 0, 0), cancellationToken);
                result.Rows.Add(new SearchRow(operation, server, baseline, plan));
                Console.WriteLine($"  server p95 {server.Percentile(95):0.0} ms {server.PerSecond:0}/s; baseline p95 {baseline.Percentile(95):0.0} ms {baseline.PerSecond:0}/s");
            }

            result.LoadAfter = MachineInfo.LoadAverage();
            Console.WriteLine();
            Console.WriteLine(result.Table());
            if (options.Parts.Count == SearchOptions.AllParts.Length)
            {
                await ResultsFile.RecordAsync(options.ResultsPath, "search", result.Markdown(), cancellationToken);
                Console.WriteLine($"Recorded in {options.ResultsPath}");
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<string?> PostAsync(HttpClient http, Uri endpoint, SearchOperation operation, int client, int i)
    {
        var (action, body, expect) = operation.Call(client, i);
        var envelope =
            "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Header>"
            + $"<authHeader xmlns=\"http://www.scene7.com/IpsApi/xsd\"><user>{BenchNode.Email}</user><password>{BenchNode.Password}</password></authHeader>"
            + $"</soapenv:Header><soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>";
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
        request.Headers.TryAddWithoutValidation("SOAPAction", action);
        using var response = await http.SendAsync(request, CancellationToken.None);
        var answer = await response.Content.ReadAsStringAsync(CancellationToken.None);
        return response.StatusCode == HttpStatusCode.OK && expect(answer)
            ? null
            : $"{(int)response.StatusCode}: {answer[..Math.Min(400, answer.Length)]}";
    }

    private static async Task<string> PlanAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            command.CommandText = "explain (analyze, buffers) " + command.CommandText;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join('\n', lines);
        }
    }

    /// <summary>
    /// The company's tree and catalog, as SQL: 100 top folders t00..t99, the leaf folders tNN/fKKKKK spread over them,
    /// and the assets SKU0000000.. (every 20th a PDF, every 20th a video, the rest images) spread over the leaves so
    /// that names and folders do not go together, created over two years, each with metadata sku and color.
    /// </summary>
    private static async Task GenerateAsync(BenchDatabase database, long companyId, SearchOptions options, CancellationToken cancellationToken)
    {
        var sql = $"""
                   insert into folders (company_id, parent_id, path)
                   select {companyId}, (select id from folders where company_id = {companyId} and path = ''), 't' || lpad(t::text, 2, '0')
                   from generate_series(0, 99) t;
                   insert into folders (company_id, parent_id, path)
                   select {companyId}, p.id, p.path || '/f' || lpad(k::text, 5, '0')
                   from generate_series(0, {options.Folders - 1}) k
                   join folders p on p.company_id = {companyId} and p.path = 't' || lpad((k % 100)::text, 2, '0');
                   alter table assets disable trigger assets_folder_exists;
                   insert into assets (company_id, folder, name, file_name, kind, size_bytes, checksum, original_key, width, height, format,
                                       ready_for_publish, publish_state, created_at, modified_at, last_modified, created_by, last_modified_by)
                   select {companyId}, 't' || lpad((k % 100)::text, 2, '0') || '/f' || lpad(k::text, 5, '0'),
                          'SKU' || lpad(i::text, 7, '0'),
                          'SKU' || lpad(i::text, 7, '0') || case i % 20 when 0 then '.pdf' when 1 then '.mp4' else '.jpg' end,
                          case i % 20 when 0 then 'Pdf' when 1 then 'Video' else 'Image' end,
                          10000 + (i::bigint * 104729) % 5000000, '', 'bench/' || i,
                          case when i % 20 > 1 then 1000 + i % 3000 end, case when i % 20 > 1 then 800 + i % 2000 end,
                          case when i % 20 > 1 then 'jpeg' end,
                          i % 3 = 0, case when i % 3 = 0 then 'MarkedForPublish' else 'NotPublished' end,
                          c, c, c, '{BenchNode.Email}', '{BenchNode.Email}'
                   from (select i, (i::bigint * 7919 % {options.Folders})::int as k,
                                timestamptz '2024-01-01 00:00:00+00' + (i * 7 % 730) * interval '1 day' + (i % 1440) * interval '1 minute' as c
                         from generate_series(0, {options.Assets - 1}) i) g;
                   alter table assets enable trigger assets_folder_exists;
                   alter table asset_metadata disable trigger asset_metadata_field;
                   insert into asset_metadata (asset_id, key, value)
                   select id, 'sku', name || '-M' from assets where company_id = {companyId};
                   insert into asset_metadata (asset_id, key, value)
                   select id, 'color', (array['red', 'green', 'blue', 'black', 'white', 'grey', 'navy', 'olive', 'teal', 'maroon', 'silver', 'gold'])[1 + id % 12]
                   from assets where company_id = {companyId};
                   alter table asset_metadata enable trigger asset_metadata_field;
                   insert into metadata_fields (company_id, type_name, key)
                   select distinct {companyId}, a.type_name, k from assets a, (values ('sku'), ('color')) v(k) where a.company_id = {companyId}
                   on conflict do nothing;
                   """;
        await using (var command = database.DataSource.CreateCommand(sql))
        {
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var analyze = database.DataSource.CreateCommand("vacuum analyze folders, assets, asset_metadata");
        analyze.CommandTimeout = 0;
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
