using System.Globalization;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Xml.Linq;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IpsApi.Bench.Ingest;

/// <summary>How the measured run ended, as the job_runs row has it.</summary>
public sealed record BenchRun(
    string State, DateTimeOffset StartedAt, DateTimeOffset EndedAt, int FileSuccess, int FileError, int TransferSuccess, int TransferError);

/// <summary>
/// The job server as users run it (the same host, SOAP endpoint, scheduler and executors), in a database of its
/// own that is created for the benchmark and dropped after it, with one company and user to submit as.
/// </summary>
public sealed class BenchJobServer : IAsyncDisposable
{
    private const string Ips = "http://www.scene7.com/IpsApi/xsd";
    public const string Company = "bench";
    private const string Email = "bench@example.test";
    private const string Password = "bench-password";

    private readonly string _adminConnectionString;
    private readonly string _database;
    private readonly string _storageRoot;
    private readonly HttpClient _http = new();
    private WebApplication? _app;
    private NpgsqlDataSource? _db;

    private BenchJobServer(string adminConnectionString, string database, string storageRoot)
    {
        _adminConnectionString = adminConnectionString;
        _database = database;
        _storageRoot = storageRoot;
    }

    public Uri ServiceAddress { get; private set; } = null!;

    /// <summary>Where the server listens: delivery requests go here.</summary>
    public Uri BaseAddress => new(ServiceAddress.GetLeftPart(UriPartial.Authority));

    public static async Task<BenchJobServer> StartAsync(
        string adminConnectionString, int parallel, string storageRoot, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = $"ipsapi_bench_{Guid.NewGuid():N}"[..26];
        var server = new BenchJobServer(adminConnectionString, database, storageRoot);
        await using (var admin = NpgsqlDataSource.Create(adminConnectionString))
        await using (var create = admin.CreateCommand($"create database \"{database}\""))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await server.StartHostAsync(parallel, settings, cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private async Task StartHostAsync(int parallel, IReadOnlyDictionary<string, string?>? extra, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _database }.ConnectionString;
        _db = NpgsqlDataSource.Create(connectionString);
        _app = ServerApp.Build([], new ServerExtras
        {
            Settings = new Dictionary<string, string?>
            {
                ["IpsApi:Db"] = connectionString,
                ["IpsApi:Urls"] = "http://127.0.0.1:0",
                ["IpsApi:Ops:Urls"] = "http://127.0.0.1:0",
                ["IpsApi:Storage:Root"] = _storageRoot,
                ["IpsApi:Data"] = _storageRoot,
                ["IpsApi:Scheduler:NodeName"] = "bench",
                // The images come from the loopback server; everything else is the server's defaults.
                ["IpsApi:Outbound:AllowLoopback"] = "true",
                ["IpsApi:Downloads:MaxParallel"] = parallel.ToString(CultureInfo.InvariantCulture),
            }.Concat(extra ?? new Dictionary<string, string?>()).ToDictionary(),
            // Warnings and errors only: the table is the output, not a line per file.
            Logging = logger => logger.MinimumLevel.Warning(),
        });
        await _app.PrepareDatabaseAsync(cancellationToken);
        var accounts = _app.Services.GetRequiredService<AccountStore>();
        await accounts.AddCompanyAsync(Company, "Benchmark", cancellationToken);
        _ = await accounts.AddUserAsync(new NewUser(Email, Password, UserRole.IpsUser, [Company]), cancellationToken)
            ?? throw new BenchmarkFailedException("the benchmark user could not be created");
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<Listeners>().MainAddress;
        ServiceAddress = new Uri(new Uri(address), "/scene7/services/IpsApiService");
    }

    /// <summary>Submits one uploadUrlsJob over SOAP, as a client does, and answers when its run has ended.</summary>
    public Task<BenchRun> UploadAsync(
        string jobName, IReadOnlyList<(string Url, string DestPath)> urls, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var items = string.Concat(urls.Select(u =>
            $"<items><sourceUrl>{SecurityElement.Escape(u.Url)}</sourceUrl><destPath>{SecurityElement.Escape(u.DestPath)}</destPath></items>"));
        return RunJobAsync(jobName,
            $"<uploadUrlsJob><urlArray>{items}</urlArray><overwrite>true</overwrite><readyForPublish>true</readyForPublish>"
            + "<createMask>false</createMask><emailSetting>None</emailSetting></uploadUrlsJob>", timeout, cancellationToken);
    }

    /// <summary>The benchmark company, for seeding its catalog through the server's own stores.</summary>
    public async Task<Company> CompanyAsync(CancellationToken cancellationToken) =>
        await _app!.Services.GetRequiredService<AccountStore>().FindCompanyAsync(Company, cancellationToken)
        ?? throw new BenchmarkFailedException("the benchmark company is missing");

    /// <summary>The running server's services (asset store, file store), for seeding.</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>Submits a job element over SOAP, as a client does, and answers when its run has ended.</summary>
    public async Task<BenchRun> RunJobAsync(string jobName, string jobElement, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var envelope =
            "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Header>"
            + $"<authHeader xmlns=\"{Ips}\"><user>{Email}</user><password>{Password}</password></authHeader></soapenv:Header><soapenv:Body>"
            + $"<submitJobParam xmlns=\"{Ips}\"><companyHandle>{Company}</companyHandle><jobName>{SecurityElement.Escape(jobName)}</jobName>"
            + jobElement
            + "</submitJobParam></soapenv:Body></soapenv:Envelope>";
        using var request = new HttpRequestMessage(HttpMethod.Post, ServiceAddress)
        {
            Content = new StringContent(envelope, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        request.Headers.TryAddWithoutValidation("SOAPAction", "submitJob");
        using var response = await _http.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || !XDocument.Parse(answer).Descendants(XName.Get("jobHandle", Ips)).Any())
        {
            throw new BenchmarkFailedException($"submitJob was refused: {answer}");
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (true)
            {
                if (await FindEndedRunAsync(jobName, limit.Token) is { } run)
                {
                    return run;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchmarkFailedException($"the run of {jobName} did not end within {timeout.TotalMinutes:0} minutes");
        }
    }

    /// <summary>The first few error records of the job's run, to say why a run fell short.</summary>
    public async Task<IReadOnlyList<string>> ErrorsAsync(string jobName, CancellationToken cancellationToken)
    {
        await using var command = _db!.CreateCommand(
            """
            select coalesce(d.asset_name, '') || ': ' || d.message from job_log_details d
            join job_runs r on r.id = d.run_id join jobs j on j.id = r.job_id
            where j.name = @name and (d.log_type like '%Error' or d.log_type like '%Failure') order by d.id limit 5
            """);
        command.Parameters.AddWithValue("name", jobName);
        var errors = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            errors.Add(reader.GetString(0));
        }

        return errors;
    }

    private async Task<BenchRun?> FindEndedRunAsync(string jobName, CancellationToken cancellationToken)
    {
        await using var command = _db!.CreateCommand(
            """
            select r.state, r.started_at, r.ended_at, r.file_success_count, r.file_error_count,
                   r.transfer_success_count, r.transfer_error_count
            from job_runs r join jobs j on j.id = r.job_id
            where j.name = @name and r.ended_at is not null
            """);
        command.Parameters.AddWithValue("name", jobName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new BenchRun(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2),
            reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _http.Dispose();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = NpgsqlDataSource.Create(_adminConnectionString);
        await using var drop = admin.CreateCommand($"drop database if exists \"{_database}\" with (force)");
        await drop.ExecuteNonQueryAsync();
    }
}
