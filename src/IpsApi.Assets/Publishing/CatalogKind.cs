namespace IpsApi.Assets.Publishing;

/// <summary>The catalogs a company publishes into, one per kind of delivery.</summary>
public enum CatalogKind
{
    /// <summary>Images and sets served by <c>/is/image</c> (imageServingPublishJob).</summary>
    ImageServing,

    /// <summary>Material and scene files of the company's <c>render/</c> folder (imageRenderingPublishJob).</summary>
    ImageRendering,

    /// <summary>Videos with their encodes and thumbnails, served by <c>/is/content</c> (videoPublishJob).</summary>
    Video,

    /// <summary>The company's server directory, served by <c>/is/content</c> (serverDirectoryPublishJob).</summary>
    ServerDirectory,

    /// <summary>Asset metadata in the catalog index (metadataPublishJob).</summary>
    Metadata,

    /// <summary>The video sitemap (createVideoSitemapJob).</summary>
    VideoSitemap,
}

public static class CatalogKinds
{
    /// <summary>The folder of the kind's published files under the company's publish/ folder.</summary>
    public static string Folder(this CatalogKind kind) => kind switch
    {
        CatalogKind.ImageServing => "image",
        CatalogKind.ImageRendering => "render",
        CatalogKind.Video => "video",
        CatalogKind.ServerDirectory => "static",
        CatalogKind.Metadata => "metadata",
        _ => "sitemap",
    };
}
