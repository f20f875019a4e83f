using IpsApi.Assets.Store;
namespace IpsApi.Assets.Store;

/// <summary>
/// A folder of a company's asset tree. <see cref="Path"/> runs from the company root without leading or trailing
/// '/' ("" is the root itself); clients see it with the company's root path in front (<see cref="FolderPaths.Display"/>).
/// </summary>
public sealed record Folder(
    long Id, string CompanyHandle, long? ParentId, string Path, DateTimeOffset Modified, DateTimeOffset ChildModified, bool HasSubfolders)
{
    /// <summary>Opaque to clients and the same for the folder's whole life, through renames and moves.</summary>
    public string Handle => FolderHandles.Format(CompanyHandle, Id);

    public string Name => Path[(Path.LastIndexOf('/') + 1)..];
}

/// <summary>Folder handles: <c>f|&lt;company&gt;|&lt;id&gt;</c>.</summary>
public static class FolderHandles
{
    public static string Format(string companyHandle, long id) => CompanyScopedHandle.Format("f", companyHandle, id);

    public static bool TryParse(string? handle, out string companyHandle, out long id) =>
        CompanyScopedHandle.TryParse("f", handle, out companyHandle, out id);
}

/// <summary>
/// Folder paths as clients write them, read the same way by every operation and job type: with or without the
/// company's root path ("Acme/products/shoes/" and "products/shoes" are one folder), with or without a leading or
/// trailing '/'. Refused: control characters, '\', empty folder names ("a//b"), "." and "..", and names longer than
/// <see cref="MaxNameLength"/>.
/// </summary>
public static class FolderPaths
{
    public const int MaxNameLength = 255;

    /// <summary>Why the text is no folder path; null when it is one.</summary>
    public static string? Problem(string text)
    {
        if (text.Any(char.IsControl))
        {
            return "control characters are not allowed";
        }

        if (text.Contains('\\', StringComparison.Ordinal))
        {
            return "use '/' between folders, not '\\'";
        }

        var inner = text.Trim('/');
        if (inner.Length == 0)
        {
            return null;
        }

        if (inner.Length >= 2 && char.IsAsciiLetter(inner[0]) && inner[1] == ':')
        {
            return "a drive letter is not a folder";
        }

        foreach (var name in inner.Split('/'))
        {
            if (NameProblem(name) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Why the text is no folder (or file) name; null when it is one.</summary>
    public static string? NameProblem(string name) =>
        name.Length == 0 ? "empty folder names ('//') are not allowed"
        : name is "." or ".." ? $"'{name}' is not allowed"
        : name.Length > MaxNameLength ? $"a name is longer than {MaxNameLength} characters"
        : name.Any(char.IsControl) ? "control characters are not allowed"
        : name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) ? "a name holds '/' or '\\'"
        : name.Trim().Length != name.Length ? "a name begins or ends with a space"
        : null;

    /// <summary>
    /// The folder a path names, from the company root ("" for the root); the company's root path in front is
    /// dropped. Only for text <see cref="Problem"/> accepted.
    /// </summary>
    public static string Normalize(string text, string companyName)
    {
        if (Problem(text) is { } problem)
        {
            throw new ArgumentException(problem, nameof(text));
        }

        var inner = text.Trim('/');
        if (inner == companyName)
        {
            return "";
        }

        return inner.StartsWith(companyName + "/", StringComparison.Ordinal) ? inner[(companyName.Length + 1)..] : inner;
    }

    /// <summary>A file path ("Acme/products/shoe.jpg", "/products/shoe.jpg") split into its folder and file name.</summary>
    public static (string Folder, string FileName) SplitFile(string text, string companyName)
    {
        var inner = text.Trim('/');
        var bar = inner.LastIndexOf('/');
        var folder = bar < 0 ? "" : Normalize(inner[..bar], companyName);
        return (folder, inner[(bar + 1)..]);
    }

    /// <summary>The path as clients see it: the company's root path, then the folders, then '/'.</summary>
    public static string Display(string companyName, string path) =>
        path.Length == 0 ? $"{companyName}/" : $"{companyName}/{path}/";

    public static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}/{name}";

    public static string ParentOf(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
}
