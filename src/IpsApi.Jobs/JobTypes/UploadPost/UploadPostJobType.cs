using System.Text.Json.Serialization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Ingest;
using IpsApi.Jobs.JobTypes.Mapping;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static IpsApi.Jobs.JobTypes.Mapping.WireReader;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.UploadPost;

/// <summary>
/// Files POSTed to the UploadFile endpoint (<c>uploadPostJob</c>, the <c>uploadParams</c> of the first POST). The
/// options are those of uploadUrlsJob; the files come with the POSTs, not with the definition.
/// </summary>
/// <param name="PostHttpUrl">Called when the job ends.</param>
[JobElement("uploadPostJob")]
public sealed record UploadPostSpec(
    bool Overwrite,
    bool ReadyForPublish,
    bool? PreservePublishState,
    IngestOptions Processing,
    EmailSetting EmailSetting,
    string? PostHttpUrl) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.UploadPost;

    public override RunNotification Notification() => new(EmailSetting, PostHttpUrl);

    public override string LogName() => "Upload";
}

/// <summary>
/// uploadPostJob: read from the <c>uploadParams</c> of an UploadFile POST (never from submitJob), echoed in
/// getActiveJobs' <c>uploadPostJob</c> element; its executor, and what the endpoint and the executor share.
/// </summary>
public sealed class UploadPostJobType() : JobTypeDefinition<W.UploadPostJob, UploadPostSpec>(submittedWithSubmitJob: false)
{
    public override Type ExecutorType => typeof(UploadPostExecutor);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        base.AddServices(services, configuration);
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UploadOptions>, UploadOptionsValidation>();
        services.AddSingleton<UploadStore>();
        services.AddSingleton<UploadStaging>();
        services.AddSingleton<UploadSignal>();
        services.AddSingleton<UploadJanitor>();
        services.AddHostedService(provider => provider.GetRequiredService<UploadJanitor>());
    }

    public override UploadPostSpec Read(WireReader reader, W.UploadPostJob element, string path)
    {
        reader.OptionalCallbackUrl(element.PostHttpUrl, PathOf(path, "postHttpUrl"));
        return new UploadPostSpec(
            reader.RequiredBool(element.Overwrite, PathOf(path, "overwrite")),
            reader.RequiredBool(element.ReadyForPublish, PathOf(path, "readyForPublish")),
            element.PreservePublishState,
            IngestWire.ReadIngest(reader, element, path),
            reader.RequiredEnum<EmailSetting>(element.EmailSetting, PathOf(path, "emailSetting")),
            element.PostHttpUrl);
    }

    public override W.UploadPostJob Echo(UploadPostSpec spec) => IngestWire.WithIngest(
        new W.UploadPostJob
        {
            Overwrite = spec.Overwrite,
            ReadyForPublish = spec.ReadyForPublish,
            PreservePublishState = spec.PreservePublishState,
            EmailSetting = spec.EmailSetting.ToString(),
            PostHttpUrl = spec.PostHttpUrl,
        },
        spec.Processing);

    // Only getActiveJobs' ActiveJob has an uploadPostJob element; submitJobParam and ScheduledJob have none.
    protected override W.UploadPostJob? Get(W.IJobElements carrier) => carrier is W.ActiveJob active ? active.UploadPostJob : null;

    protected override void Set(W.IJobElements carrier, W.UploadPostJob element)
    {
        if (carrier is W.ActiveJob active)
        {
            active.UploadPostJob = element;
        }
    }
}
