using IpsApi.Assets.Store;
using IpsApi.Server.Soap;
using W = IpsApi.Wire;

namespace IpsApi.Server.Operations.Folders;

/// <summary>
/// Folders as the wire carries them, with only the fields a client asked for (responseFieldArray) or did not
/// refuse (excludeFieldArray). Fields this server has no data for (permissionSetHandle) are never sent.
/// </summary>
public sealed class FolderWire
{
    private static readonly string[] Fields = ["folderHandle", "path", "lastModified", "childLastModified", "hasSubfolders", "subfolderArray"];

    private readonly HashSet<string> _wanted;
    private readonly string _companyName;

    private FolderWire(HashSet<string> wanted, string companyName)
    {
        _wanted = wanted;
        _companyName = companyName;
    }

    public bool Nested => _wanted.Contains("subfolderArray");

    public static FolderWire For(string companyName, W.StringArray? responseFields, W.StringArray? excludeFields, bool nested)
    {
        static List<string> Names(W.StringArray? array) =>
            array?.Items.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).ToList() ?? [];

        var asked = Names(responseFields);
        var excluded = Names(excludeFields);
        var unknown = asked.Concat(excluded).Where(f => !Fields.Contains(f, StringComparer.Ordinal) && f != "permissionSetHandle").Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw IpsFaultException.InvalidParameter(
                $"Invalid parameter responseFieldArray/excludeFieldArray: {string.Join(", ", unknown.Select(u => $"'{u}'"))} (fields: {string.Join(", ", Fields)})");
        }

        var wanted = (asked.Count > 0 ? asked : [.. Fields]).Except(excluded).ToHashSet(StringComparer.Ordinal);
        if (!nested)
        {
            wanted.Remove("subfolderArray");
        }

        return new FolderWire(wanted, companyName);
    }

    public W.Folder Of(Folder folder) => new()
    {
        FolderHandle = _wanted.Contains("folderHandle") ? folder.Handle : null,
        Path = _wanted.Contains("path") ? FolderPaths.Display(_companyName, folder.Path) : null,
        LastModified = _wanted.Contains("lastModified") ? folder.Modified.UtcDateTime : null,
        ChildLastModified = _wanted.Contains("childLastModified") ? folder.ChildModified.UtcDateTime : null,
        HasSubfolders = _wanted.Contains("hasSubfolders") ? folder.HasSubfolders : null,
    };

    /// <summary>The folders of a subtree (parents before children) as one nested top folder.</summary>
    public W.Folder Tree(IReadOnlyList<Folder> subtree)
    {
        var wire = subtree.ToDictionary(f => f.Id, Of);
        foreach (var folder in subtree.Skip(1))
        {
            if (folder.ParentId is { } parent && wire.TryGetValue(parent, out var parentWire))
            {
                (parentWire.SubfolderArray ??= new W.FolderArray()).Items.Add(wire[folder.Id]);
            }
        }

        return wire[subtree[0].Id];
    }
}
