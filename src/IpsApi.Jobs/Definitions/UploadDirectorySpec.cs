using System.Text.Json.Serialization;

namespace IpsApi.Jobs.Definitions;

/// <summary>Upload files from the company's server directory (<c>uploadDirectoryJob</c>).</summary>
/// <param name="ServerDir">Folder inside the company's server directory, relative.</param>
/// <param name="DestFolder">Target folder in the asset tree, relative.</param>
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
}
