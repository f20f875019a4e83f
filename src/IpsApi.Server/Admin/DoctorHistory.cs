using System.Globalization;
using IpsApi.Assets.Files;
using IpsApi.Jobs.Database;
using IpsApi.Jobs.Retention;
using IpsApi.Jobs.Retention.Hosting;
using IpsApi.Server.Auth;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IpsApi.Server.Admin;

/// <summary>`admin doctor` on what the server keeps: table sizes, the oldest rows of each kind, and whether the cleaner keeps up.</summary>
public static partial class Doctor
{
    private const int LargestTables = 8;

    private static async Task<IEnumerable<Finding>> HistoryAsync(IConfiguration configuration, NpgsqlDataSource dataSource)
    {
        var findings = new List<Finding> { Tables(await TableSizes.ReadAsync(dataSource, CancellationToken.None)) };

        // The kinds as the server registers them, on this database and storage root.
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(dataSource)
            .AddSingleton<IFileStore>(new LocalFileStore(StorageRoot(configuration)))
            .AddSingleton<IRetentionKind, SignInFailureRetention>()
            .AddIpsRetention(configuration)
            .BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<RetentionOptions>>().Value;
        if (options.Validate().ToList() is { Count: > 0 } problems)
        {
            findings.Add(new Finding(Verdict.Problem, "retention", string.Join(" ", problems), "correct the IPSAPI_RETENTION__... settings"));
            return findings;
        }

        var now = DateTimeOffset.UtcNow;
        var behind = false;
        foreach (var kind in services.GetServices<IRetentionKind>())
        {
            if (!kind.Enabled)
            {
                findings.Add(new Finding(Verdict.Ok, "retention", $"{kind.Name}: kept for good (its IPSAPI_RETENTION__... setting is 0)"));
                continue;
            }

            var backlog = await kind.BacklogAsync(CancellationToken.None);
            var oldest = backlog.OldestKept is { } kept ? $"oldest from {When(kept)}" : "none kept";
            if (backlog.DueSince is { } due && now - due > options.AllowedLag)
            {
                behind = true;
                findings.Add(new Finding(Verdict.Warning, "retention",
                    $"{kind.Name} go {kind.Rule}: {oldest}; some have been due for {Age(now - due)}, since {When(due)}"));
            }
            else
            {
                findings.Add(new Finding(Verdict.Ok, "retention",
                    $"{kind.Name} go {kind.Rule}: {oldest}{(backlog.DueSince is null ? ", none due" : ", the due ones go in the next pass")}"));
            }
        }

        findings.Add(Cleaner(await services.GetRequiredService<RetentionLedger>().ReadAsync(CancellationToken.None), options, now, behind));
        return findings;
    }

    private static Finding Tables(IReadOnlyList<TableSize> sizes)
    {
        var details = sizes.Take(LargestTables)
            .Select(t => string.Create(CultureInfo.InvariantCulture,
                $"{t.Table,-24} {Bytes(t.TotalBytes),10}  (table {Bytes(t.TableBytes)}, indexes {Bytes(t.IndexBytes)}, about {t.Rows:N0} rows)"))
            .ToList();
        return new Finding(Verdict.Ok, "tables",
            $"{Bytes(sizes.Sum(t => t.TotalBytes))} in {sizes.Count} tables; the largest:", Details: details);
    }

    /// <summary>The cleaner keeps up when nothing has waited past the allowed lag; the last pass says how it went.</summary>
    private static Finding Cleaner(IReadOnlyList<RetentionRecord> ledger, RetentionOptions options, DateTimeOffset now, bool behind)
    {
        const string NotRunning = "keep IPSAPI_RETENTION__ENABLED=true (the default) on at least one running node; its log says why a pass failed";
        const string TooSlow = "let passes run longer (IPSAPI_RETENTION__MAXPASSMINUTES) or more often (IPSAPI_RETENTION__INTERVALMINUTES)";
        if (ledger.FirstOrDefault(r => r.Kind == RetentionLedger.Pass) is not { } pass)
        {
            return behind
                ? new Finding(Verdict.Warning, "cleaner", "no pass has run yet, and rows are due", NotRunning)
                : new Finding(Verdict.Ok, "cleaner", "no pass has run yet; nothing is due (a node that cleans runs one within a minute of starting)");
        }

        var last = $"last pass {Age(now - pass.StartedAt)} ago on {pass.Node}";
        if (now - pass.StartedAt > options.AllowedLag)
        {
            return behind
                ? new Finding(Verdict.Warning, "cleaner", $"{last}, none since though one is due every {options.IntervalMinutes} min", NotRunning)
                : new Finding(Verdict.Ok, "cleaner", $"{last}; nothing has been due since");
        }

        var what = pass.EndedAt is { } ended
            ? string.Create(CultureInfo.InvariantCulture, $"{last}, {Age(ended - pass.StartedAt)} long, removed {pass.Removed:N0}")
            : $"{last}, still under way";
        return behind
            ? new Finding(Verdict.Warning, "cleaner", $"{what}; it is not keeping up", TooSlow)
            : new Finding(Verdict.Ok, "cleaner",
                $"{what}; keeping up" + (pass.EndedAt is null || pass.CaughtUp ? "" : " (that pass stopped at its time limit, the next one carries on)"));
    }

    private static string When(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Age(TimeSpan age) => age.TotalDays >= 2
        ? $"{(int)age.TotalDays} days"
        : age.TotalHours >= 2
            ? $"{(int)age.TotalHours} h"
            : age.TotalMinutes >= 1
                ? $"{(int)age.TotalMinutes} min"
                : $"{Math.Max(0, (int)age.TotalSeconds)} s";

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KiB"),
    };
}
