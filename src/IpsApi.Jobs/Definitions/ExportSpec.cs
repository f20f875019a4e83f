using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Export assets as a ZIP (<c>exportJob</c>).</summary>
/// <param name="AssetHandles">The <c>assetHandleArray</c> items.</param>
/// <param name="Format"><c>fmt</c>.</param>
/// <param name="IsModifier"><c>is_modifier</c>: image serving modifiers for <see cref="ExportFormat.convert"/>.</param>
/// <param name="Macro">A macro (image preset) for <see cref="ExportFormat.convert"/>; wins over
/// <paramref name="IsModifier"/> when both are given. Both are kept as given, for the echo.</param>
/// <param name="EmailSetting"><c>emailSetting</c>.</param>
/// <param name="ClientId"><c>clientId</c>.</param>
public sealed record ExportSpec(
    IReadOnlyList<string> AssetHandles,
    ExportFormat Format,
    string? IsModifier,
    string? Macro,
    EmailSetting EmailSetting,
    string? ClientId) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.Export;
}
