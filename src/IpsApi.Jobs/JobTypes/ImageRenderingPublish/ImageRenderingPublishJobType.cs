using System.Text.Json.Serialization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Mapping;
using static IpsApi.Jobs.JobTypes.Mapping.WireReader;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.ImageRenderingPublish;

/// <summary>Publish to image rendering (<c>imageRenderingPublishJob</c>; also the post-upload publish).</summary>
[JobElement("imageRenderingPublishJob")]
public sealed record ImageRenderingPublishSpec(
    EmailSetting EmailSetting,
    string? HttpCompletionUrl,
    string? ContextHandle) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.ImageRenderingPublish;

    public override RunNotification Notification() => new(EmailSetting, HttpCompletionUrl);
}

/// <summary>imageRenderingPublishJob: its element on the wire and its executor.</summary>
public sealed class ImageRenderingPublishJobType : JobTypeDefinition<W.ImageRenderingPublishJob, ImageRenderingPublishSpec>
{
    public override Type ExecutorType => typeof(ImageRenderingPublishExecutor);

    public override ImageRenderingPublishSpec Read(WireReader reader, W.ImageRenderingPublishJob element, string path)
    {
        reader.OptionalCallbackUrl(element.HttpCompletionUrl, PathOf(path, "httpCompletionUrl"));
        return new ImageRenderingPublishSpec(
            reader.RequiredEnum<EmailSetting>(element.EmailSetting, PathOf(path, "emailSetting")),
            element.HttpCompletionUrl,
            element.ContextHandle);
    }

    public override W.ImageRenderingPublishJob Echo(ImageRenderingPublishSpec spec) => new()
    {
        EmailSetting = spec.EmailSetting.ToString(),
        HttpCompletionUrl = spec.HttpCompletionUrl,
        ContextHandle = spec.ContextHandle,
    };

    protected override W.ImageRenderingPublishJob? Get(W.IJobElements carrier) => carrier.ImageRenderingPublishJob;

    protected override void Set(W.IJobElements carrier, W.ImageRenderingPublishJob element) => carrier.ImageRenderingPublishJob = element;
}
