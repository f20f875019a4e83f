using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.Engine.Submit;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.Store;

namespace IpsApi.Jobs.JobTypes.Ingest;

/// <summary>
/// post*PublishJob: when an upload run ends, the publish jobs it names are submitted as "&lt;jobName&gt;_Pub" by
/// the same user, to run now (postJobOnlyIfFiles: only when the run brought in at least one file).
/// </summary>
public sealed class PostJobs(GroupCommitSubmitter submitter)
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

        foreach (var spec in specs)
        {
            var definition = new JobDefinition(run.Job.Company.Handle, $"{run.Job.OriginalName}_Pub", null, run.Job.Definition.Locale,
                new JobSchedule.RunNow(), $"Submitted by {run.Job.Name}", spec);
            var submitted = await submitter.SubmitAsync(
                new JobSubmission(definition, run.Job.Company.Id, run.Job.Submitter.Id, run.Job.Notify.Id, run.Job.Locale, run.Job.ClientApp,
                    run.Job.ClientVersion, run.Job.Name),
                cancellationToken);
            await run.Log.WriteAsync(JobLogTypes.InitiatingJobName, submitted.Handle.ToString(), cancellationToken: cancellationToken);
        }
    }
}
