using System.Text.Json.Serialization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Mapping;
using static IpsApi.Jobs.JobTypes.Mapping.WireReader;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.ServerDirectoryPublish;

/// <summary>Publish the company's server directory (<c>serverDirectoryPublishJob</c>).</summary>
[JobElement("serverDirectoryPublishJob")]
public sealed record ServerDirectoryPublishSpec(
    EmailSetting EmailSetting,
    string? HttpCompletionUrl) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.ServerDirectoryPublish;

    public override RunNotification Notification() => new(EmailSetting, HttpCompletionUrl);
}

/// <summary>serverDirectoryPublishJob: its element on the wire and its executor.</summary>
public sealed class ServerDirectoryPublishJobType : JobTypeDefinition<W.ServerDirectoryPublishJob, ServerDirectoryPublishSpec>
{
    public override Type ExecutorType => typeof(ServerDirectoryPublishExecutor);

    public override ServerDirectoryPublishSpec Read(WireReader reader, W.ServerDirectoryPublishJob element, string path)
    {
        reader.OptionalCallbackUrl(element.HttpCompletionUrl, PathOf(path, "httpCompletionUrl"));
        return new ServerDirectoryPublishSpec(
            reader.RequiredEnum<EmailSetting>(element.EmailSetting, PathOf(path, "emailSetting")),
            element.HttpCompletionUrl);
    }

    public override W.ServerDirectoryPublishJob Echo(ServerDirectoryPublishSpec spec) => new()
    {
        EmailSetting = spec.EmailSetting.ToString(),
        HttpCompletionUrl = spec.HttpCompletionUrl,
    };

    protected override W.ServerDirectoryPublishJob? Get(W.IJobElements carrier) => carrier.ServerDirectoryPublishJob;

    protected override void Set(W.IJobElements carrier, W.ServerDirectoryPublishJob element) => carrier.ServerDirectoryPublishJob = element;
}
