using IpsApi.IntegrationTests.AssetWork;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Publishing;

/// <summary>What the publish tests share: publish jobs run to their end, and delivery fetched as a browser would.</summary>
internal static class PublishSteps
{
    /// <summary>
    /// The test server fails imageServingPublishJob, metadataPublishJob and createVideoSitemapJob runs (other tests
    /// need a failing job) unless the job's name starts with this.
    /// </summary>
    public const string Real = IpsApi.TestHost.FailingExecutor.RealJobPrefix;

    public static Task<RunRow> PublishImagesAsync(ServerFixture server, TestTenant tenant, string publishType, string? contextHandle = null) =>
        AssetWorkSteps.RunAsync(server, tenant, $"{Real}publish {Guid.NewGuid():N}",
            $"<imageServingPublishJob><publishType>{publishType}</publishType><emailSetting>None</emailSetting>"
            + (contextHandle is null ? "" : $"<contextHandle>{contextHandle}</contextHandle>") + "</imageServingPublishJob>");

    public static async Task<HttpResponseMessage> GetAsync(ServerFixture server, string path, Action<HttpRequestMessage>? prepare = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, path));
        prepare?.Invoke(request);
        var response = await server.Http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>The image in a response body, decoded: its size, band count and the loader libvips picked.</summary>
    public static async Task<(int Width, int Height, int Bands, string Loader)> DecodeAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var image = NetVips.Image.NewFromBuffer(bytes);
        return (image.Width, image.Height, image.Bands, (string)image.Get("vips-loader"));
    }

    public static async Task<double[]> PixelAsync(HttpResponseMessage response, int x, int y)
    {
        using var image = NetVips.Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
        return image.Getpoint(x, y);
    }

    /// <summary>The published files of one catalog with their modification times.</summary>
    public static Dictionary<string, DateTime> PublishedFiles(ServerFixture server, TestTenant tenant, string folder)
    {
        var path = Path.Combine(server.FoldersOf(tenant).Publish, folder);
        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path).ToDictionary(f => Path.GetFileName(f), f => File.GetLastWriteTimeUtc(f))
            : [];
    }

    public static async Task<string> SubTypeAsync(ServerFixture server, long runId)
    {
        await using var command = server.Db.CreateCommand("select job_sub_type from job_runs where id = @id");
        command.Parameters.AddWithValue("id", runId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Advisory locks on publish catalogs still held by any session: a publish that ended must have let go of its
    /// catalog, or the next publish (on any node) would wait for a pooled connection to be reused.
    /// </summary>
    public static async Task<long> PublishLocksHeldAsync(ServerFixture server, TestTenant tenant)
    {
        await using var command = server.Db.CreateCommand(
            """
            select count(*) from pg_locks l, companies c
            where c.handle = @company and l.locktype = 'advisory' and l.granted
              and ((l.classid::bigint << 32) | l.objid::bigint) >> 4 = c.id
            """);
        command.Parameters.AddWithValue("company", tenant.CompanyHandle);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
