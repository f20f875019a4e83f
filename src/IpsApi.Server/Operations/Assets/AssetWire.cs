using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using W = IpsApi.Wire;

namespace IpsApi.Server.Operations.Assets;

/// <summary>
/// Assets as the wire carries them: documented type names, the folder as clients see it, times in UTC. What this
/// server has no data for (a creator of an asset written before users were recorded, the size of a set) is left
/// out, never invented.
/// </summary>
public static class AssetWire
{
    public static W.Asset Of(AssetView asset, Company company) => new()
    {
        AssetHandle = AssetHandles.Format(company.Handle, asset.Id),
        Type = asset.TypeName,
        SubType = asset.SubType,
        Name = asset.Name,
        FileName = asset.FileName,
        Folder = FolderPaths.Display(company.Name, asset.Folder),
        FolderHandle = asset.FolderId is { } folderId ? FolderHandles.Format(company.Handle, folderId) : null,
        TrashState = asset.TrashState,
        ReadyForPublish = asset.ReadyForPublish,
        Created = asset.Created.UtcDateTime,
        CreateUser = asset.CreatedBy,
        LastModified = asset.LastModified.UtcDateTime,
        LastModifyUser = asset.LastModifiedBy,
        MetadataArray = MetadataOf(asset.Metadata),
        ImageInfo = asset.Kind == AssetType.Image
            ? new W.ImageInfo { Width = asset.Width, Height = asset.Height, FileSize = FileSize(asset.Size) }
            : null,
        PdfInfo = asset.Kind == AssetType.Pdf ? new W.PdfInfo { FileSize = FileSize(asset.Size) } : null,
        MasterVideoInfo = asset.Kind == AssetType.Video ? new W.MasterVideoInfo { FileSize = FileSize(asset.Size) } : null,
    };

    public static W.AssetArray? ArrayOf(IEnumerable<AssetView> assets, Company company) =>
        assets.Select(a => Of(a, company)).ToList() is { Count: > 0 } items ? new W.AssetArray { Items = items } : null;

    /// <summary>An asset as searchAssetsByMetadata answers it, with the metadata fields asked for that it has.</summary>
    public static W.AssetSummary SummaryOf(AssetView asset, Company company, IReadOnlyCollection<string> metadataFields) => new()
    {
        AssetHandle = AssetHandles.Format(company.Handle, asset.Id),
        Type = asset.TypeName,
        Name = asset.Name,
        Folder = FolderPaths.Display(company.Name, asset.Folder),
        Filename = asset.FileName,
        Created = asset.Created.UtcDateTime,
        CreateUser = asset.CreatedBy,
        LastModified = asset.LastModified.UtcDateTime,
        LastModifyUser = asset.LastModifiedBy,
        MetadataArray = metadataFields.Count == 0 || asset.Metadata is null
            ? null
            : MetadataOf(metadataFields.Where(asset.Metadata.ContainsKey).ToDictionary(f => f, f => asset.Metadata[f], StringComparer.Ordinal)),
    };

    private static W.MetadataArray? MetadataOf(IReadOnlyDictionary<string, string>? metadata) =>
        metadata is { Count: > 0 }
            ? new W.MetadataArray { Items = [.. metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new W.Metadata { Name = m.Key, Value = m.Value })] }
            : null;

    /// <summary>The documented fileSize is an xsd:int: larger files say its largest value.</summary>
    private static int FileSize(long size) => (int)Math.Min(size, int.MaxValue);
}
