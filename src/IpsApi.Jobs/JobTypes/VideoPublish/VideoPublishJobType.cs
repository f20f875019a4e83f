using System.Text.Json.Serialization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Mapping;
using static IpsApi.Jobs.JobTypes.Mapping.WireReader;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.VideoPublish;

/// <summary>Publish videos (<c>videoPublishJob</c>; also the post-upload publish).</summary>
[JobElement("videoPublishJob")]
public sealed record VideoPublishSpec(
    EmailSetting EmailSetting,
    string? HttpCompletionUrl,
    string? ContextHandle) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.VideoPublish;

    public override RunNotification Notification() => new(EmailSetting, HttpCompletionUrl);
}

/// <summary>videoPublishJob: its element on the wire and its executor.</summary>
public sealed class VideoPublishJobType : JobTypeDefinition<W.VideoPublishJob, VideoPublishSpec>
{
    public override Type ExecutorType => typeof(VideoPublishExecutor);

    public override VideoPublishSpec Read(WireReader reader, W.VideoPublishJob element, string path)
    {
        reader.OptionalCallbackUrl(element.HttpCompletionUrl, PathOf(path, "httpCompletionUrl"));
        return new VideoPublishSpec(
            reader.RequiredEnum<EmailSetting>(element.EmailSetting, PathOf(path, "emailSetting")),
            element.HttpCompletionUrl,
            element.ContextHandle);
    }

    public override W.VideoPublishJob Echo(VideoPublishSpec spec) => new()
    {
        EmailSetting = spec.EmailSetting.ToString(),
        HttpCompletionUrl = spec.HttpCompletionUrl,
        ContextHandle = spec.ContextHandle,
    };

    protected override W.VideoPublishJob? Get(W.IJobElements carrier) => carrier.VideoPublishJob;

    protected override void Set(W.IJobElements carrier, W.VideoPublishJob element) => carrier.VideoPublishJob = element;
}
