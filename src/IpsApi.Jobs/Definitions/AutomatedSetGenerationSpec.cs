using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Build image sets from assets by the company's set rules (<c>automatedSetGenerationJob</c>).</summary>
/// <param name="AssetHandles">The <c>assetHandleArray</c> items.</param>
public sealed record AutomatedSetGenerationSpec(
    IReadOnlyList<string> AssetHandles,
    string? DestFolder,
    bool ReadyForPublish,
    AutoSetCreationOptions AutoSetCreationOptions,
    EmailSetting EmailSetting) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.AutomatedSetGeneration;
}
