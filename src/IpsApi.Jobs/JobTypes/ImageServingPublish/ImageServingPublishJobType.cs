using System.Text.Json.Serialization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Mapping;
using static IpsApi.Jobs.JobTypes.Mapping.WireReader;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.ImageServingPublish;

/// <summary>Publish to image serving (<c>imageServingPublishJob</c>; also the post-upload publish).</summary>
[JobElement("imageServingPublishJob")]
public sealed record ImageServingPublishSpec(
    PublishType PublishType,
    EmailSetting EmailSetting,
    string? HttpCompletionUrl,
    string? ContextHandle) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.ImageServingPublish;

    public override RunNotification Notification() => new(EmailSetting, HttpCompletionUrl);

    public override string SubType() => PublishType switch
    {
        PublishType.Incremental => "increment",
        PublishType.FullWithSearch => "fullwithsearch",
        _ => "full",
    };
}

/// <summary>imageServingPublishJob: its element on the wire and its executor.</summary>
public sealed class ImageServingPublishJobType : JobTypeDefinition<W.ImageServingPublishJob, ImageServingPublishSpec>
{
    public override Type ExecutorType => typeof(ImageServingPublishExecutor);

    public override ImageServingPublishSpec Read(WireReader reader, W.ImageServingPublishJob element, string path)
    {
        reader.OptionalCallbackUrl(element.HttpCompletionUrl, PathOf(path, "httpCompletionUrl"));
        return new ImageServingPublishSpec(
            reader.RequiredEnum<PublishType>(element.PublishType, PathOf(path, "publishType")),
            reader.RequiredEnum<EmailSetting>(element.EmailSetting, PathOf(path, "emailSetting")),
            element.HttpCompletionUrl,
            element.ContextHandle);
    }

    public override W.ImageServingPublishJob Echo(ImageServingPublishSpec spec) => new()
    {
        PublishType = spec.PublishType.ToString(),
        EmailSetting = spec.EmailSetting.ToString(),
        HttpCompletionUrl = spec.HttpCompletionUrl,
        ContextHandle = spec.ContextHandle,
    };

    protected override W.ImageServingPublishJob? Get(W.IJobElements carrier) => carrier.ImageServingPublishJob;

    protected override void Set(W.IJobElements carrier, W.ImageServingPublishJob element) => carrier.ImageServingPublishJob = element;
}
