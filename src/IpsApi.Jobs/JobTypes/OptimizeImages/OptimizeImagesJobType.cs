using System.Text.Json.Serialization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Mapping;
using static IpsApi.Jobs.JobTypes.Mapping.WireReader;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.OptimizeImages;

/// <summary>Make the optimised (pyramid) images of images that lack them (<c>optimizeImagesJob</c>).</summary>
[JobElement("optimizeImagesJob")]
public sealed record OptimizeImagesSpec(EmailSetting EmailSetting) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.ImageOptimization;

    public override RunNotification Notification() => new(EmailSetting, null);
}

/// <summary>optimizeImagesJob: its element on the wire and its executor.</summary>
public sealed class OptimizeImagesJobType : JobTypeDefinition<W.OptimizeImagesJob, OptimizeImagesSpec>
{
    public override Type ExecutorType => typeof(OptimizeImagesExecutor);

    public override OptimizeImagesSpec Read(WireReader reader, W.OptimizeImagesJob element, string path) =>
        new(reader.RequiredEnum<EmailSetting>(element.EmailSetting, PathOf(path, "emailSetting")));

    public override W.OptimizeImagesJob Echo(OptimizeImagesSpec spec) => new() { EmailSetting = spec.EmailSetting.ToString() };

    protected override W.OptimizeImagesJob? Get(W.IJobElements carrier) => carrier.OptimizeImagesJob;

    protected override void Set(W.IJobElements carrier, W.OptimizeImagesJob element) => carrier.OptimizeImagesJob = element;
}
