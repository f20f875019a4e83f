using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Xml.Linq;
using IpsApi.Bench.Ingest;

namespace IpsApi.Bench.Upload;

/// <summary>How a run of POSTs went: how long until the last was answered, and the receiver's memory meanwhile.</summary>
public sealed record UploadMeasure(TimeSpan Elapsed, long Bytes, double RssFirstMiB, double RssMaxMiB, double RssLastMiB)
{
    public double MegabytesPerSecond => Bytes / 1e6 / Elapsed.TotalSeconds;

    public string Rss => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{RssFirstMiB:0}-{RssMaxMiB:0}-{RssLastMiB:0}");
}

/// <summary>
/// One upload job's POSTs as a desktop tool sends them: the first opens the job with one file (jobName), the rest
/// carry one file each with the job's handle, several at a time on as many connections, and a last one with endJob
/// and no file. The same multipart bodies go to the server and to the bare baseline; the receiver's RSS is read every
/// 100 ms while they go in.
/// </summary>
public static class UploadLoad
{
    private const string Ips = "http://www.scene7.com/IpsApi/xsd/2014-04-03";

    /// <param name="jobName">The job's name; its files go to a folder of that name.</param>
    public static async Task<UploadMeasure> RunAsync(
        Uri endpoint, string company, string email, string password, string jobName, IReadOnlyList<BenchImage> images, int parallel,
        Func<double> rss, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = parallel }) { Timeout = TimeSpan.FromHours(1) };
        var auth = $"<authHeader xmlns=\"{Ips}\"><user>{SecurityElement.Escape(email)}</user><password>{SecurityElement.Escape(password)}</password>"
            + "<appName>ipsapi bench</appName></authHeader>";
        var samples = new List<double> { rss() };
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                await Task.Delay(100, CancellationToken.None);
                lock (samples)
                {
                    samples.Add(rss());
                }
            }
        }, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var open = $"<uploadPostParam xmlns=\"{Ips}\"><companyHandle>{SecurityElement.Escape(company)}</companyHandle>"
            + $"<jobName>{SecurityElement.Escape(jobName)}</jobName><destFolder>{SecurityElement.Escape(jobName)}</destFolder><uploadParams><overwrite>true</overwrite>"
            + "<readyForPublish>true</readyForPublish><createMask>false</createMask><emailSetting>None</emailSetting></uploadParams></uploadPostParam>";
        var handle = await PostAsync(http, endpoint, auth, open, images[0], cancellationToken);
        string Add(bool end) => $"<uploadPostParam xmlns=\"{Ips}\"><companyHandle>{SecurityElement.Escape(company)}</companyHandle>"
            + $"<jobHandle>{SecurityElement.Escape(handle)}</jobHandle><destFolder>{SecurityElement.Escape(jobName)}</destFolder>{(end ? "<endJob>true</endJob>" : "")}</uploadPostParam>";
        await Parallel.ForEachAsync(images.Skip(1), new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (image, token) => await PostAsync(http, endpoint, auth, Add(end: false), image, token));
        await PostAsync(http, endpoint, auth, Add(end: true), null, cancellationToken);
        var elapsed = clock.Elapsed;

        await sampling.CancelAsync();
        await sampler;
        samples.Add(rss());
        return new UploadMeasure(elapsed, images.Sum(i => i.Bytes), samples[0], samples.Max(), samples[^1]);
    }

    /// <summary>One POST; answers the job handle, or the benchmark fails with what the receiver said.</summary>
    private static async Task<string> PostAsync(
        HttpClient http, Uri endpoint, string auth, string uploadParams, BenchImage? image, CancellationToken cancellationToken)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(auth, Encoding.UTF8, "text/xml"), "auth" },
            { new StringContent(uploadParams, Encoding.UTF8, "text/xml"), "uploadParams" },
        };
        if (image is not null)
        {
            var file = new StreamContent(new FileStream(image.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "file", image.Name);
        }

        using var response = await http.PostAsync(endpoint, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var jobHandle = response.IsSuccessStatusCode ? XDocument.Parse(text).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "jobHandle")?.Value : null;
        return jobHandle ?? throw new BenchmarkFailedException($"a POST was refused ({(int)response.StatusCode}): {text}");
    }
}
