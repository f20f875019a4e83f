using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using IpsApi.Assets.Files;
using IpsApi.Assets.Publishing;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.JobTypes.Export;
using IpsApi.Jobs.JobTypes.VideoPublish;

namespace IpsApi.Jobs.JobTypes.CreateVideoSitemap;

/// <summary>
/// createVideoSitemapJob: a sitemap (sitemaps.org, with Google's video extension) of the videos in the company's
/// published video catalog, served at <c>/is/content/&lt;company&gt;/video-sitemap.xml</c>. When the videos are the
/// same as at the last sitemap it is left as it is, unless <c>forceUpdate</c> asks for it to be written again.
/// </summary>
public sealed class CreateVideoSitemapExecutor(PublishCatalogs catalogs, IFileStore files, PublicAddress address, TimeProvider time)
    : JobExecutor<CreateVideoSitemapSpec>
{
    public const string SitemapName = "video-sitemap.xml";

    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Video = "http://www.google.com/schemas/sitemap-video/1.1";

    public override JobType Type => JobType.CreateVideoSitemap;

    protected override async Task ExecuteAsync(JobRun run, CreateVideoSitemapSpec spec, CancellationToken cancellationToken)
    {
        var company = run.Job.Company;
        var published = await catalogs.ListAsync(company.Id, CatalogKind.Video, cancellationToken);
        var videos = published.Where(e => e.AssetType == VideoPublishExecutor.VideoType).ToList();
        var byName = published.ToDictionary(e => e.Name, StringComparer.Ordinal);
        await run.Log.TotalFilesAsync(videos.Count, cancellationToken);

        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement(Sitemap + "urlset",
            new XAttribute(XNamespace.Xmlns + "video", Video),
            videos.Select(v => UrlOf(company.Handle, v, byName.GetValueOrDefault(PublishedEntry.KeyOf($"{v.DisplayName}-thumbnail"))))));
        var text = document.Declaration + Environment.NewLine + document.ToString(SaveOptions.None);
        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

        await using var draft = await catalogs.BeginAsync(company.Id, company.Storage, CatalogKind.VideoSitemap, cancellationToken);
        var key = PublishedEntry.KeyOf(SitemapName);
        if (draft.Current.TryGetValue(key, out var current) && current.Source.StartsWith(hash, StringComparison.Ordinal) && spec.ForceUpdate != true)
        {
            await run.Log.WriteAsync(JobLogTypes.CreateVideoSitemapSuccess, LogText.Of(LogKeys.SitemapUnchanged), SitemapName, "PublishCatalog", cancellationToken: cancellationToken);
            return;
        }

        // A forced rewrite is a new file even with the same content: the source names the version.
        var source = spec.ForceUpdate == true ? $"{hash}|{draft.Version}" : hash;
        var work = files.CreateWorkFolder(company.Storage);
        try
        {
            var local = Path.Combine(work, SitemapName);
            await File.WriteAllTextAsync(local, text, cancellationToken);
            var file = await draft.PlaceFileAsync(local, source, ".xml", cancellationToken);
            draft.Next[key] = new PublishedEntry(key, SitemapName, null, "VideoSitemap", "", source, file, "application/xml",
                new FileInfo(local).Length, null, null, time.GetUtcNow());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        await draft.CommitAsync(cancellationToken);
        await run.Log.WriteAsync(JobLogTypes.CreateVideoSitemapSuccess, LogText.Of(LogKeys.SitemapWritten, videos.Count.ToString(CultureInfo.InvariantCulture)),
            SitemapName, "PublishCatalog", cancellationToken: cancellationToken);
    }

    private XElement UrlOf(string company, PublishedEntry video, PublishedEntry? thumbnail)
    {
        var content = address.UrlOf($"/is/content/{Uri.EscapeDataString(company)}/{Uri.EscapeDataString(video.DisplayName)}");
        var title = video.Metadata?.GetValueOrDefault("title") ?? video.DisplayName;
        var description = video.Metadata?.GetValueOrDefault("description") ?? title;
        return new XElement(Sitemap + "url",
            new XElement(Sitemap + "loc", content),
            new XElement(Video + "video",
                thumbnail is null ? null : new XElement(Video + "thumbnail_loc",
                    address.UrlOf($"/is/content/{Uri.EscapeDataString(company)}/{Uri.EscapeDataString(thumbnail.DisplayName)}")),
                new XElement(Video + "title", title),
                new XElement(Video + "description", description),
                new XElement(Video + "content_loc", content),
                video.Metadata?.GetValueOrDefault("durationSeconds") is { } seconds ? new XElement(Video + "duration", seconds) : null,
                new XElement(Video + "publication_date", video.Modified.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))));
    }
}
