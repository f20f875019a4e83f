using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.Engine;
using IpsApi.Jobs.JobTypes.CreateVideoSitemap;
using IpsApi.Jobs.JobTypes.ImageServingPublish;
using IpsApi.Jobs.JobTypes.MetadataPublish;
using IpsApi.Jobs.JobTypes.OptimizeImages;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IpsApi.TestHost;

/// <summary>Where the test executors record each step they take: what "ran exactly once" is counted from.</summary>
public static class TestExecutorTables
{
    public static async Task EnsureAsync(IServiceProvider services)
    {
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            """
            create table if not exists test_side_effects (
                job_id bigint not null, run_id bigint not null, step int not null, node text not null,
                at timestamptz not null default now())
            """);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task RecordAsync(NpgsqlDataSource db, JobRun run, int step, string node, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("insert into test_side_effects (job_id, run_id, step, node) values (@job, @run, @step, @node)");
        command.Parameters.AddWithValue("job", run.Job.Id);
        command.Parameters.AddWithValue("run", run.RunId);
        command.Parameters.AddWithValue("step", step);
        command.Parameters.AddWithValue("node", node);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>
/// optimizeImagesJob here: 40 steps of 250 ms, each logged and recorded, stoppable between steps, resumable after a
/// pause. A job named with <see cref="RealJobPrefix"/> gets the server's own executor instead, so the tests of
/// the real optimizeImagesJob run on the same server as the control tests that need a slow, predictable job.
/// </summary>
public sealed class SlowStepsExecutor(
    NpgsqlDataSource db, IOptions<SchedulerOptions> scheduler, IpsApi.Jobs.JobTypes.OptimizeImages.OptimizeImagesExecutor real) : IJobExecutor
{
    public const string RealJobPrefix = "real optimize ";

    public JobType Type => JobType.ImageOptimization;

    public async Task ExecuteAsync(JobRun run, CancellationToken cancellationToken)
    {
        if (run.Job.Name.StartsWith(RealJobPrefix, StringComparison.Ordinal))
        {
            await real.ExecuteAsync(run, cancellationToken);
            return;
        }

        const int steps = 40;
        await run.Log.TotalFilesAsync(steps, cancellationToken);
        // After a pause, continue after the last step done.
        var first = run.Checkpoint is { } done ? int.Parse(done, System.Globalization.CultureInfo.InvariantCulture) + 1 : 1;
        for (var step = first; step <= steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A step and its checkpoint belong together: a stop between them would redo the step on resume.
            await TestExecutorTables.RecordAsync(db, run, step, scheduler.Value.NodeName, CancellationToken.None);
            await run.SaveCheckpointAsync(step.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
            await run.Log.WriteAsync("ReoptimizeSuccess", $"step {step}", assetName: $"step-{step}", cancellationToken: cancellationToken);
            await run.ReportProgressAsync(step * 100 / steps, $"step {step} of {steps}", cancellationToken);
            await Task.Delay(250, cancellationToken);
        }
    }
}

/// <summary>
/// createVideoSitemapJob here: one recorded step and a short pause. A job named with <see cref="RealJobPrefix"/> gets
/// the server's own executor instead.
/// </summary>
public sealed class CountingExecutor(
    NpgsqlDataSource db, IOptions<SchedulerOptions> scheduler, IpsApi.Jobs.JobTypes.CreateVideoSitemap.CreateVideoSitemapExecutor real) : IJobExecutor
{
    public const string RealJobPrefix = "real ";

    public JobType Type => JobType.CreateVideoSitemap;

    public async Task ExecuteAsync(JobRun run, CancellationToken cancellationToken)
    {
        if (run.Job.Name.StartsWith(RealJobPrefix, StringComparison.Ordinal))
        {
            await real.ExecuteAsync(run, cancellationToken);
            return;
        }

        await TestExecutorTables.RecordAsync(db, run, 1, scheduler.Value.NodeName, cancellationToken);
        await Task.Delay(20, cancellationToken);
    }
}

/// <summary>
/// A job type that fails, for the tests of failed runs (emails, logs, metrics): metadataPublishJob and
/// imageServingPublishJob runs fail here as a job type without executor does, unless the job is named with
/// <see cref="RealJobPrefix"/>, which gets the server's own executor.
/// </summary>
public sealed class FailingExecutor(JobType type, IJobExecutor real) : IJobExecutor
{
    public const string RealJobPrefix = "real ";

    public JobType Type { get; } = type;

    public Task ExecuteAsync(JobRun run, CancellationToken cancellationToken) =>
        run.Job.Name.StartsWith(RealJobPrefix, StringComparison.Ordinal)
            ? real.ExecuteAsync(run, cancellationToken)
            : throw new JobTypeNotSupportedException();

    /// <summary>Puts failing executors in front of the real ones of metadataPublishJob and imageServingPublishJob.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<IJobExecutor>(provider => new FailingExecutor(JobType.MetadataPublish,
            provider.GetRequiredService<IpsApi.Jobs.JobTypes.MetadataPublish.MetadataPublishExecutor>()));
        services.AddSingleton<IJobExecutor>(provider => new FailingExecutor(JobType.ImageServingPublish,
            provider.GetRequiredService<IpsApi.Jobs.JobTypes.ImageServingPublish.ImageServingPublishExecutor>()));
    }
}
