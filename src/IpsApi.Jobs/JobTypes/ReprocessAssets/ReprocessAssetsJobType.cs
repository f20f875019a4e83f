using System.Text.Json.Serialization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Ingest;
using IpsApi.Jobs.JobTypes.Mapping;
using static IpsApi.Jobs.JobTypes.Mapping.WireReader;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.ReprocessAssets;

/// <summary>Process existing assets again with new options (<c>reprocessAssetsJob</c>).</summary>
/// <param name="AssetHandles">The <c>assetHandleArray</c> items.</param>
/// <param name="Processing">Has no <c>xmpKeywords</c> or <c>unCompressOptions</c>: the element has none.</param>
[JobElement("reprocessAssetsJob")]
public sealed record ReprocessAssetsSpec(
    IReadOnlyList<string> AssetHandles,
    bool? ReadyForPublish,
    bool? PreservePublishState,
    IngestOptions Processing,
    EmailSetting EmailSetting,
    PostJobOptions Post) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.ReprocessAssets;

    public override RunNotification Notification() => new(EmailSetting, Post.PostHttpUrl);
}

/// <summary>reprocessAssetsJob: its element on the wire and its executor.</summary>
public sealed class ReprocessAssetsJobType : JobTypeDefinition<W.ReprocessAssetsJob, ReprocessAssetsSpec>
{
    public override Type ExecutorType => typeof(ReprocessAssetsExecutor);

    public override ReprocessAssetsSpec Read(WireReader reader, W.ReprocessAssetsJob element, string path) => new(
        reader.RequiredAssetHandles(element.AssetHandleArray, PathOf(path, "assetHandleArray")),
        element.ReadyForPublish,
        element.PreservePublishState,
        IngestWire.ReadIngest(reader, element, path),
        reader.RequiredEnum<EmailSetting>(element.EmailSetting, PathOf(path, "emailSetting")),
        IngestWire.ReadPostJob(reader, element, path));

    public override W.ReprocessAssetsJob Echo(ReprocessAssetsSpec spec) => IngestWire.WithShared(
        new W.ReprocessAssetsJob
        {
            AssetHandleArray = OptionsEcho.Handles(spec.AssetHandles),
            ReadyForPublish = spec.ReadyForPublish,
            PreservePublishState = spec.PreservePublishState,
            EmailSetting = spec.EmailSetting.ToString(),
        },
        spec.Processing,
        spec.Post);

    protected override W.ReprocessAssetsJob? Get(W.IJobElements carrier) => carrier.ReprocessAssetsJob;

    protected override void Set(W.IJobElements carrier, W.ReprocessAssetsJob element) => carrier.ReprocessAssetsJob = element;
}
