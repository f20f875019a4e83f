using System.Text.Json.Serialization;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.JobTypes.Ingest;
using IpsApi.Jobs.JobTypes.Mapping;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static IpsApi.Jobs.JobTypes.Mapping.WireReader;
using W = IpsApi.Wire;

namespace IpsApi.Jobs.JobTypes.UploadUrls;

/// <summary>Fetch files from URLs into the asset tree (<c>uploadUrlsJob</c>).</summary>
/// <param name="Urls">The <c>urlArray</c> items; null when the array was left out.</param>
[JobElement("uploadUrlsJob")]
public sealed record UploadUrlsSpec(
    IReadOnlyList<UploadUrl>? Urls,
    int? NumUrls,
    bool Overwrite,
    bool ReadyForPublish,
    bool? PreservePublishState,
    IngestOptions Processing,
    EmailSetting EmailSetting,
    PostJobOptions Post) : JobSpec
{
    [JsonIgnore]
    public override JobType Type => JobType.UrlUpload;

    public override RunNotification Notification() => new(EmailSetting, Post.PostHttpUrl);

    public override string LogName() => "UploadUrls";
}

/// <summary>uploadUrlsJob: its element on the wire and its executor.</summary>
public sealed class UploadUrlsJobType : JobTypeDefinition<W.UploadUrlsJob, UploadUrlsSpec>
{
    public override Type ExecutorType => typeof(UploadUrlsExecutor);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        base.AddServices(services, configuration);
        services.AddOptions<DownloadOptions>().Bind(configuration.GetSection(DownloadOptions.Section));
        services.AddSingleton<UrlFetcher>();
    }

    public override UploadUrlsSpec Read(WireReader reader, W.UploadUrlsJob element, string path)
    {
        if (element.NumUrls is < 0)
        {
            reader.Invalid(PathOf(path, "numUrls"), $"{element.NumUrls} (must be 0 or more)");
        }

        return new UploadUrlsSpec(
            Urls(reader, element.UrlArray, PathOf(path, "urlArray")),
            element.NumUrls,
            reader.RequiredBool(element.Overwrite, PathOf(path, "overwrite")),
            reader.RequiredBool(element.ReadyForPublish, PathOf(path, "readyForPublish")),
            element.PreservePublishState,
            IngestWire.ReadIngest(reader, element, path),
            reader.RequiredEnum<EmailSetting>(element.EmailSetting, PathOf(path, "emailSetting")),
            IngestWire.ReadPostJob(reader, element, path));
    }

    public override W.UploadUrlsJob Echo(UploadUrlsSpec spec) => IngestWire.WithShared(
        new W.UploadUrlsJob
        {
            UrlArray = spec.Urls is null
                ? null
                : new W.UploadUrlArray
                {
                    Items = [.. spec.Urls.Select(u => new W.UploadUrl { SourceUrl = u.SourceUrl, DestPath = u.DestPath })],
                },
            NumUrls = spec.NumUrls,
            Overwrite = spec.Overwrite,
            ReadyForPublish = spec.ReadyForPublish,
            PreservePublishState = spec.PreservePublishState,
            EmailSetting = spec.EmailSetting.ToString(),
        },
        spec.Processing,
        spec.Post);

    protected override W.UploadUrlsJob? Get(W.IJobElements carrier) => carrier.UploadUrlsJob;

    protected override void Set(W.IJobElements carrier, W.UploadUrlsJob element) => carrier.UploadUrlsJob = element;

    private static UploadUrl[]? Urls(WireReader reader, W.UploadUrlArray? array, string path)
    {
        if (array is null)
        {
            return null;
        }

        var urls = new UploadUrl[array.Items.Count];
        for (var i = 0; i < urls.Length; i++)
        {
            var itemPath = $"{path}/items[{i}]";
            var item = array.Items[i];
            var sourceUrl = reader.RequiredString(item?.SourceUrl, PathOf(itemPath, "sourceUrl"));
            if (sourceUrl.Length > 0)
            {
                reader.HttpUrl(sourceUrl, PathOf(itemPath, "sourceUrl"));
            }

            var destPath = reader.RequiredString(item?.DestPath, PathOf(itemPath, "destPath"));
            reader.FolderPath(destPath, PathOf(itemPath, "destPath"));
            urls[i] = new UploadUrl(sourceUrl, destPath);
        }

        return urls;
    }
}
