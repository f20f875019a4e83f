using System.Net.Http.Headers;
using System.Text;
using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Storage;
using IpsApi.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog;

namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>
/// One real server for the whole test run: Kestrel on a loopback port, against the PostgreSQL database
/// named by IPSAPI_TEST_DB (the one `./ipsapi test` creates), with the demo company 47 and its user.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string DemoUser = DemoSeed.UserEmail;
    public const string DemoPassword = DemoSeed.UserPassword;

    private WebApplication? _app;

    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("IPSAPI_TEST_DB") is { Length: > 0 } db
            ? db
            : "Host=127.0.0.1;Port=55432;Username=ipsapi;Database=ipsapi_test";

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The dashboard's own listener (/ops), never the one delivery answers on.</summary>
    public Uri OpsAddress { get; private set; } = null!;

    public Uri ServiceAddress => new(BaseAddress, "/scene7/services/IpsApiService");

    public HttpClient Http { get; } = new(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None });

    public NpgsqlDataSource Db { get; } = NpgsqlDataSource.Create(ConnectionString);

    public IServiceProvider Services => _app!.Services;

    /// <summary>Every event the server logged, as a log reader would see it.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>A real SMTP server on loopback that receives the server's notification emails.</summary>
    public Notifications.SmtpServerFixture Smtp { get; } = Notifications.SmtpServerFixture.Create();

    /// <summary>A loopback HTTP server for uploadUrlsJob to download from.</summary>
    public TestFileServer Files { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync(CancellationToken.None);
        Files = await TestFileServer.StartAsync();
        _app = ServerApp.Build([], new ServerExtras
        {
            Settings = new Dictionary<string, string?>
            {
            ["IpsApi:Db"] = ConnectionString,
            ["IpsApi:Urls"] = "http://127.0.0.1:0",
            ["IpsApi:Ops:Urls"] = "http://127.0.0.1:0",
            ["IpsApi:Demo"] = "true",
            ["IpsApi:TimeZone"] = "Europe/Berlin",
            ["IpsApi:Soap:MaxRequestBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["IpsApi:Storage:Root"] = StorageRoot,
            ["IpsApi:Data"] = StorageRoot,
            ["IpsApi:Scheduler:NodeName"] = NodeName,
            ["IpsApi:Smtp:Host"] = "127.0.0.1",
            ["IpsApi:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["IpsApi:Smtp:Security"] = "None",
            ["IpsApi:Notifications:PollSeconds"] = "1",
            // Downloads come from the loopback test server; a source that hangs is given up quickly.
            ["IpsApi:Outbound:AllowLoopback"] = "true",
            ["IpsApi:Downloads:ConnectTimeoutSeconds"] = "3",
            ["IpsApi:Downloads:ReadTimeoutSeconds"] = "3",
            ["IpsApi:Downloads:Retries"] = "0",
            // Every test asks /is/image from 127.0.0.1: one client to the rate limit (RenderLimitsTests try it on a node of its own).
            ["IpsApi:Delivery:RatePerSecond"] = "0",
            // Every test signs in from 127.0.0.1, wrong passwords included: the per-address backoff would slow the
            // whole suite. It is tested on nodes of its own (AuthenticationReliabilityTests).
            ["IpsApi:Auth:MaxFailedSignInsPerAddress"] = "1000",
            },
            Logging = logging => logging.WriteTo.Sink(Logs),
            Services = services =>
            {
                services.AddSingleton<IpsApi.Jobs.Engine.Running.IJobExecutor, IpsApi.TestHost.SlowStepsExecutor>();
                services.AddSingleton<IpsApi.Jobs.Engine.Running.IJobExecutor, IpsApi.TestHost.CountingExecutor>();
                IpsApi.TestHost.FailingExecutor.Register(services);
            },
        });
        await _app.PrepareDatabaseAsync();
        await IpsApi.TestHost.TestExecutorTables.EnsureAsync(_app.Services);
        // The seed example must answer "47|My Test Job|": no earlier run may hold that name.
        await ExecuteAsync("delete from jobs where company_id = (select id from companies where handle = '47')");
        await _app.StartAsync();
        var listeners = _app.Services.GetRequiredService<Listeners>();
        BaseAddress = new Uri(listeners.MainAddress);
        OpsAddress = new Uri(listeners.OpsAddress);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Http.Dispose();
        await Db.DisposeAsync();
        await Smtp.DisposeAsync();
        await Files.DisposeAsync();
    }

    public string NodeName => "test-node";

    public string StorageRoot { get; } = Directory.CreateTempSubdirectory("ipsapi-storage-").FullName;

    /// <summary>The tenant company's folders under the storage root (named by the folder stored with the company).</summary>
    public CompanyFolders FoldersOf(TestTenant tenant)
    {
        using var command = Db.CreateCommand("select storage_folder from companies where handle = @handle");
        command.Parameters.AddWithValue("handle", tenant.CompanyHandle);
        return new(StorageRoot, new IpsApi.Assets.Files.CompanyStorage((string)command.ExecuteScalar()!));
    }

    /// <summary>Submits a job with the tenant's credentials and returns its handle; fails the test on a fault.</summary>
    public async Task<string> SubmitAsync(TestTenant tenant, string jobName, string inner)
    {
        var response = await PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, jobName, inner)));
        Assert.True(response.Status == 200 && !response.IsFault, response.Text);
        return (string)response.BodyElement.Element(SoapResponse.Ips + "jobHandle")!;
    }

    public async Task<IReadOnlyList<RunRow>> RunsAsync(TestTenant tenant, string jobName)
    {
        await using var command = Db.CreateCommand(
            """
            select r.id, r.instance_name, r.state, r.log_type, r.progress, r.server_name, r.trigger_time, r.started_at, r.ended_at,
                   r.file_success_count, r.file_error_count, r.file_warning_count, r.total_file_count, r.fatal_error, r.recovering,
                   r.file_duplicate_count, r.file_update_count
            from job_runs r join jobs j on j.id = r.job_id join companies c on c.id = j.company_id
            where c.handle = @company and j.name = @name
            order by r.id
            """);
        command.Parameters.AddWithValue("company", tenant.CompanyHandle);
        command.Parameters.AddWithValue("name", jobName);
        var runs = new List<RunRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add(new RunRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8), reader.GetInt32(9), reader.GetInt32(10),
                reader.GetInt32(11), reader.GetInt32(12), reader.GetBoolean(13), reader.GetBoolean(14), reader.GetInt32(15), reader.GetInt32(16)));
        }

        return runs;
    }

    /// <summary>Waits for the job's first run that satisfies <paramref name="done"/>.</summary>
    public async Task<RunRow> WaitForRunAsync(TestTenant tenant, string jobName, Func<RunRow, bool> done)
    {
        var runs = await Eventually.WaitAsync(() => RunsAsync(tenant, jobName), r => r.Any(done), $"a run of {jobName}");
        return runs.First(done);
    }

    public async Task<IReadOnlyList<DetailRow>> DetailsAsync(long runId)
    {
        await using var command = Db.CreateCommand(
            "select log_type, message, asset_name, asset_type from job_log_details where run_id = @run order by id");
        command.Parameters.AddWithValue("run", runId);
        var details = new List<DetailRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            details.Add(new DetailRow(reader.GetString(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return details;
    }

    /// <summary>A company of its own for one test, with one user of the given role in it.</summary>
    /// <summary>A company of its own ("Company &lt;id&gt;", handle "c&lt;id&gt;" unless one is given) and a user in it.</summary>
    public async Task<TestTenant> NewTenantAsync(UserRole role = UserRole.IpsUser, string? companyHandle = null)
    {
        var accounts = Services.GetRequiredService<AccountStore>();
        var id = Guid.NewGuid().ToString("N")[..10];
        var handle = companyHandle ?? $"c{id}";
        Assert.True(await accounts.AddCompanyAsync(handle, $"Company {id}"));
        var email = $"user-{id}@example.test";
        var password = $"pw-{id}";
        var user = await accounts.AddUserAsync(new NewUser(email, password, role, [handle]))
            ?? throw new InvalidOperationException("user not added");
        return new TestTenant(handle, email, password, user.Handle, $"Company {id}");
    }

    /// <summary>Another user of the tenant's company, with a role of its own (an IpsCompanyAdmin, say).</summary>
    public async Task<TestTenant> NewColleagueAsync(TestTenant tenant, UserRole role)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var email = $"colleague-{id}@example.test";
        var password = $"pw-{id}";
        var user = await Services.GetRequiredService<AccountStore>().AddUserAsync(new NewUser(email, password, role, [tenant.CompanyHandle]))
            ?? throw new InvalidOperationException("user not added");
        return tenant with { Email = email, Password = password, UserHandle = user.Handle };
    }

    public async Task<long> CountJobsAsync(string? companyHandle = null)
    {
        await using var command = Db.CreateCommand(companyHandle is null
            ? "select count(*) from jobs"
            : "select count(*) from jobs j join companies c on c.id = j.company_id where c.handle = @handle");
        if (companyHandle is not null)
        {
            command.Parameters.AddWithValue("handle", companyHandle);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Db.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Db.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>POSTs an envelope as a SOAP 1.1 client would (SOAP 1.2 when the envelope says so).</summary>
    public async Task<SoapResponse> PostAsync(string envelope, string? soapAction = "", Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ServiceAddress);
        var isSoap12 = envelope.Contains("http://www.w3.org/2003/05/soap-envelope", StringComparison.Ordinal);
        request.Content = new StringContent(envelope, Encoding.UTF8);
        request.Content.Headers.ContentType = isSoap12
            ? MediaTypeHeaderValue.Parse("application/soap+xml; charset=utf-8")
            : MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        if (!isSoap12 && soapAction is not null)
        {
            request.Headers.TryAddWithoutValidation("SOAPAction", soapAction);
        }

        configure?.Invoke(request);
        return await SendAsync(request);
    }

    public async Task<SoapResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new SoapResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentEncoding.ToList(), bytes);
    }
}

/// <param name="CompanyName">The company's name (known for tenants of NewTenantAsync): folder paths begin with it.</param>
public sealed record TestTenant(string CompanyHandle, string Email, string Password, string UserHandle, string CompanyName = "");

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    // Every integration test shares the one server and runs in sequence, so database counts are exact.
    public const string Name = "server";
}
