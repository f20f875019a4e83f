using System.Text.Json.Serialization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Ingest;
using IpsApi.Jobs.JobTypes.Mapping;
using static IpsApi.Jobs.JobTypes.Mapping.WireReader;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.RipPdfs;

/// <summary>Rasterise PDF assets into page images (<c>ripPdfsJob</c>).</summary>
/// <param name="PdfHandles">The <c>pdfHandleArray</c> items.</param>
/// <param name="Processing">Has only the options the element has: no preserveCrop, photoshop, autoSetCreation,
/// media, xmpKeywords, unsharpMask, unCompress or excludeMasterVideoFromAVS.</param>
/// <param name="Post">Has no <c>postJobOnlyIfFiles</c>: the element has none.</param>
[JobElement("ripPdfsJob")]
public sealed record RipPdfsSpec(
    IReadOnlyList<string> PdfHandles,
    IngestOptions Processing,
    EmailSetting EmailSetting,
    PostJobOptions Post) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.RipPdfs;

    public override RunNotification Notification() => new(EmailSetting, Post.PostHttpUrl);
}

/// <summary>ripPdfsJob: its element on the wire and its executor.</summary>
public sealed class RipPdfsJobType : JobTypeDefinition<W.RipPdfsJob, RipPdfsSpec>
{
    public override Type ExecutorType => typeof(RipPdfsExecutor);

    public override RipPdfsSpec Read(WireReader reader, W.RipPdfsJob element, string path) => new(
        reader.RequiredAssetHandles(element.PdfHandleArray, PathOf(path, "pdfHandleArray")),
        IngestWire.ReadIngest(reader, element, path),
        reader.RequiredEnum<EmailSetting>(element.EmailSetting, PathOf(path, "emailSetting")),
        IngestWire.ReadPostJob(reader, element, path));

    public override W.RipPdfsJob Echo(RipPdfsSpec spec) => IngestWire.WithShared(
        new W.RipPdfsJob
        {
            PdfHandleArray = OptionsEcho.Handles(spec.PdfHandles),
            EmailSetting = spec.EmailSetting.ToString(),
        },
        spec.Processing,
        spec.Post);

    protected override W.RipPdfsJob? Get(W.IJobElements carrier) => carrier.RipPdfsJob;

    protected override void Set(W.IJobElements carrier, W.RipPdfsJob element) => carrier.RipPdfsJob = element;
}
