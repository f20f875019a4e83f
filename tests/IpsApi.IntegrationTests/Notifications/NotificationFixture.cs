using System.Globalization;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Database;
using IpsApi.Jobs.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IpsApi.IntegrationTests.Notifications;

/// <summary>
/// A database of its own for the notification tests: the in-process test server runs an outbox sender too,
/// and must not take these rows. Each test builds its own senders with the settings it needs.
/// </summary>
public sealed class NotificationFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public NpgsqlDataSource Db => _database!.Db;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("notify");

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Services as the server registers them, over this database, with fast polling and retries.</summary>
    public ServiceProvider Services(IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["IpsApi:TimeZone"] = "Europe/Berlin",
            ["IpsApi:Notifications:PollSeconds"] = "0.2",
            ["IpsApi:Notifications:RetryBaseSeconds"] = "0.2",
            ["IpsApi:Notifications:RetryMaxSeconds"] = "0.5",
            ["IpsApi:Notifications:LeaseSeconds"] = "60",
            ["IpsApi:Notifications:CallbackTimeoutSeconds"] = "10",
            ["IpsApi:Smtp:TimeoutSeconds"] = "10",
            ["IpsApi:Smtp:Security"] = "None",
            ["IpsApi:Smtp:From"] = "ips-jobs@example.test",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Db);
        services.AddIpsNotifications(configuration);
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>Writes a run's end messages the way the runner does: in a transaction of the caller's, then a wake-up.</summary>
    public async Task EnqueueEndAsync(ServiceProvider services, RunSummary run)
    {
        await using (var work = await UnitOfWork.BeginAsync(Db, CancellationToken.None))
        {
            await services.GetRequiredService<NotificationOutbox>().EnqueueRunEndedAsync(work, run, CancellationToken.None);
            await work.CommitAsync(CancellationToken.None);
        }

        services.GetRequiredService<OutboxSender>().Notify();
    }

    public async Task<IReadOnlyList<OutboxRow>> RowsAsync(params long[] runIds)
    {
        await using var command = Db.CreateCommand(
            "select id, kind, attempts, last_error, delivered_at is not null, failed_at is not null from outbox where run_id = any(@runs) order by id");
        command.Parameters.AddWithValue("runs", runIds);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetBoolean(4), reader.GetBoolean(5)));
        }

        return rows;
    }

    /// <summary>Waits until every row of the runs is delivered or given up.</summary>
    public Task<IReadOnlyList<OutboxRow>> SettledAsync(params long[] runIds) =>
        Eventually.WaitAsync(() => RowsAsync(runIds), rows => rows.Count > 0 && rows.All(r => r.Delivered || r.Failed),
            $"outbox rows of run(s) {string.Join(", ", runIds)} delivered or given up");

    /// <summary>A run id no other test uses (the outbox has no foreign key to job_runs).</summary>
    public static long NewRunId() => Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);

    public static RunSummary Run(
        long runId, string emailSetting = "JobCompletion", string locale = "en-US", string? callbackUrl = null,
        RunOutcome outcome = RunOutcome.Succeeded, RunCounts? counts = null, string recipient = "anna@example.test")
    {
        var name = $"Nightly {runId.ToString(CultureInfo.InvariantCulture)}";
        var started = new DateTimeOffset(2025, 3, 3, 9, 15, 0, TimeSpan.Zero);
        return new RunSummary(
            runId, $"47|{name}|{name}_2025-03-03-10:15:00.000|{runId}", "47", name, name, "ServerDirectoryPublish",
            $"{name}_2025-03-03-10:15:00.000", outcome, counts ?? new RunCounts(3, 0, 1, 0, 0, 4, false),
            started, started.AddSeconds(72), [], locale, recipient, "Anna Berg", emailSetting, callbackUrl);
    }
}

public sealed record OutboxRow(long Id, string Kind, int Attempts, string? LastError, bool Delivered, bool Failed);

[CollectionDefinition(Name)]
public sealed class NotificationCollection : ICollectionFixture<NotificationFixture>
{
    // One database, senders started and stopped by each test in turn.
    public const string Name = "notifications";
}
