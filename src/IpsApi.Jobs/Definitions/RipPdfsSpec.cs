using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Rasterise PDF assets into page images (<c>ripPdfsJob</c>).</summary>
/// <param name="PdfHandles">The <c>pdfHandleArray</c> items.</param>
/// <param name="Processing">Has only the options the element has: no preserveCrop, photoshop, autoSetCreation,
/// media, xmpKeywords, unsharpMask, unCompress or excludeMasterVideoFromAVS.</param>
/// <param name="Post">Has no <c>postJobOnlyIfFiles</c>: the element has none.</param>
public sealed record RipPdfsSpec(
    IReadOnlyList<string> PdfHandles,
    IngestOptions Processing,
    EmailSetting EmailSetting,
    PostJobOptions Post) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.RipPdfs;
}
