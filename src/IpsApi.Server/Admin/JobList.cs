using System.Globalization;
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

        // The state a person asks about: paused, running, how the last run ended, or what it waits for.
        await using var command = dataSource.CreateCommand(
            """
            select * from (
                select c.handle, j.name, j.job_type,
                       case when j.paused then 'Paused'
                            when r.state is not null and r.ended_at is null then r.state
                            when j.released_at is null and (j.exec_schedule is not null or j.exec_time > now()) then 'Scheduled'
                            when r.state is not null then r.state
                            else 'Waiting' end as state,
                       coalesce(j.exec_schedule, to_char(j.exec_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'now') as schedule,
                       to_char(r.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as last_run,
                       j.id
                from jobs j
                join companies c on c.id = j.company_id
                left join lateral (select state, started_at, ended_at from job_runs where job_id = j.id order by id desc limit 1) r on true
                where j.deleted_at is null and (@company::text is null or c.handle = @company)
            ) listed
            where @state::text is null or lower(state) = lower(@state)
            order by id desc
            limit @limit
            """);
        command.Parameters.Add(new NpgsqlParameter("company", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)Flag("--company") ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("state", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)Flag("--state") ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", limit);
        await output.WriteLineAsync("company\tjob\ttype\tstate\tschedule\tlast run");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            await output.WriteLineAsync(string.Join('\t',
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? "-" : reader.GetString(5)));
        }

        return 0;
    }
}
