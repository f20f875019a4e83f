namespace IpsApi.Assets.Processing;

/// <summary>What a file is, as far as processing cares.</summary>
public enum AssetKind
{
    Image,
    Pdf,
    Video,
    Zip,
    Other,
}
