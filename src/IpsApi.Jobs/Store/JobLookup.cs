using IpsApi.Jobs.Handles;
using Npgsql;

namespace IpsApi.Jobs.Store;

/// <summary>A job (and, for a run handle, one of its runs) that a handle names.</summary>
public sealed record JobRef(long JobId, string Name, string OriginalName, bool InUse, long? RunId);

/// <summary>Finds what the handles this server hands out refer to.</summary>
public sealed class JobLookup(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// A job handle names the company's job of that name that is in use, or else the latest one that had it
    /// (its logs stay readable after it ran). A run handle names that run, which must belong to a job of that name.
    /// Deleted jobs are not found.
    /// </summary>
    public async Task<JobRef?> FindAsync(long companyId, JobHandle handle, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(handle.LogId is { } runId
            ? """
              select j.id, j.name, j.original_name, j.released_at is null, r.id
              from job_runs r join jobs j on j.id = r.job_id
              where r.id = @run and j.company_id = @company and j.name = @name and r.instance_name = @instance
                and j.deleted_at is null
              """
            : """
              select j.id, j.name, j.original_name, j.released_at is null, null::bigint
              from jobs j
              where j.company_id = @company and j.name = @name and j.deleted_at is null
              order by j.released_at is null desc, j.id desc
              limit 1
              """);
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("name", handle.JobName);
        if (handle.LogId is { } id)
        {
            command.Parameters.AddWithValue("run", id);
            command.Parameters.AddWithValue("instance", handle.InstanceName!);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new JobRef(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4))
            : null;
    }

    /// <summary>The job by its id, if it exists and belongs to one of <paramref name="companies"/> (null: any company).</summary>
    public async Task<JobRef?> FindByIdAsync(long jobId, IReadOnlyList<long>? companies, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select id, name, original_name, released_at is null from jobs
            where id = @id and deleted_at is null and (@companies::bigint[] is null or company_id = any(@companies))
            """);
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.Add(new NpgsqlParameter("companies", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint)
        {
            Value = companies is null ? DBNull.Value : companies.ToArray(),
        });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new JobRef(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), null)
            : null;
    }
}
