using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using IpsApi.Bench.Jobs;
using IpsApi.Jobs.Accounts;
using Npgsql;
using NpgsqlTypes;

namespace IpsApi.Bench.Growth;

/// <summary>A company of the generated world, with its administrator and the run whose log the clients page through.</summary>
public sealed record GrowthCompany(long Id, string Handle, string Email, long ProbeRunId, string ProbeRunHandle);

/// <summary>How much history a database holds.</summary>
public sealed record HistoryCounts(long Jobs, long Runs, long Details, long Outbox);

/// <summary>
/// The data of 'bench growth'. The present (both databases): 100 companies, each with a user, 10 cron jobs
/// (submitted with submitJob, so Quartz holds their triggers) with 100 runs in the last hour, 2 runs in progress, 2
/// one-shot jobs waiting for a node and one finished job whose run has 2,000 records. The history (one database): one-shot jobs with one run each and
/// many runs of the cron jobs, started over the last 91 days (so about a day of it is past the 90 days job logs are
/// kept), about 10 records per run (one run in a thousand has 2,000), a task progress row per run and a delivered email
/// per run of the last 8 days; written with binary COPY.
/// </summary>
public static class GrowthData
{
    public const int Companies = 100;
    public const int CronJobsPerCompany = 10;
    public const int ProbeDetails = 2000;
    public const string Password = "growth-bench-password";
    public const string OpsEmail = "ops@growth.example";
    public const string FarFuture = "0 0 0 1 1 ? 2099";
    public const int HistoryDays = 91;

    private const string Ips = "http://www.scene7.com/IpsApi/xsd";

    // PostgreSQL checks every row's foreign keys and fills every index as the rows come in: finishing a COPY of
    // millions of rows takes longer than a command's usual 30 s.
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromHours(2);

    public static string Handle(int company) => $"g{company.ToString("000", CultureInfo.InvariantCulture)}";

    public static string EmailOf(string handle) => $"admin-{handle}@growth.example";

    /// <summary>The present, on a database the node has just migrated.</summary>
    public static async Task SeedPresentAsync(NpgsqlDataSource db, Uri service, CancellationToken cancellationToken)
    {
        var accounts = new AccountStore(db);
        for (var c = 1; c <= Companies; c++)
        {
            var handle = Handle(c);
            await accounts.AddCompanyAsync(handle, $"Growth {handle}", cancellationToken);
            _ = await accounts.AddUserAsync(new NewUser(EmailOf(handle), Password, UserRole.IpsUser, [handle]), cancellationToken)
                ?? throw new BenchmarkFailedException($"the administrator of {handle} could not be added");
        }

        _ = await accounts.AddUserAsync(new NewUser(OpsEmail, Password, UserRole.IpsAdmin, [Handle(1)]), cancellationToken)
            ?? throw new BenchmarkFailedException("the IpsAdmin user could not be added");

        // Cron jobs through submitJob, so that Quartz holds their triggers as it would. Four at a time: each user's first
        // call checks its password with the deliberately slow hash.
        const int clients = 4;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < Companies * CronJobsPerCompany; i = Interlocked.Increment(ref next))
            {
                var handle = Handle((i / CronJobsPerCompany) + 1);
                var body = $"<submitJobParam xmlns=\"{Ips}\"><companyHandle>{handle}</companyHandle><jobName>nightly-{i % CronJobsPerCompany}</jobName>"
                    + $"<execSchedule>{FarFuture}</execSchedule><createVideoSitemapJob/></submitJobParam>";
                var answer = await SoapAsync(http, service, EmailOf(handle), body, cancellationToken);
                if (!answer.Contains("jobHandle>", StringComparison.Ordinal))
                {
                    throw new BenchmarkFailedException($"submitJob of a cron job was refused: {answer}");
                }
            }
        }, cancellationToken)));

        await ExecuteAsync(db, PresentSql, cancellationToken);
    }

    /// <summary>The companies with their administrator and probe run, as the database holds them.</summary>
    public static async Task<IReadOnlyList<GrowthCompany>> ReadWorldAsync(NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            """
            select c.id, c.handle, r.id, r.instance_name
            from companies c
            join jobs j on j.company_id = c.id and j.name = 'probe'
            join job_runs r on r.job_id = j.id
            where c.handle like 'g%'
            order by c.handle
            """);
        var companies = new List<GrowthCompany>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var handle = reader.GetString(1);
            var runId = reader.GetInt64(2);
            companies.Add(new GrowthCompany(reader.GetInt64(0), handle, EmailOf(handle), runId,
                $"{handle}|probe|{reader.GetString(3)}|{runId.ToString(CultureInfo.InvariantCulture)}"));
        }

        return companies.Count == Companies
            ? companies
            : throw new BenchmarkFailedException($"the database holds {companies.Count} of the {Companies} companies of the benchmark");
    }

    public static async Task<HistoryCounts> CountAsync(NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            "select (select count(*) from jobs), (select count(*) from job_runs), (select count(*) from job_log_details), (select count(*) from outbox)");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new HistoryCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>Rows of each table, counted (PostgreSQL's estimate lags behind a deletion until the next analyze).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> RowsAsync(NpgsqlDataSource db, IEnumerable<string> tables, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = db.CreateCommand($"select count(*) from {table}");
            command.CommandTimeout = 0;
            rows[table] = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return rows;
    }

    /// <summary>The history, <paramref name="scale"/> times 100,000 jobs, 1,000,000 runs and 10,000,000 records in all.</summary>
    public static async Task LoadHistoryAsync(NpgsqlDataSource db, double scale, CancellationToken cancellationToken)
    {
        var random = new Random(20261201);
        var companies = new List<(long Id, string Handle, long UserId)>();
        await using (var command = db.CreateCommand(
            """
            select c.id, c.handle, u.id from companies c
            join company_members m on m.company_id = c.id join users u on u.id = m.user_id and u.role = 'IpsUser'
            where c.handle like 'g%' order by c.handle
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                companies.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        var cron = new List<(long Id, long Company, string Name)>();
        await using (var command = db.CreateCommand("select id, company_id, name from jobs where exec_schedule is not null order by id"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                cron.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
            }
        }

        var userOf = companies.ToDictionary(c => c.Id, c => c.UserId);
        var handleOf = companies.ToDictionary(c => c.Id, c => c.Handle);
        var presentJobs = await ScalarAsync<long>(db, "select count(*) from jobs", cancellationToken);
        var definition = await ScalarAsync<string>(db, "select definition::text from jobs where exec_schedule is not null limit 1", cancellationToken);
        var firstJob = await ScalarAsync<long>(db, "select max(id) + 1 from jobs", cancellationToken);
        var firstRun = await ScalarAsync<long>(db, "select max(id) + 1 from job_runs", cancellationToken);

        var oneShot = (int)Math.Max(0, Math.Round(100_000 * scale) - presentJobs);
        var cronRuns = (long)Math.Max(0, Math.Round(1_000_000 * scale) - oneShot);
        var now = DateTimeOffset.UtcNow;
        var oldest = now.AddDays(-HistoryDays).UtcTicks;
        var newest = now.AddMinutes(-15).UtcTicks;

        // Every run: when it started and whose it is (a one-shot job by its number, or a cron job as ~index); in time order.
        var runs = new (long Start, int Job)[oneShot + cronRuns];
        for (var i = 0; i < runs.Length; i++)
        {
            runs[i] = (random.NextInt64(oldest, newest), i < oneShot ? i : ~random.Next(cron.Count));
        }

        Array.Sort(runs, (a, b) => a.Start.CompareTo(b.Start));

        // One-shot jobs, numbered in the order they ran; each belongs to a random company.
        var jobIds = new long[oneShot];
        var jobCompany = new long[oneShot];
        var nextJob = firstJob;
        foreach (var (_, job) in runs)
        {
            if (job >= 0)
            {
                jobIds[job] = nextJob++;
                jobCompany[job] = companies[random.Next(companies.Count)].Id;
            }
        }

        var ends = new long[runs.Length];
        var detailCounts = new int[runs.Length];
        for (var i = 0; i < runs.Length; i++)
        {
            var big = random.Next(1000) == 0;
            detailCounts[i] = big ? ProbeDetails : random.Next(6, 11);
            ends[i] = runs[i].Start + TimeSpan.FromSeconds(big ? random.Next(600, 1800) : random.Next(2, 120)).Ticks;
        }

        Console.WriteLine($"  history: {oneShot} one-shot jobs, {runs.Length} runs, about {detailCounts.Sum(c => (long)c)} records...");

        await using var connection = await db.OpenConnectionAsync(cancellationToken);

        // Jobs: one-shot jobs that ran (released when their run ended); one in a hundred deleted an hour after.
        await using (var importer = await connection.BeginBinaryImportAsync(
            "copy jobs (id, company_id, name, original_name, job_type, definition, submit_user_id, notify_user_id, locale, submitted_at, released_at, deleted_at) from stdin (format binary)",
            cancellationToken))
        {
            importer.Timeout = CopyTimeout;
            for (var i = 0; i < runs.Length; i++)
            {
                if (runs[i].Job < 0)
                {
                    continue;
                }

                var job = runs[i].Job;
                var company = jobCompany[job];
                var name = $"upload-{jobIds[job].ToString(CultureInfo.InvariantCulture)}";
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(jobIds[job], NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(company, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(name, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(name, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync("UrlUpload", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(definition, NpgsqlDbType.Jsonb, cancellationToken);
                await importer.WriteAsync(userOf[company], NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(userOf[company], NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync("en-US", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(At(runs[i].Start - TimeSpan.TicksPerSecond), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(At(ends[i]), NpgsqlDbType.TimestampTz, cancellationToken);
                if (job % 100 == 7)
                {
                    await importer.WriteAsync(At(Math.Min(ends[i] + TimeSpan.TicksPerHour, newest)), NpgsqlDbType.TimestampTz, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        Console.WriteLine("  jobs written");
        var runIds = new long[runs.Length];
        await using (var importer = await connection.BeginBinaryImportAsync(
            """
            copy job_runs (id, job_id, company_id, instance_name, fire_instance_id, state, log_type, job_sub_type, progress, progress_message,
                           last_progress_update, trigger_time, started_at, ended_at, server_name, file_success_count, file_error_count,
                           total_file_count, fatal_error) from stdin (format binary)
            """, cancellationToken))
        {
            importer.Timeout = CopyTimeout;
            for (var i = 0; i < runs.Length; i++)
            {
                var (start, job) = runs[i];
                var (jobId, company, name, type) = job >= 0
                    ? (jobIds[job], jobCompany[job], $"upload-{jobIds[job].ToString(CultureInfo.InvariantCulture)}", "UrlUpload")
                    : (cron[~job].Id, cron[~job].Company, cron[~job].Name, "CreateVideoSitemap");
                var failed = random.Next(20) == 0;
                var files = Math.Max(0, detailCounts[i] - 5);
                runIds[i] = firstRun + i;
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(runIds[i], NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(jobId, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(company, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync($"{name}_{At(start).ToString("yyyy-MM-dd-HH:mm:ss.fff", CultureInfo.InvariantCulture)}", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync($"history-{runIds[i].ToString(CultureInfo.InvariantCulture)}", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(failed ? "Failed" : "Done", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync($"End{type}", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync("", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(100, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync("Done", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(At(ends[i]), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(At(start), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(At(start), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(At(ends[i]), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(i % 2 == 0 ? "node1" : "node2", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(failed ? files - 1 : files, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(failed ? 1 : 0, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(files, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(failed, NpgsqlDbType.Boolean, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        Console.WriteLine("  runs written");
        long written = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(
            "copy job_log_details (run_id, log_type, message, asset_name, asset_type, asset_handle, created_at) from stdin (format binary)",
            cancellationToken))
        {
            importer.Timeout = CopyTimeout;
            for (var i = 0; i < runs.Length; i++)
            {
                var (start, job) = runs[i];
                var type = job >= 0 ? "UrlUpload" : "CreateVideoSitemap";
                var name = job >= 0 ? $"upload-{jobIds[job].ToString(CultureInfo.InvariantCulture)}" : cron[~job].Name;
                var handle = handleOf[job >= 0 ? jobCompany[job] : cron[~job].Company];
                var count = detailCounts[i];
                var step = Math.Max(1, (ends[i] - start) / count);
                for (var d = 0; d < count; d++)
                {
                    var (logType, message, asset) = d switch
                    {
                        0 => ($"Begin{type}", $"Job {name} started", null),
                        1 => ("OriginalJobName", name, null),
                        2 => ("JobType", type, null),
                        3 => ("JobClient", "growth bench 1.0", null),
                        _ when d == count - 1 => ($"End{type}", $"Job {name} ended", null),
                        _ => ("UploadSuccess", $"Uploaded file-{d.ToString(CultureInfo.InvariantCulture)}.jpg", (string?)$"file-{d.ToString(CultureInfo.InvariantCulture)}.jpg"),
                    };
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(runIds[i], NpgsqlDbType.Bigint, cancellationToken);
                    await importer.WriteAsync(logType, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(message, NpgsqlDbType.Text, cancellationToken);
                    if (asset is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                        await importer.WriteNullAsync(cancellationToken);
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(asset, NpgsqlDbType.Text, cancellationToken);
                        await importer.WriteAsync("Image", NpgsqlDbType.Text, cancellationToken);
                        await importer.WriteAsync($"a|{handle}|{(runIds[i] * 16) + d}", NpgsqlDbType.Text, cancellationToken);
                    }

                    await importer.WriteAsync(At(start + (step * d)), NpgsqlDbType.TimestampTz, cancellationToken);
                    if (++written % 1_000_000 == 0)
                    {
                        Console.WriteLine($"  {written / 1_000_000} million records written");
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "copy job_task_progress (run_id, task_type, task_state, num_processed, progress, progress_message, last_update) from stdin (format binary)",
            cancellationToken))
        {
            importer.Timeout = CopyTimeout;
            for (var i = 0; i < runs.Length; i++)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(runIds[i], NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(runs[i].Job >= 0 ? "UrlUpload" : "CreateVideoSitemap", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync("Done", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(Math.Max(0, detailCounts[i] - 5), NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(1.0, NpgsqlDbType.Double, cancellationToken);
                await importer.WriteAsync("Done", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(At(ends[i]), NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // A delivered email per run that ended in the last 8 days: a day of them is past the 7 days they are kept.
        var emailsFrom = now.AddDays(-8).UtcTicks;
        await using (var importer = await connection.BeginBinaryImportAsync(
            "copy outbox (kind, run_id, payload, created_at, attempts, next_attempt_at, delivered_at) from stdin (format binary)", cancellationToken))
        {
            importer.Timeout = CopyTimeout;
            for (var i = 0; i < runs.Length; i++)
            {
                if (ends[i] < emailsFrom)
                {
                    continue;
                }

                var handle = handleOf[runs[i].Job >= 0 ? jobCompany[runs[i].Job] : cron[~runs[i].Job].Company];
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync("email", NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(runIds[i], NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync($"{{\"to\":\"{EmailOf(handle)}\",\"subject\":\"Job done\"}}", NpgsqlDbType.Jsonb, cancellationToken);
                await importer.WriteAsync(At(ends[i]), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(At(ends[i]), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(At(ends[i] + (2 * TimeSpan.TicksPerSecond)), NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await ExecuteAsync(db,
            """
            select setval(pg_get_serial_sequence('jobs', 'id'), (select max(id) from jobs));
            select setval(pg_get_serial_sequence('job_runs', 'id'), (select max(id) from job_runs));
            """, cancellationToken);
        Console.WriteLine("  vacuum analyze...");
        await VacuumAsync(db, cancellationToken);
    }

    /// <summary>What a database that has lived a while has: visibility maps set and statistics current.</summary>
    public static async Task VacuumAsync(NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "jobs", "job_runs", "job_log_details", "job_task_progress", "outbox", "job_queue", "companies", "users" })
        {
            await using var command = db.CreateCommand($"vacuum analyze {table}");
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task<string> SoapAsync(HttpClient http, Uri service, string email, string body, CancellationToken cancellationToken)
    {
        var envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Header>"
            + $"<authHeader xmlns=\"{Ips}\"><user>{email}</user><password>{Password}</password></authHeader></soapenv:Header>"
            + $"<soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>";
        using var request = new HttpRequestMessage(HttpMethod.Post, service) { Content = new StringContent(envelope, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        using var response = await http.SendAsync(request, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Per company: a finished job whose run has <see cref="ProbeDetails"/> records, two runs of its cron jobs in
    /// progress (with records and task progress), and two one-shot jobs due but not yet started.
    /// </summary>
    private const string PresentSql =
        """
        create temporary table admins as
            select c.id as company_id, u.id as user_id from companies c
            join company_members m on m.company_id = c.id join users u on u.id = m.user_id and u.role = 'IpsUser'
            where c.handle like 'g%';

        with probe_jobs as (
            insert into jobs (company_id, name, original_name, job_type, definition, submit_user_id, notify_user_id, locale, submitted_at, released_at)
            select a.company_id, 'probe', 'probe', 'UrlUpload', (select definition from jobs where exec_schedule is not null limit 1),
                   a.user_id, a.user_id, 'en-US', now() - interval '2 hours', now() - interval '1 hour'
            from admins a
            returning id, company_id),
        probe_runs as (
            insert into job_runs (job_id, company_id, instance_name, fire_instance_id, state, log_type, progress, progress_message, trigger_time,
                                  started_at, ended_at, server_name, file_success_count, total_file_count)
            select id, company_id, 'probe_' || to_char(now() - interval '2 hours', 'YYYY-MM-DD-HH24:MI:SS.MS'), 'probe-' || id, 'Done', 'EndUrlUpload',
                   100, 'Done', now() - interval '2 hours', now() - interval '2 hours', now() - interval '1 hour', 'node1', 2000, 2000
            from probe_jobs
            returning id, started_at)
        insert into job_log_details (run_id, log_type, message, asset_name, asset_type, asset_handle, created_at)
        select r.id, 'UploadSuccess', 'Uploaded file-' || n || '.jpg', 'file-' || n || '.jpg', 'Image', 'a|probe|' || r.id || '-' || n,
               r.started_at + n * interval '1 second'
        from probe_runs r, generate_series(1, 2000) n;

        with open_runs as (
            insert into job_runs (job_id, company_id, instance_name, fire_instance_id, state, log_type, progress, progress_message, trigger_time,
                                  started_at, server_name, total_file_count)
            select j.id, j.company_id, j.name || '_' || to_char(now() - interval '5 minutes', 'YYYY-MM-DD-HH24:MI:SS.MS'), 'open-' || j.id, 'Running',
                   'BeginCreateVideoSitemap', 40, 'Working', now() - interval '5 minutes', now() - interval '5 minutes', 'growth-node', 100
            from (select j.*, row_number() over (partition by j.company_id order by j.id) as n from jobs j where j.exec_schedule is not null) j
            where j.n <= 2
            returning id, started_at),
        open_details as (
            insert into job_log_details (run_id, log_type, message, created_at)
            select r.id, 'BeginCreateVideoSitemap', 'Job started', r.started_at + n * interval '1 second' from open_runs r, generate_series(1, 5) n)
        insert into job_task_progress (run_id, task_type, task_state, num_processed, num_pending, progress, progress_message)
        select id, 'CreateVideoSitemap', 'Processing', 40, 60, 0.4, 'Working' from open_runs;

        -- The last hour: 100 runs of each company's cron jobs, with their records and task progress, so that the newest
        -- 100 runs a getJobLogs call lists are there with or without a history behind them.
        with recent_runs as (
            insert into job_runs (job_id, company_id, instance_name, fire_instance_id, state, log_type, progress, progress_message, trigger_time,
                                  started_at, ended_at, server_name, file_success_count, total_file_count)
            select j.id, j.company_id, j.name || '_' || to_char(t.at, 'YYYY-MM-DD-HH24:MI:SS.MS'), 'recent-' || j.id || '-' || n, 'Done',
                   'EndCreateVideoSitemap', 100, 'Done', t.at, t.at, t.at + interval '20 seconds', 'node1', 3, 3
            from (select j.*, row_number() over (partition by j.company_id order by j.id) as k from jobs j where j.exec_schedule is not null) j,
                 generate_series(1, 10) n,
                 lateral (select now() - interval '1 hour' + (j.k * 10 + n) * interval '30 seconds' as at) t
            returning id, started_at),
        recent_details as (
            insert into job_log_details (run_id, log_type, message, asset_name, asset_type, created_at)
            select r.id, case when n = 1 then 'BeginCreateVideoSitemap' when n = 8 then 'EndCreateVideoSitemap' else 'UploadSuccess' end,
                   'Record ' || n, case when n between 2 and 7 then 'file-' || n || '.jpg' end, case when n between 2 and 7 then 'Image' end,
                   r.started_at + n * interval '1 second'
            from recent_runs r, generate_series(1, 8) n)
        insert into job_task_progress (run_id, task_type, task_state, num_processed, progress, progress_message)
        select id, 'CreateVideoSitemap', 'Done', 6, 1, 'Done' from recent_runs;

        with waiting as (
            insert into jobs (company_id, name, original_name, job_type, definition, submit_user_id, notify_user_id, locale, submitted_at)
            select a.company_id, 'waiting-' || n, 'waiting-' || n, 'CreateVideoSitemap', (select definition from jobs where exec_schedule is not null limit 1),
                   a.user_id, a.user_id, 'en-US', now() - interval '1 minute'
            from admins a, generate_series(1, 2) n
            returning id)
        insert into job_queue (job_id, queued_at) select id, now() - interval '1 minute' from waiting;

        drop table admins;
        """;
}
