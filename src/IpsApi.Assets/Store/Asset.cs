namespace IpsApi.Assets.Store;

/// <summary>What a stored file is.</summary>
public enum AssetType
{
    Image,
    Pdf,
    Video,
    Other,

    /// <summary>An image set: no file of its own, an ordered list of image members.</summary>
    ImageSet,

    /// <summary>A swatch set: like an image set, its members the swatches.</summary>
    SwatchSet,

    /// <summary>An eCatalog: the page images of a PDF (ripPdfsJob with pdfCatalog), in page order.</summary>
    ECatalog,
}

/// <summary>
/// An asset of a company's catalog. <see cref="Name"/> is its IPS name (without extension: what getAssetsByName finds
/// and image serving publishes); <see cref="FileName"/> its virtual file name, with the extension.
/// </summary>
public sealed record Asset(
    long Id,
    string CompanyHandle,
    string Folder,
    string Name,
    string FileName,
    AssetType Type,
    long Size,
    string Checksum,
    string OriginalKey,
    bool ReadyForPublish,
    string PublishState,
    DateTimeOffset Modified,
    string TrashState = TrashStates.NotInTrash)
{
    public string Handle => AssetHandles.Format(CompanyHandle, Id);

    /// <summary>Deleted (deleteAsset) and not restored: jobs skip it with a warning, publishing leaves it out.</summary>
    public bool InTrash => TrashState != TrashStates.NotInTrash;

    /// <summary>A set: a row with members, not a stored file.</summary>
    public bool IsSet => Type is AssetType.ImageSet or AssetType.SwatchSet or AssetType.ECatalog;

    /// <summary>The virtual file path of the asset: folder and file name.</summary>
    public string Path => Folder.Length == 0 ? FileName : $"{Folder}/{FileName}";
}

/// <summary>The "Trash State" string constants of the IPS API.</summary>
public static class TrashStates
{
    public const string NotInTrash = "NotInTrash";
    public const string InTrash = "InTrash";
    public const string InEmptiedTrash = "InEmptiedTrash";
}

/// <summary>How an asset's IPS name follows from its file name.</summary>
public static class AssetNames
{
    /// <summary>
    /// The file name without its last extension ("shoe.jpg" is "shoe", "a.b.tif" is "a.b"); a name that would be empty
    /// (".profile") keeps the whole file name. Sets have no extension: their name is their file name.
    /// </summary>
    public static string NameOf(string fileName, AssetType type) =>
        type is AssetType.ImageSet or AssetType.SwatchSet or AssetType.ECatalog ? fileName
        : fileName.LastIndexOf('.') is var dot and > 0 ? fileName[..dot]
        : fileName;

    /// <summary>The file name a rename gives: the new name with the extension of the old file name.</summary>
    public static string RenamedFile(string fileName, string newName, AssetType type) =>
        type is AssetType.ImageSet or AssetType.SwatchSet or AssetType.ECatalog || fileName.LastIndexOf('.') is not (var dot and > 0)
            ? newName
            : newName + fileName[dot..];
}

/// <summary>What processing learned about a file, stored on its row.</summary>
public sealed record AssetFacts(
    int? Width = null, int? Height = null, string? Format = null, string? ColorSpace = null,
    int? PageCount = null, long? DurationMs = null, string? Codec = null);

/// <summary>A derived file of an asset.</summary>
public sealed record Rendition(string Kind, string Name, string StorageKey, long Size, int? Width = null, int? Height = null);

/// <summary>Asset handles: <c>a|&lt;company&gt;|&lt;id&gt;</c>, opaque to clients and stable for the asset's life.</summary>
public static class AssetHandles
{
    public static string Format(string companyHandle, long id) => CompanyScopedHandle.Format("a", companyHandle, id);

    public static bool TryParse(string? handle, out string companyHandle, out long id) =>
        CompanyScopedHandle.TryParse("a", handle, out companyHandle, out id);
}

/// <summary>
/// Handles of the form <c>&lt;kind&gt;|&lt;company handle&gt;|&lt;id&gt;</c>: read from both ends, so the company
/// handle in the middle may hold anything, '|' included.
/// </summary>
public static class CompanyScopedHandle
{
    public static string Format(string kind, string companyHandle, long id) =>
        $"{kind}|{companyHandle}|{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static bool TryParse(string kind, string? handle, out string companyHandle, out long id)
    {
        companyHandle = "";
        id = 0;
        var lastBar = handle?.LastIndexOf('|') ?? -1;
        if (handle is null || !handle.StartsWith(kind + "|", StringComparison.Ordinal) || lastBar <= kind.Length + 1
            || !long.TryParse(handle.AsSpan(lastBar + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id))
        {
            return false;
        }

        companyHandle = handle[(kind.Length + 1)..lastBar];
        return true;
    }
}
