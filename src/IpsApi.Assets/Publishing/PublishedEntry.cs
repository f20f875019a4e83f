namespace IpsApi.Assets.Publishing;

/// <summary>
/// One thing a catalog serves: an asset (or one file of it) or a server directory file. <see cref="Source"/> says
/// what was published; a publish that finds the same source keeps the entry, its file and its time untouched.
/// </summary>
public sealed record PublishedEntry(
    string Name,
    string DisplayName,
    long? AssetId,
    string AssetType,
    string Folder,
    string Source,
    string? File,
    string? ContentType,
    long Size,
    int? Width,
    int? Height,
    DateTimeOffset Modified,
    IReadOnlyList<string>? Members = null,
    IReadOnlyDictionary<string, string>? Metadata = null,
    string? SearchText = null)
{
    /// <summary>Catalog names are looked up without regard to case, as image serving does.</summary>
    public static string KeyOf(string name) => name.ToLowerInvariant();

    /// <summary>Whether the entry lies in <paramref name="folder"/> or below it ("" is everything).</summary>
    public bool IsIn(string folder) =>
        folder.Length == 0 || Folder.Equals(folder, StringComparison.Ordinal) || Folder.StartsWith(folder + "/", StringComparison.Ordinal);
}

/// <summary>An entry as a reader found it: with the local path of its file, when it has one.</summary>
public sealed record PublishedItem(PublishedEntry Entry, long Version, string? FilePath);
