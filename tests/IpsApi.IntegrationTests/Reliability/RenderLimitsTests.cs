using System.Net;
using System.Net.Sockets;
using System.Security;
using IpsApi.IntegrationTests.Infrastructure;

namespace IpsApi.IntegrationTests.Reliability;

/// <summary>
/// Unauthenticated render cost on /is/image, on a node of its own with small limits and no rendition cache (every
/// request renders): clients are told apart by their loopback source address (127.0.0.2, .3, .4), as different
/// machines would be.
/// </summary>
[Collection(ReliabilityRun.Collection)]
public sealed class RenderLimitsTests
{
    private const string Heavy = "wid=3000&rotate=10&fmt=png";

    [Fact]
    public async Task Each_client_is_rate_limited_and_held_to_its_own_renders_and_a_full_render_queue_answers_503()
    {
        await using var database = await TestDatabase.CreateAsync("render");
        var storage = Directory.CreateTempSubdirectory("ipsapi-render-").FullName;
        await using var files = await TestFileServer.StartAsync();
        await using var node = await ServerProcess.StartAsync(database.ConnectionString, "render-node", storage, environment: new Dictionary<string, string>
        {
            ["IPSAPI_OUTBOUND__ALLOWLOOPBACK"] = "true",
            ["IPSAPI_DELIVERY__MAXCONCURRENTRENDERS"] = "1",
            ["IPSAPI_DELIVERY__MAXQUEUEDRENDERS"] = "1",
            ["IPSAPI_DELIVERY__MAXREQUESTSPERCLIENT"] = "2",
            ["IPSAPI_DELIVERY__CLIENTQUEUELIMIT"] = "1",
            ["IPSAPI_DELIVERY__RATEPERSECOND"] = "1",
            ["IPSAPI_DELIVERY__RATEBURST"] = "8",
            ["IPSAPI_DELIVERY__RENDITIONCACHEMEGABYTES"] = "0",
        });
        await PublishNoiseAsync(database, node, files);
        var image = new Uri(node.BaseAddress, "/is/image/77/noise");

        // A client over its rate: the burst passes, then 429 with Retry-After.
        using var a = ClientFrom("127.0.0.2");
        var rated = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            rated.Add(await a.GetAsync(new Uri(image, "?req=imageprops")));
        }

        // A client asking for six expensive renders at once: two in progress, one waiting behind them, three refused.
        using var b = ClientFrom("127.0.0.3");
        var flood = Enumerable.Range(0, 6).Select(i => b.GetAsync(new Uri(image, $"?{Heavy}&qlt={90 + i}"))).ToList();
        // Another client while those hold the render slot and the one queue place: 503 and Retry-After (tried until it
        // meets the full queue, or the flood is over).
        using var c = ClientFrom("127.0.0.4");
        HttpResponseMessage? busy = null;
        while (busy is null && !flood.All(f => f.IsCompleted))
        {
            await Task.Delay(100);
            var attempt = await c.GetAsync(new Uri(image, $"?{Heavy}&qlt=80"));
            if (attempt.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                busy = attempt;
            }
        }

        var flooded = await Task.WhenAll(flood);
        var later = await c.GetAsync(new Uri(image, "?wid=100"));

        var ratedCodes = rated.Select(r => (int)r.StatusCode).ToList();
        Assert.Equal(Enumerable.Repeat(200, 8), ratedCodes.Take(8));
        Assert.Contains(429, ratedCodes.Skip(8));
        Assert.True(rated.First(r => r.StatusCode == HttpStatusCode.TooManyRequests).Headers.RetryAfter!.Delta >= TimeSpan.FromSeconds(1));
        var floodCodes = flooded.Select(r => (int)r.StatusCode).Order().ToList();
        Assert.True(floodCodes.Count(code => code == 429) >= 3, string.Join(",", floodCodes));
        Assert.Contains(200, floodCodes);
        Assert.NotNull(busy);
        Assert.Equal(TimeSpan.FromSeconds(2), busy!.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        SecurityReview.Held(
            "/is/image without credentials: one client asks 12 times in a row, another asks 6 expensive renders (3000 px, rotated, PNG) at once, a third asks while those render (node with 1 render slot, 1 queue place, 2 requests per client, rate 1/s with a burst of 8)",
            "12 + 6 + 1",
            "the first client got 429 with Retry-After after its burst; the second had 2 requests in progress, 1 waiting and the rest 429; the third got 503 with Retry-After: 2 while the queue was full and 200 afterwards",
            $"rated {string.Join(",", ratedCodes)}; flood {string.Join(",", floodCodes)}");
    }

    /// <summary>A client whose connections come from <paramref name="source"/> (any 127.x address is this machine).</summary>
    private static HttpClient ClientFrom(string source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>A 4000 x 3000 image of noise (expensive to render at full size), uploaded and published on the node.</summary>
    private static async Task PublishNoiseAsync(TestDatabase database, ServerProcess node, TestFileServer files)
    {
        byte[] jpeg;
        using (var noise = NetVips.Image.Gaussnoise(4000, 3000, mean: 128, sigma: 60))
        using (var bands = noise.Bandjoin(noise, noise).Cast(NetVips.Enums.BandFormat.Uchar))
        using (var srgb = bands.Copy(interpretation: NetVips.Enums.Interpretation.Srgb))
        {
            jpeg = srgb.JpegsaveBuffer(q: 90);
        }

        var url = files.Add("noise.jpg", jpeg);
        await SubmitAsync(node, database.Tenant, "upload noise",
            $"<uploadUrlsJob><urlArray><items><sourceUrl>{SecurityElement.Escape(url)}</sourceUrl><destPath>noise.jpg</destPath></items></urlArray>"
            + "<overwrite>true</overwrite><readyForPublish>true</readyForPublish><createMask>false</createMask><emailSetting>None</emailSetting></uploadUrlsJob>");
        await Eventually.WaitAsync(() => database.ScalarAsync<long>("select count(*) from job_runs where state = 'Done'"), n => n == 1, "the upload", 120);
        await SubmitAsync(node, database.Tenant, $"{IpsApi.TestHost.FailingExecutor.RealJobPrefix}publish",
            "<imageServingPublishJob><publishType>Full</publishType><emailSetting>None</emailSetting></imageServingPublishJob>");
        await Eventually.WaitAsync(() => database.ScalarAsync<long>("select count(*) from job_runs where state = 'Done'"), n => n == 2, "the publish", 120);
    }

    private static async Task SubmitAsync(ServerProcess node, TestTenant tenant, string name, string jobElement)
    {
        using var http = new HttpClient();
        using var content = new StringContent(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, name, jobElement)),
            System.Text.Encoding.UTF8, "text/xml");
        using var response = await http.PostAsync(node.ServiceAddress, content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
