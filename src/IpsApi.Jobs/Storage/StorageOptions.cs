namespace IpsApi.Jobs.Storage;

/// <summary>Where company files live: section "IpsApi:Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "IpsApi:Storage";

    /// <summary>The storage root, shared by every node; default: storage/ under the data folder.</summary>
    public string Root { get; set; } = "";
}

/// <summary>
/// The folders of one company under the storage root (the layout is in README.md, "Assets"). Company handles are
/// restricted to safe file names when companies are created, so a handle is always one path segment.
/// </summary>
public sealed class CompanyFolders(string storageRoot, string companyHandle)
{
    public string Root { get; } = Path.Combine(Path.GetFullPath(storageRoot), companyHandle);

    /// <summary>The company's server directory: what uploadDirectoryJob and serverDirectoryPublishJob read.</summary>
    public string Server => Path.Combine(Root, "server");

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
