using System.Globalization;
using System.Net;
using IpsApi.Jobs.Engine;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.Net;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.JobTypes.UploadUrls;

/// <summary>A download that did not happen, with a reason safe to put in the job log, in the reader's language.</summary>
public sealed class DownloadFailedException(LogText reason) : Exception(reason.English)
{
    public LogText Reason { get; } = reason;
}

/// <summary>
/// Downloads a URL to a file with constant memory (streamed in 80 KB pieces), within a size limit and timeouts,
/// retrying network errors and 5xx answers. Every address is checked against the outbound policy: the URL
/// before asking, each redirect target before following it, and the connected address itself (the policy's
/// handler), so neither a redirect nor DNS can lead it to a private or loopback address that is not allowed.
/// </summary>
public sealed class UrlFetcher(IHttpClientFactory clients, OutboundUrlPolicy policy, IOptions<DownloadOptions> options)
{
    public async Task<long> DownloadAsync(Uri url, string destination, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await DownloadOnceAsync(url, destination, settings, cancellationToken);
            }
            catch (Exception e) when (attempt < settings.Retries && IsWorthRetrying(e) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(Backoff.DelayAfter(attempt + 1, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1)), cancellationToken);
            }
            catch (HttpRequestException e) when (OutboundRequestRefusedException.FindIn(e) is { } refused)
            {
                throw new DownloadFailedException(LogText.Plain(refused.Message));
            }
            catch (HttpRequestException)
            {
                throw new DownloadFailedException(LogText.Of(LogKeys.DownloadUnreachable));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DownloadFailedException(LogText.Of(LogKeys.DownloadTimedOut));
            }
        }
    }

    private async Task<long> DownloadOnceAsync(Uri url, string destination, DownloadOptions settings, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(OutboundHttp.ClientName);
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            var decision = policy.CheckUrl(current);
            if (!decision.Allowed)
            {
                throw new DownloadFailedException(LogText.Of(redirects == 0 ? LogKeys.DownloadRefused : LogKeys.DownloadRedirectRefused, decision.Reason ?? ""));
            }

            using var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            headers.CancelAfter(TimeSpan.FromSeconds(settings.ConnectTimeoutSeconds));
            using var response = await client.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, headers.Token);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (redirects >= settings.MaxRedirects)
                {
                    throw new DownloadFailedException(LogText.Of(LogKeys.DownloadTooManyRedirects, Number(settings.MaxRedirects)));
                }

                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }

            if ((int)response.StatusCode >= 500)
            {
                throw new HttpRequestException($"server error {(int)response.StatusCode}", null, response.StatusCode);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new DownloadFailedException(LogText.Of(LogKeys.DownloadHttpStatus, Number((int)response.StatusCode), response.ReasonPhrase ?? ""));
            }

            if (response.Content.Headers.ContentLength > settings.MaxBytes)
            {
                throw new DownloadFailedException(LogText.Of(LogKeys.DownloadTooLarge, Number(settings.MaxBytes)));
            }

            return await CopyAsync(response, destination, settings, cancellationToken);
        }
    }

    private static async Task<long> CopyAsync(HttpResponseMessage response, string destination, DownloadOptions settings, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var output = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long total = 0;
        while (true)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(TimeSpan.FromSeconds(settings.ReadTimeoutSeconds));
            var read = await body.ReadAsync(buffer, idle.Token);
            if (read == 0)
            {
                return total;
            }

            total += read;
            if (total > settings.MaxBytes)
            {
                throw new DownloadFailedException(LogText.Of(LogKeys.DownloadTooLarge, Number(settings.MaxBytes)));
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool IsWorthRetrying(Exception e) => e switch
    {
        HttpRequestException http when OutboundRequestRefusedException.FindIn(http) is not null => false,
        HttpRequestException http => http.StatusCode is null or >= HttpStatusCode.InternalServerError,
        _ => false,
    };
}
