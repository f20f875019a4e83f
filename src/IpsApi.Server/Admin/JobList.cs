using System.Globalization;
using IpsApi.Jobs.Store;
using Npgsql;

namespace IpsApi.Server.Admin;

/// <summary>`admin job list`: the newest jobs with where each stands, one tab-separated line per job.</summary>
public static class JobList
{
    public static async Task<int> RunAsync(NpgsqlDataSource dataSource, string[] flags, TextWriter output, TextWriter error)
    {
        string? Flag(string name)
        {
            var at = Array.IndexOf(flags, name);
            return at >= 0 && at + 1 < flags.Length ? flags[at + 1] : null;
        }

        var limit = 50;
        if (Flag("--limit") is { } limitText && (!int.TryParse(limitText, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            await error.WriteLineAsync($"ipsapi admin: --limit wants a positive number, not '{limitText}'.");
            return 64;
        }

        var rows = await new OpsQueries(dataSource).JobListAsync(Flag("--company"), Flag("--state"), limit, CancellationToken.None);
        await output.WriteLineAsync("company\tjob\ttype\tstate\tschedule\tlast run");
        foreach (var row in rows)
        {
            await output.WriteLineAsync(string.Join('\t', row.Company, row.JobName, row.JobType, row.State, row.Schedule, row.LastRun ?? "-"));
        }

        return 0;
    }
}
