namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>A stored job as the database holds it, with the emails of its submitter and notified user.</summary>
public sealed record JobRow(
    string Name, string OriginalName, string JobType, string DefinitionJson, string SubmitterEmail, string NotifyEmail,
    string Locale, DateTimeOffset? ExecTime, string? ExecSchedule, string? Description, string? ClientApp)
{
    /// <summary>
    /// The newest job stored under that name, whether or not it has run yet: a quick job may have run and freed its
    /// name before the test looks.
    /// </summary>
    public static async Task<JobRow> LoadAsync(ServerFixture server, string companyHandle, string name)
    {
        await using var command = server.Db.CreateCommand(
            """
            select j.name, j.original_name, j.job_type, j.definition::text, s.email, n.email, j.locale,
                   j.exec_time, j.exec_schedule, j.description, j.client_app
            from jobs j
            join companies c on c.id = j.company_id
            join users s on s.id = j.submit_user_id
            join users n on n.id = j.notify_user_id
            where c.handle = @company and j.name = @name
            order by j.id desc
            limit 1
            """);
        command.Parameters.AddWithValue("company", companyHandle);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no job {name} stored for company {companyHandle}");
        return new JobRow(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.GetString(5), reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
            reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetString(9),
            reader.IsDBNull(10) ? null : reader.GetString(10));
    }
}
