using System.Globalization;

namespace IpsApi.Assets.Files;

/// <summary>
/// Where one company's files live under the storage root: every storage key and folder of a company is built
/// here. The company's folder is kept with the company (its id for companies made now), never a name a client
/// chose, so a company handle can be any string. Asset files are named by ingest id, not by folder or asset
/// name, so renaming and moving assets and folders never moves a file.
/// </summary>
public sealed record CompanyStorage(string Folder)
{
    /// <summary>The folder of a company created now.</summary>
    public static string FolderFor(long companyId) => $"companies/{companyId.ToString(CultureInfo.InvariantCulture)}";

    public string Original(string ingestId, string fileName) => $"{Folder}/assets/{ingestId[..2]}/{ingestId}-{fileName}";

    public string Optimized(string ingestId) => $"{Folder}/optimized/{ingestId}.tif";

    public string Rendition(string ingestId, string renditionName, string extension) => $"{Folder}/renditions/{ingestId}/{renditionName}{extension}";

    public string Export(long runId) => $"{Folder}/exports/{runId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.zip";

    /// <summary>A published file of one catalog kind (by its folder name).</summary>
    public string Published(string catalogFolder, string file) => $"{Folder}/publish/{catalogFolder}/{file}";

    /// <summary>The company's server directory: what uploadDirectoryJob and serverDirectoryPublishJob read.</summary>
    public string ServerDirectory => $"{Folder}/server";

    /// <summary>A fresh scratch folder on the same file system, so finished files move into the store by rename.</summary>
    public string NewWorkFolder() => $"{Folder}/.work/{Guid.NewGuid():N}";
}
