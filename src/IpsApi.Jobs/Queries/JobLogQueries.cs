using Npgsql;

namespace IpsApi.Jobs.Queries;

/// <summary>The read side of getJobLogs, getJobLogDetails and getAssetJobLogs.</summary>
public sealed class JobLogQueries(NpgsqlDataSource dataSource)
{
    internal NpgsqlDataSource DataSource => dataSource;
}
