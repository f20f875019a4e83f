using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Process existing assets again with new options (<c>reprocessAssetsJob</c>).</summary>
/// <param name="AssetHandles">The <c>assetHandleArray</c> items.</param>
/// <param name="Processing">Has no <c>xmpKeywords</c> or <c>unCompressOptions</c>: the element has none.</param>
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
}
