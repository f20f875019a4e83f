using System.Text.Json.Serialization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Ingest;
using IpsApi.Jobs.JobTypes.Mapping;
using static IpsApi.Jobs.JobTypes.Mapping.WireReader;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.UploadDirectory;

/// <summary>Upload files from the company's server directory (<c>uploadDirectoryJob</c>).</summary>
/// <param name="ServerDir">Folder inside the company's server directory, relative.</param>
/// <param name="DestFolder">Target folder in the asset tree, relative.</param>
[JobElement("uploadDirectoryJob")]
public sealed record UploadDirectorySpec(
    string? DestFolder,
    string ServerDir,
    bool Overwrite,
    bool ReadyForPublish,
    bool? PreservePublishState,
    bool IncludeSubfolders,
    bool ProcessMetadataFiles,
    IngestOptions Processing,
    EmailSetting EmailSetting,
    PostJobOptions Post) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.UploadFromServerDirectory;

    public override RunNotification Notification() => new(EmailSetting, Post.PostHttpUrl);

    public override string LogName() => "Upload";
}

/// <summary>uploadDirectoryJob: its element on the wire and its executor.</summary>
public sealed class UploadDirectoryJobType : JobTypeDefinition<W.UploadDirectoryJob, UploadDirectorySpec>
{
    public override Type ExecutorType => typeof(UploadDirectoryExecutor);

    public override UploadDirectorySpec Read(WireReader reader, W.UploadDirectoryJob element, string path)
    {
        reader.FolderPath(element.DestFolder, PathOf(path, "destFolder"));
        var serverDir = reader.RequiredString(element.ServerDir, PathOf(path, "serverDir"));
        reader.FolderPath(serverDir, PathOf(path, "serverDir"));
        return new UploadDirectorySpec(
            element.DestFolder,
            serverDir,
            reader.RequiredBool(element.Overwrite, PathOf(path, "overwrite")),
            reader.RequiredBool(element.ReadyForPublish, PathOf(path, "readyForPublish")),
            element.PreservePublishState,
            reader.RequiredBool(element.IncludeSubfolders, PathOf(path, "includeSubfolders")),
            reader.RequiredBool(element.ProcessMetadataFiles, PathOf(path, "processMetadataFiles")),
            IngestWire.ReadIngest(reader, element, path),
            reader.RequiredEnum<EmailSetting>(element.EmailSetting, PathOf(path, "emailSetting")),
            IngestWire.ReadPostJob(reader, element, path));
    }

    public override W.UploadDirectoryJob Echo(UploadDirectorySpec spec) => IngestWire.WithShared(
        new W.UploadDirectoryJob
        {
            DestFolder = spec.DestFolder,
            ServerDir = spec.ServerDir,
            Overwrite = spec.Overwrite,
            ReadyForPublish = spec.ReadyForPublish,
            PreservePublishState = spec.PreservePublishState,
            IncludeSubfolders = spec.IncludeSubfolders,
            ProcessMetadataFiles = spec.ProcessMetadataFiles,
            EmailSetting = spec.EmailSetting.ToString(),
        },
        spec.Processing,
        spec.Post);

    protected override W.UploadDirectoryJob? Get(W.IJobElements carrier) => carrier.UploadDirectoryJob;

    protected override void Set(W.IJobElements carrier, W.UploadDirectoryJob element) => carrier.UploadDirectoryJob = element;
}
