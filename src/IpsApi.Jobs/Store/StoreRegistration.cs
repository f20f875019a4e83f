using Microsoft.Extensions.DependencyInjection;

namespace IpsApi.Jobs.Store;

public static class StoreRegistration
{
    /// <summary>The owners of the job tables (jobs, job_runs, job_log_details, job_task_progress) and their queries.</summary>
    public static IServiceCollection AddIpsJobTables(this IServiceCollection services)
    {
        services.AddSingleton<JobStore>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<JobLookup>();
        services.AddSingleton<JobQueries>();
        services.AddSingleton<JobLogQueries>();
        services.AddSingleton<OpsQueries>();
        return services;
    }
}
