using Npgsql;

namespace IpsApi.Jobs.Queries;

/// <summary>The read side of getActiveJobs and getScheduledJobs.</summary>
public sealed class JobQueries(NpgsqlDataSource dataSource)
{
    internal NpgsqlDataSource DataSource => dataSource;
}
