using Npgsql;

namespace IpsApi.Jobs.Control;

/// <summary>stopJob, pauseJob, resumeJob, executeJob and deleteJob on stored jobs and their Quartz triggers.</summary>
public sealed class JobControl(NpgsqlDataSource dataSource)
{
    internal NpgsqlDataSource DataSource => dataSource;
}
