using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Running;
using IpsApi.Jobs.Store;
using Npgsql;

namespace IpsApi.Jobs.Executors.Ingest;

/// <summary>
/// post*PublishJob: when an upload run ends, the publish jobs it names are submitted as "&lt;jobName&gt;_Pub" by
/// the same user, to run now (postJobOnlyIfFiles: only when the run brought in at least one file).
/// </summary>
public sealed class PostJobs(JobStore jobs, NpgsqlDataSource dataSource)
{
    public async Task SubmitAsync(JobRun run, PostJobOptions post, int filesIngested, CancellationToken cancellationToken)
    {
        var specs = new JobSpec?[] { post.PostImageServingPublishJob, post.PostImageRenderingPublishJob, post.PostVideoPublishJob }
            .OfType<JobSpec>()
            .ToList();
        if (specs.Count == 0 || (post.PostJobOnlyIfFiles == true && filesIngested == 0))
        {
            return;
        }

        await using var command = dataSource.CreateCommand(
            "select submit_user_id, notify_user_id, client_app, client_version from jobs where id = @id");
        command.Parameters.AddWithValue("id", run.Job.Id);
        long submitter, notify;
        string? app, version;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (submitter, notify) = (reader.GetInt64(0), reader.GetInt64(1));
            app = reader.IsDBNull(2) ? null : reader.GetString(2);
            version = reader.IsDBNull(3) ? null : reader.GetString(3);
        }

        foreach (var spec in specs)
        {
            var definition = new JobDefinition(run.Job.Company.Handle, $"{run.Job.OriginalName}_Pub", null, run.Job.Definition.Locale,
                new JobSchedule.RunNow(), $"Submitted by {run.Job.Name}", spec);
            var submitted = await jobs.SubmitAsync(
                new JobSubmission(definition, run.Job.Company.Id, submitter, notify, run.Job.Locale, app, version, run.Job.Name),
                cancellationToken);
            await run.Log.WriteAsync(JobLogTypes.InitiatingJobName, submitted.Handle.ToString(), cancellationToken: cancellationToken);
        }
    }
}
