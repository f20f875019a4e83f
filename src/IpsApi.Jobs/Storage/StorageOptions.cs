using IpsApi.Assets.Files;

namespace IpsApi.Jobs.Storage;

/// <summary>Where company files live: section "IpsApi:Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "IpsApi:Storage";

    /// <summary>The storage root, shared by every node; default: storage/ under the data folder.</summary>
    public string Root { get; set; } = "";
}

/// <summary>
/// The folders of one company under the storage root, as local paths (the layout itself is <see cref="CompanyStorage"/>).
/// </summary>
public sealed class CompanyFolders(string storageRoot, CompanyStorage company)
{
    public string Root { get; } = Path.Combine(Path.GetFullPath(storageRoot), company.Folder);

    /// <summary>The company's server directory: what uploadDirectoryJob and serverDirectoryPublishJob read.</summary>
    public string Server => Path.Combine(Path.GetFullPath(storageRoot), company.ServerDirectory);

    /// <summary>What the HTTP delivery side serves for the company.</summary>
    public string Publish => Path.Combine(Root, "publish");

    /// <summary>
    /// A path from a request or a directory listing, resolved inside <paramref name="folder"/>; null when it
    /// would escape it (.., absolute paths, links are not followed by callers).
    /// </summary>
    public static string? Inside(string folder, string relativePath)
    {
        var root = Path.GetFullPath(folder);
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
